import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/descriptions';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export { create, get, getMany };

export const description: INodeProperties[] = [
	operationProperty('review', 'getMany', [
		{
			name: 'Create',
			value: 'create',
			description: 'Give a review (interview feedback) on a job application',
			action: 'Create a review',
		},
		{ name: 'Get', value: 'get', description: 'Get a review', action: 'Get a review' },
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'Get the reviews of a job application',
			action: 'Get many reviews',
		},
	]),
	...create.description,
	...get.description,
	...getMany.description,
];
