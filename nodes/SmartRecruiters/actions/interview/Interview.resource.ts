import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/descriptions';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export { get, getMany };

export const description: INodeProperties[] = [
	operationProperty('interview', 'getMany', [
		{ name: 'Get', value: 'get', description: 'Get an interview', action: 'Get an interview' },
		{ name: 'Get Many', value: 'getMany', description: 'Get the interviews of a job application', action: 'Get many interviews' },
	]),
	...get.description,
	...getMany.description,
];
