import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { fieldsCollection } from '../../../shared/descriptions';
import { updateFieldsOf } from '../../../shared/parameters';

import { leverApiRequest } from '../../transport';
import { recordParams, recordProperties } from '../recordOperation';
import { REQUISITION } from '../records';
import {
	headcountProperty,
	requisitionBody,
	requisitionFields,
	writableRequisition,
} from './fields';

const properties: INodeProperties[] = [
	...recordProperties(REQUISITION),
	fieldsCollection('updateFields', [
		headcountProperty,
		{ displayName: 'Name', name: 'name', type: 'string', default: '' },
		{ displayName: 'Requisition Code', name: 'requisitionCode', type: 'string', default: '' },
		...requisitionFields,
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['requisition'], operation: ['update'] } },
	properties,
);

/** Lever's `PUT /requisitions/:id` replaces the whole requisition: the fields given are applied to what Lever has. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const params = recordParams.call(this, REQUISITION, itemIndex);
	const fields = updateFieldsOf.call(this, itemIndex);
	const current = (
		await leverApiRequest.call(this, 'GET', REQUISITION.route, { params, itemIndex })
	).data as IDataObject;
	const changes = await requisitionBody.call(this, fields, itemIndex, current);
	const response = await leverApiRequest.call(this, 'PUT', REQUISITION.route, {
		params,
		body: { ...writableRequisition(current), ...changes },
		itemIndex,
	});
	return response.data as IDataObject;
}
