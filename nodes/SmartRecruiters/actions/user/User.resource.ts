import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/descriptions';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export { get, getMany };

export const description: INodeProperties[] = [
	operationProperty('user', 'getMany', [
		{ name: 'Get', value: 'get', description: 'Get a SmartRecruiters user', action: 'Get a user' },
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List SmartRecruiters users, or search them by name or email',
			action: 'Get many users',
		},
	]),
	...get.description,
	...getMany.description,
];
