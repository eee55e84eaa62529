import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/descriptions';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export { create, get, getMany };

export const description: INodeProperties[] = [
	operationProperty('profileForm', 'getMany', [
		{
			name: 'Create',
			value: 'create',
			description: 'Fill in a profile form (custom fields) on an opportunity',
			action: 'Create a profile form',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Get a profile form of an opportunity',
			action: 'Get a profile form',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description:
				'List the profile forms of an opportunity, or add their custom fields to the item',
			action: 'Get many profile forms',
		},
	]),
	...create.description,
	...get.description,
	...getMany.description,
];
