import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/descriptions';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export { get, getMany };

export const description: INodeProperties[] = [
	operationProperty('review', 'getMany', [
		{ name: 'Get', value: 'get', description: 'Get a review', action: 'Get a review' },
		{ name: 'Get Many', value: 'getMany', description: 'Get the reviews of a job application', action: 'Get many reviews' },
	]),
	...get.description,
	...getMany.description,
];
