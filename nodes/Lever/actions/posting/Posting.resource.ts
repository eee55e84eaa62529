import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/descriptions';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export { get, getMany };

export const description: INodeProperties[] = [
	operationProperty('posting', 'getMany', [
		{ name: 'Get', value: 'get', description: 'Get a job posting', action: 'Get a posting' },
		{ name: 'Get Many', value: 'getMany', description: 'List job postings', action: 'Get many postings' },
	]),
	...get.description,
	...getMany.description,
];
