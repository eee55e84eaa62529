import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/descriptions';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export { get, getMany };

export const description: INodeProperties[] = [
	operationProperty('offer', 'getMany', [
		{ name: 'Get', value: 'get', description: 'Get an offer', action: 'Get an offer' },
		{ name: 'Get Many', value: 'getMany', description: 'Get the offers of a job application', action: 'Get many offers' },
	]),
	...get.description,
	...getMany.description,
];
