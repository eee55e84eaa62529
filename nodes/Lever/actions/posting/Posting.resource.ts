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
		displayOptions: { show: { resource: ['posting'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get a job posting', action: 'Get a posting' },
			{ name: 'Get Many', value: 'getMany', description: 'List job postings', action: 'Get many postings' },
		],
		default: 'getMany',
	},
	...get.description,
	...getMany.description,
];
