import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/descriptions';
import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export { create, deleteOperation as delete, get, getMany, update };

export const description: INodeProperties[] = [
	operationProperty('position', 'getMany', [
		{
			name: 'Create',
			value: 'create',
			description: 'Add a position (headcount) to a job',
			action: 'Create a position',
		},
		{
			name: 'Delete',
			value: 'delete',
			description: 'Delete a position of a job',
			action: 'Delete a position',
		},
		{ name: 'Get', value: 'get', description: 'Get a position of a job', action: 'Get a position' },
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'Get the positions of a job',
			action: 'Get many positions',
		},
		{
			name: 'Update',
			value: 'update',
			description: 'Update a position of a job',
			action: 'Update a position',
		},
	]),
	...create.description,
	...deleteOperation.description,
	...get.description,
	...getMany.description,
	...update.description,
];
