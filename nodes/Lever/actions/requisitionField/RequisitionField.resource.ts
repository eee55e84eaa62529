import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/descriptions';
import * as create from './create.operation';
import * as deleteField from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export { create, deleteField as delete, get, getMany, update };

export const description: INodeProperties[] = [
	operationProperty('requisitionField', 'getMany', [
		{
			name: 'Create',
			value: 'create',
			description: 'Add a custom field to requisitions',
			action: 'Create a requisition field',
		},
		{
			name: 'Delete',
			value: 'delete',
			description: 'Permanently delete a requisition custom field and its values',
			action: 'Delete a requisition field',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Get a requisition custom field',
			action: 'Get a requisition field',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List the custom fields of requisitions',
			action: 'Get many requisition fields',
		},
		{
			name: 'Update',
			value: 'update',
			description: 'Rename a requisition field or change its options',
			action: 'Update a requisition field',
		},
	]),
	...create.description,
	...deleteField.description,
	...get.description,
	...getMany.description,
	...update.description,
];
