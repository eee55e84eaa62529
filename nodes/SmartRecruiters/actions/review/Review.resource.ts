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
		displayOptions: { show: { resource: ['review'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get a review', action: 'Get a review' },
			{ name: 'Get Many', value: 'getMany', description: 'Get the reviews of a job application', action: 'Get many reviews' },
		],
		default: 'getMany',
	},
	...get.description,
	...getMany.description,
];
