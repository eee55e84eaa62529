import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';

export { create };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['note'] } },
		options: [{ name: 'Create', value: 'create', description: 'Add a note to a candidate', action: 'Create a note' }],
		default: 'create',
	},
	...create.description,
];
