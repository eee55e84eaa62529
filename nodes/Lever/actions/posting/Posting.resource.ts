import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/descriptions';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export { create, get, getMany, update };

export const description: INodeProperties[] = [
	operationProperty('posting', 'getMany', [
		{
			name: 'Create',
			value: 'create',
			description: 'Create a job posting (a draft unless a state is given)',
			action: 'Create a posting',
		},
		{ name: 'Get', value: 'get', description: 'Get a job posting', action: 'Get a posting' },
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List job postings',
			action: 'Get many postings',
		},
		{
			name: 'Update',
			value: 'update',
			description: 'Change a job posting',
			action: 'Update a posting',
		},
	]),
	...create.description,
	...get.description,
	...getMany.description,
	...update.description,
];
