import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getMany from './getMany.operation';

export { get, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get a Lever user', action: 'Get a user' },
			{ name: 'Get Many', value: 'getMany', description: 'List Lever users, or find one by email', action: 'Get many users' },
		],
		default: 'getMany',
	},
	...get.description,
	...getMany.description,
];
