import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/descriptions';
import * as get from './get.operation';
import * as getHiringTeam from './getHiringTeam.operation';
import * as getMany from './getMany.operation';

export { get, getHiringTeam, getMany };

export const description: INodeProperties[] = [
	operationProperty('job', 'get', [
		{ name: 'Get', value: 'get', description: 'Get a job', action: 'Get a job' },
		{ name: 'Get Hiring Team', value: 'getHiringTeam', description: 'Get the hiring team of a job', action: 'Get hiring team of a job' },
		{ name: 'Get Many', value: 'getMany', description: 'Get many jobs', action: 'Get many jobs' },
	]),
	...get.description,
	...getHiringTeam.description,
	...getMany.description,
];
