import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { binaryOutputProperty } from './descriptions';
import type { DownloadedFile } from './files';
import { fileOutput } from './files';
import { requiredLocatorValue } from './parameters';
import type { AtsOperation, OperationResult } from './router';

/**
 * Operations on one record the user picks — Get, Delete, Download — written once for both ATS nodes. An ATS gives its
 * side as a `RecordApi` (its request functions and envelope), and each record as a `RecordSpec` (its route and the
 * locators that fill it); the operation's parameters, the errors naming an empty locator, the delete's output and the
 * downloaded file's item are the same for every record of every ATS.
 */

/** One locator of a record's route: the placeholder it fills, the parameter, and the key it has in the output. */
export interface RouteLocator {
	param: string;
	property: INodeProperties;
	/** Key of its id in a Delete's or Download's output (default: `id` for the record itself, else `param`). */
	outputKey?: string;
}

export interface RecordSpec {
	resource: string;
	/** e.g. `/opportunities/{opportunity}/notes/{noteId}` */
	route: string;
	/** The locators that fill the route's placeholders: the record's parents first, the record itself last. */
	locators: RouteLocator[];
}

/** An ATS's side: its requests (through the shared pipeline) and, for writes, what the user adds (Lever's Perform As). */
export interface RecordApi {
	get(
		this: IExecuteFunctions,
		route: string,
		params: Record<string, string>,
		itemIndex: number,
	): Promise<IDataObject>;
	delete(
		this: IExecuteFunctions,
		route: string,
		params: Record<string, string>,
		itemIndex: number,
		write: IDataObject,
	): Promise<void>;
	download(
		this: IExecuteFunctions,
		route: string,
		params: Record<string, string>,
		qs: IDataObject,
		itemIndex: number,
	): Promise<DownloadedFile>;
	/** Where a record's file is, after the record's route: Lever's `/download`; default none. */
	downloadSuffix?: string;
	/** Parameters a write may need and how they are read, e.g. `{performAs}`. */
	writeProperties?: INodeProperties[];
	writeOptions?(this: IExecuteFunctions, itemIndex: number): IDataObject;
}

/** The route parameters of the record an item is about; an empty locator is refused naming the field. */
export function recordParams(
	this: IExecuteFunctions,
	spec: RecordSpec,
	itemIndex: number,
): Record<string, string> {
	return Object.fromEntries(
		spec.locators.map(({ param, property }) => [
			param,
			requiredLocatorValue.call(this, property.name, property.displayName, itemIndex),
		]),
	);
}

/** The record's locators as operation parameters, each required. */
export function recordProperties(spec: RecordSpec): INodeProperties[] {
	return spec.locators.map(({ property }) => ({ ...property, required: true }));
}

/** Which record an output item is about: `{id, <parent>: …}`. */
function recordIds(spec: RecordSpec, params: Record<string, string>): IDataObject {
	const last = spec.locators.length - 1;
	return Object.fromEntries(
		spec.locators.map(({ param, outputKey }, index) => [
			outputKey ?? (index === last ? 'id' : param),
			params[param],
		]),
	);
}

function operationFor(
	spec: RecordSpec,
	operation: string,
	properties: INodeProperties[],
	execute: (
		this: IExecuteFunctions,
		itemIndex: number,
		params: Record<string, string>,
	) => Promise<OperationResult>,
): AtsOperation {
	return {
		description: updateDisplayOptions(
			{ show: { resource: [spec.resource], operation: [operation] } },
			[...recordProperties(spec), ...properties],
		),
		async execute(this: IExecuteFunctions, itemIndex: number) {
			return await execute.call(this, itemIndex, recordParams.call(this, spec, itemIndex));
		},
	};
}

/** "Get": the record. */
export function getOperation(api: RecordApi, spec: RecordSpec): AtsOperation {
	return operationFor(spec, 'get', [], async function (itemIndex, params) {
		return await api.get.call(this, spec.route, params, itemIndex);
	});
}

/** "Delete": the vendors answer 204 without a body, so the output says which record went: `{id, deleted: true}`. */
export function deleteOperation(
	api: RecordApi,
	spec: RecordSpec,
	options: { write?: boolean } = {},
): AtsOperation {
	return operationFor(
		spec,
		'delete',
		options.write ? (api.writeProperties ?? []) : [],
		async function (itemIndex, params) {
			const write = options.write ? (api.writeOptions?.call(this, itemIndex) ?? {}) : {};
			await api.delete.call(this, spec.route, params, itemIndex, write);
			return { ...recordIds(spec, params), deleted: true };
		},
	);
}

/**
 * "Download": the record's file (at its route plus the ATS's `downloadSuffix`) into the binary field the user names, with the
 * vendor's file name and content type; the item's JSON says which record it is. `extra` properties and `query` add
 * download options (e.g. which offer document); `fallbackName` names a file the vendor sends without a name.
 */
export function downloadOperation(
	api: RecordApi,
	spec: RecordSpec,
	options: {
		extra?: INodeProperties[];
		query?: (this: IExecuteFunctions, itemIndex: number) => IDataObject;
		fallbackName?: (id: string) => string;
		/** The operation's value where a resource has several downloads (SmartRecruiters' Download Attachment). */
		operation?: string;
	} = {},
): AtsOperation {
	return operationFor(
		spec,
		options.operation ?? 'download',
		[binaryOutputProperty(), ...(options.extra ?? [])],
		async function (itemIndex, params) {
			const qs = options.query?.call(this, itemIndex) ?? {};
			const file = await api.download.call(
				this,
				`${spec.route}${api.downloadSuffix ?? ''}`,
				params,
				qs,
				itemIndex,
			);
			const ids = recordIds(spec, params);
			const fallbackName =
				options.fallbackName?.(String(ids.id)) ?? `${spec.resource}-${String(ids.id)}`;
			return await fileOutput.call(this, itemIndex, file, ids, fallbackName);
		},
	);
}

/** The three operations bound to one ATS's side, as its nodes use them. */
export function recordOperations(api: RecordApi) {
	return {
		getOperation: (spec: RecordSpec) => getOperation(api, spec),
		/** `write`: the delete asks for the ATS's write parameters (Lever requires a Perform As user for some). */
		deleteOperation: (spec: RecordSpec, options: { write?: boolean } = {}) =>
			deleteOperation(api, spec, options),
		downloadOperation: (spec: RecordSpec, options: Parameters<typeof downloadOperation>[2] = {}) =>
			downloadOperation(api, spec, options),
	};
}
