import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requiredLocatorValue } from '../../../shared/parameters';
import { createOnce } from '../../../shared/upsert';
import { leverApiRequest, leverApiRequestAllItems } from '../../transport';
import { headcountProperty, requisitionBody, requisitionFields } from './fields';
import { fieldsCollection } from '../../../shared/descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Backend Engineer, Platform',
	},
	{
		displayName: 'Requisition Code',
		name: 'requisitionCode',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. ENG-142',
		description: 'Your unique code for the requisition, e.g. from the HRIS',
	},
	{ ...headcountProperty, required: true },
	fieldsCollection('additionalFields', requisitionFields),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['requisition'], operation: ['create'] } },
	properties,
);

/**
 * `POST /requisitions` (needs "API management of requisitions" turned on by a Super Admin). The requisition code is
 * unique, so a create whose answer was lost is found by its code instead of being sent twice.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const requisitionCode = requiredLocatorValue.call(
		this,
		'requisitionCode',
		'Requisition Code',
		itemIndex,
	);
	const body = await requisitionBody.call(
		this,
		{
			...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
			name: requiredLocatorValue.call(this, 'name', 'Name', itemIndex),
			requisitionCode,
			headcountTotal: requiredLocatorValue.call(this, 'headcountTotal', 'Headcount', itemIndex),
		},
		itemIndex,
	);
	return await createOnce(
		async (confirmNotApplied) =>
			(
				await leverApiRequest.call(this, 'POST', '/requisitions', {
					body,
					confirmNotApplied,
					itemIndex,
				})
			).data as IDataObject,
		async () =>
			(
				await leverApiRequestAllItems.call(this, '/requisitions', {
					qs: { requisition_code: requisitionCode },
					itemIndex,
				})
			)[0],
	);
}
