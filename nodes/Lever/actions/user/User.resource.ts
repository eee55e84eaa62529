import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/descriptions';
import * as create from './create.operation';
import * as deactivate from './deactivate.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as reactivate from './reactivate.operation';
import * as update from './update.operation';

export { create, deactivate, get, getMany, reactivate, update };

export const description: INodeProperties[] = [
	operationProperty('user', 'getMany', [
		{
			name: 'Create',
			value: 'create',
			description: 'Add a Lever user (Lever sends no invitation)',
			action: 'Create a user',
		},
		{
			name: 'Deactivate',
			value: 'deactivate',
			description: "Take away a user's access to Lever (their history stays; Reactivate undoes it)",
			action: 'Deactivate a user',
		},
		{ name: 'Get', value: 'get', description: 'Get a Lever user', action: 'Get a user' },
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List Lever users, or find one by email',
			action: 'Get many users',
		},
		{
			name: 'Reactivate',
			value: 'reactivate',
			description: 'Give a deactivated user access to Lever again',
			action: 'Reactivate a user',
		},
		{
			name: 'Update',
			value: 'update',
			description: "Change a user's name, email, role or title",
			action: 'Update a user',
		},
	]),
	...create.description,
	...deactivate.description,
	...get.description,
	...getMany.description,
	...reactivate.description,
	...update.description,
];
