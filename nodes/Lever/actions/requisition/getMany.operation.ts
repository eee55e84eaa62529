import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { fieldsCollection } from '../../../shared/descriptions';
import { toDate } from '../../../shared/parameters';
import { endpointList } from '../endpointList';
import { REQUISITION_STATUSES } from './fields';

export const { description, execute } = endpointList({
	resource: 'requisition',
	endpoint: '/requisitions',
	filters: [
		fieldsCollection('filters', [
			{ displayName: 'Created Since', name: 'createdSince', type: 'dateTime', default: '' },
			{ displayName: 'Requisition Code', name: 'requisitionCode', type: 'string', default: '' },
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: REQUISITION_STATUSES,
				default: 'open',
			},
		]),
	],
	query(this: IExecuteFunctions, itemIndex: number): IDataObject {
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const qs: IDataObject = {};
		if (filters.requisitionCode) qs.requisition_code = String(filters.requisitionCode).trim();
		if (filters.status) qs.status = filters.status;
		if (filters.createdSince)
			qs.created_at_start = toDate
				.call(this, filters.createdSince, 'Created Since', itemIndex)
				.getTime();
		return qs;
	},
});
