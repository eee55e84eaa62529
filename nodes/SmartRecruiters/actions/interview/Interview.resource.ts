import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/descriptions';
import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export { create, deleteOperation as delete, get, getMany, update };

export const description: INodeProperties[] = [
	operationProperty('interview', 'getMany', [
		{
			name: 'Create',
			value: 'create',
			description: 'Schedule an interview for a job application',
			action: 'Create an interview',
		},
		{
			name: 'Delete',
			value: 'delete',
			description: 'Cancel an interview (deletes it with its time slots)',
			action: 'Delete an interview',
		},
		{ name: 'Get', value: 'get', description: 'Get an interview', action: 'Get an interview' },
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'Get the interviews of a job application',
			action: 'Get many interviews',
		},
		{
			name: 'Update',
			value: 'update',
			description: 'Change or reschedule an interview',
			action: 'Update an interview',
		},
	]),
	...create.description,
	...deleteOperation.description,
	...get.description,
	...getMany.description,
	...update.description,
];
