import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/descriptions';
import * as create from './create.operation';
import * as deletePanel from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export { create, deletePanel as delete, get, getMany, update };

export const description: INodeProperties[] = [
	operationProperty('panel', 'getMany', [
		{
			name: 'Create',
			value: 'create',
			description: 'Schedule an interview panel with one or more interviews',
			action: 'Create a panel',
		},
		{
			name: 'Delete',
			value: 'delete',
			description:
				'Permanently delete an interview panel and its interviews (only panels created through the API)',
			action: 'Delete a panel',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Get an interview panel with its interviews',
			action: 'Get a panel',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List the interview panels of an opportunity',
			action: 'Get many panels',
		},
		{
			name: 'Update',
			value: 'update',
			description: "Change a panel's time zone, note, link or reminders",
			action: 'Update a panel',
		},
	]),
	...create.description,
	...deletePanel.description,
	...get.description,
	...getMany.description,
	...update.description,
];
