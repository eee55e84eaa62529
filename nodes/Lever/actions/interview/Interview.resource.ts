import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/descriptions';
import * as create from './create.operation';
import * as deleteInterview from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export { create, deleteInterview as delete, get, getMany, update };

export const description: INodeProperties[] = [
	operationProperty('interview', 'getMany', [
		{
			name: 'Create',
			value: 'create',
			description: 'Schedule an interview, in a panel created through the API or in a new panel',
			action: 'Create an interview',
		},
		{
			name: 'Delete',
			value: 'delete',
			description:
				"Permanently delete an interview (deleting a panel's last interview deletes the panel)",
			action: 'Delete an interview',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Get an interview of an opportunity',
			action: 'Get an interview',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List the interviews of an opportunity',
			action: 'Get many interviews',
		},
		{
			name: 'Update',
			value: 'update',
			description: 'Reschedule or change an interview',
			action: 'Update an interview',
		},
	]),
	...create.description,
	...deleteInterview.description,
	...get.description,
	...getMany.description,
	...update.description,
];
