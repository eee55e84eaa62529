import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/descriptions';
import * as create from './create.operation';

export { create };

export const description: INodeProperties[] = [
	operationProperty('note', 'create', [
		{
			name: 'Create',
			value: 'create',
			description: 'Add a note to a candidate',
			action: 'Create a note',
		},
	]),
	...create.description,
];
