import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/descriptions';
import * as create from './create.operation';
import * as deleteRequisition from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export { create, deleteRequisition as delete, get, getMany, update };

export const description: INodeProperties[] = [
	operationProperty('requisition', 'getMany', [
		{
			name: 'Create',
			value: 'create',
			description: 'Create a requisition (approved headcount)',
			action: 'Create a requisition',
		},
		{
			name: 'Delete',
			value: 'delete',
			description: 'Permanently delete a requisition',
			action: 'Delete a requisition',
		},
		{ name: 'Get', value: 'get', description: 'Get a requisition', action: 'Get a requisition' },
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List requisitions, or find one by its code',
			action: 'Get many requisitions',
		},
		{
			name: 'Update',
			value: 'update',
			description: 'Change a requisition',
			action: 'Update a requisition',
		},
	]),
	...create.description,
	...deleteRequisition.description,
	...get.description,
	...getMany.description,
	...update.description,
];
