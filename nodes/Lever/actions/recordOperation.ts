import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { binaryOutputProperty, downloadedFile } from '../../shared/binary';
import { locatorValue, requiredLocatorValue } from '../../shared/parameters';
import type { AtsOperation, OperationResult } from '../../shared/router';
import { leverApiDownload, leverApiRequest } from '../transport';
import { opportunityParams, opportunityRLC, performAsRLC } from './common.descriptions';

/** One Lever record the user picks: its route (`{opportunity}` for records of an opportunity) and its locator. */
export interface RecordSpec {
	resource: string;
	/** e.g. `/opportunities/{opportunity}/notes/{noteId}` */
	route: string;
	/** The locator the user picks the record with; its value fills `param`. */
	locator: INodeProperties;
	/** The route placeholder the record's id fills, e.g. `noteId`. */
	param: string;
}

/** The route parameters of the record an item is about; an empty locator is refused naming the field. */
export function recordParams(this: IExecuteFunctions, spec: RecordSpec, itemIndex: number): Record<string, string> {
	return {
		...(spec.route.includes('{opportunity}') ? opportunityParams.call(this, itemIndex) : {}),
		[spec.param]: requiredLocatorValue.call(this, spec.locator.name, spec.locator.displayName, itemIndex),
	};
}

/** The locators of a record (the opportunity first, where the record belongs to one). */
export function recordProperties(spec: RecordSpec): INodeProperties[] {
	return [...(spec.route.includes('{opportunity}') ? [opportunityRLC] : []), { ...spec.locator, required: true }];
}

function operationFor(
	spec: RecordSpec,
	operation: string,
	properties: INodeProperties[],
	execute: (this: IExecuteFunctions, itemIndex: number, params: Record<string, string>) => Promise<OperationResult>,
): AtsOperation {
	return {
		description: updateDisplayOptions({ show: { resource: [spec.resource], operation: [operation] } }, [...recordProperties(spec), ...properties]),
		async execute(this: IExecuteFunctions, itemIndex: number) {
			return await execute.call(this, itemIndex, recordParams.call(this, spec, itemIndex));
		},
	};
}

/** "Get": the record, from Lever's `{data}` envelope. */
export function getOperation(spec: RecordSpec): AtsOperation {
	return operationFor(spec, 'get', [], async function (itemIndex, params) {
		return (await leverApiRequest.call(this, 'GET', spec.route, { params, itemIndex })).data as IDataObject;
	});
}

/**
 * "Delete": Lever answers 204 without a body, so the output is the id with `deleted: true`. With `performAs` the
 * operation has a "Perform As" field (Lever requires perform_as on some deletes, lever.md §6.1).
 */
export function deleteOperation(spec: RecordSpec, options: { performAs?: boolean } = {}): AtsOperation {
	return operationFor(spec, 'delete', options.performAs ? [performAsRLC] : [], async function (itemIndex, params) {
		await leverApiRequest.call(this, 'DELETE', spec.route, {
			params,
			performAs: options.performAs ? locatorValue.call(this, 'performAs', itemIndex) : undefined,
			itemIndex,
		});
		return { id: params[spec.param], deleted: true };
	});
}

/**
 * "Download": the file at `<route>/download` into the binary field the user names; the JSON says which record it is.
 * `extra` properties and `query` add download options (e.g. which offer document).
 */
export function downloadOperation(
	spec: RecordSpec,
	options: { extra?: INodeProperties[]; query?: (this: IExecuteFunctions, itemIndex: number) => IDataObject } = {},
): AtsOperation {
	return operationFor(spec, 'download', [binaryOutputProperty, ...(options.extra ?? [])], async function (itemIndex, params) {
		const response = await leverApiDownload.call(this, `${spec.route}/download`, {
			params,
			qs: options.query?.call(this, itemIndex) ?? {},
			itemIndex,
		});
		const { opportunity, ...record } = params;
		return await downloadedFile.call(this, itemIndex, response, {
			id: record[spec.param],
			...(opportunity ? { opportunityId: opportunity } : {}),
		});
	});
}
