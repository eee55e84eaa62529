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
		displayOptions: { show: { resource: ['interview'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get an interview', action: 'Get an interview' },
			{ name: 'Get Many', value: 'getMany', description: 'Get the interviews of a job application', action: 'Get many interviews' },
		],
		default: 'getMany',
	},
	...get.description,
	...getMany.description,
];
