import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { fieldsCollection } from '../../../shared/descriptions';
import { locatorValue, requiredLocatorValue, updateFieldsOf } from '../../../shared/parameters';
import { leverApiRequest } from '../../transport';
import { performAsRLC, postingRLC } from '../common.descriptions';
import { postingBody, postingFields } from './fields';

const properties: INodeProperties[] = [
	{ ...postingRLC, required: true },
	performAsRLC,
	fieldsCollection('updateFields', [
		{ displayName: 'Title', name: 'text', type: 'string', default: '' },
		...postingFields,
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['posting'], operation: ['update'] } },
	properties,
);

/** Lever updates a posting with `POST /postings/:id` (fields not sent are kept; Lever requires perform_as). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const postingId = requiredLocatorValue.call(this, 'posting', 'Posting', itemIndex);
	const fields = updateFieldsOf.call(this, itemIndex);
	const current = (
		await leverApiRequest.call(this, 'GET', '/postings/{postingId}', {
			params: { postingId },
			itemIndex,
		})
	).data as IDataObject;
	const response = await leverApiRequest.call(this, 'POST', '/postings/{postingId}', {
		params: { postingId },
		body: postingBody.call(this, fields, itemIndex, current),
		performAs: locatorValue.call(this, 'performAs', itemIndex),
		// Setting the same fields again changes nothing: safe to repeat after a 5xx.
		idempotent: true,
		itemIndex,
	});
	return response.data as IDataObject;
}
