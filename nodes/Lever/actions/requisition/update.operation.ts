import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { leverApiRequest } from '../../transport';
import { sortedByName } from '../common.descriptions';
import { recordParams, recordProperties } from '../recordOperation';
import { REQUISITION } from '../records';
import { headcountProperty, requisitionBody, requisitionFields, writableRequisition } from './fields';

const properties: INodeProperties[] = [
	...recordProperties(REQUISITION),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: sortedByName([
			headcountProperty,
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			{ displayName: 'Requisition Code', name: 'requisitionCode', type: 'string', default: '' },
			...requisitionFields,
		]),
	},
];

export const description = updateDisplayOptions({ show: { resource: ['requisition'], operation: ['update'] } }, properties);

/** Lever's `PUT /requisitions/:id` replaces the whole requisition: the fields given are applied to what Lever has. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const params = recordParams.call(this, REQUISITION, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	if (Object.keys(fields).length === 0) throw new NodeOperationError(this.getNode(), '"Update Fields" is empty: add the fields to change', { itemIndex });
	const current = (await leverApiRequest.call(this, 'GET', REQUISITION.route, { params, itemIndex })).data as IDataObject;
	const changes = await requisitionBody.call(this, fields, itemIndex, current);
	const response = await leverApiRequest.call(this, 'PUT', REQUISITION.route, { params, body: { ...writableRequisition(current), ...changes }, itemIndex });
	return response.data as IDataObject;
}
