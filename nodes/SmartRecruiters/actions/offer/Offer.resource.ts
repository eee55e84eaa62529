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
		displayOptions: { show: { resource: ['offer'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get an offer', action: 'Get an offer' },
			{ name: 'Get Many', value: 'getMany', description: 'Get the offers of a job application', action: 'Get many offers' },
		],
		default: 'getMany',
	},
	...get.description,
	...getMany.description,
];
