import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorValue } from '../../shared/parameters';
import type { RecordApi, RecordSpec } from '../../shared/recordOperations';
import { recordOperations } from '../../shared/recordOperations';
import { leverApiDownload, leverApiRequest } from '../transport';
import { opportunityRLC, performAsRLC } from './common.descriptions';

export type { RecordSpec } from '../../shared/recordOperations';
export { recordParams, recordProperties } from '../../shared/recordOperations';

/** Lever's side of the shared record operations: records in `{data}`, writes made as the Perform As user. */
const LEVER: RecordApi = {
	async get(route, params, itemIndex) {
		return (await leverApiRequest.call(this, 'GET', route, { params, itemIndex }))
			.data as IDataObject;
	},
	async delete(route, params, itemIndex, write) {
		await leverApiRequest.call(this, 'DELETE', route, {
			params,
			itemIndex,
			performAs: write.performAs as string | undefined,
		});
	},
	async download(route, params, qs, itemIndex) {
		return await leverApiDownload.call(this, route, { params, qs, itemIndex });
	},
	downloadSuffix: '/download',
	writeProperties: [performAsRLC],
	writeOptions(this: IExecuteFunctions, itemIndex: number) {
		return { performAs: locatorValue.call(this, 'performAs', itemIndex) };
	},
};

/**
 * A Lever record: its route and its locator; a record of an opportunity (`{opportunity}` in the route) is picked
 * after its opportunity, and the output names that as `opportunityId`.
 */
export function leverRecord(
	resource: string,
	route: string,
	param: string,
	locator: INodeProperties,
): RecordSpec {
	const parent = route.includes('{opportunity}')
		? [{ param: 'opportunity', property: opportunityRLC, outputKey: 'opportunityId' }]
		: [];
	return { resource, route, locators: [...parent, { param, property: locator }] };
}

export const { getOperation, deleteOperation, downloadOperation } = recordOperations(LEVER);

/** The locator the user picks the record itself with (its parents aside). */
export const locatorOf = (spec: RecordSpec): INodeProperties =>
	spec.locators[spec.locators.length - 1].property;
