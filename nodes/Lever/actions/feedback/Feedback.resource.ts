import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as getMany from './getMany.operation';

export { create, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['feedback'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Submit interview feedback (a scorecard)', action: 'Create feedback' },
			{ name: 'Get Many', value: 'getMany', description: 'List the feedback of an opportunity', action: 'Get many feedback' },
		],
		default: 'create',
	},
	...create.description,
	...getMany.description,
];
