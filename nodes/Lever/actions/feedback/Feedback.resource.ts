import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/descriptions';
import * as create from './create.operation';
import * as getMany from './getMany.operation';

export { create, getMany };

export const description: INodeProperties[] = [
	operationProperty('feedback', 'create', [
		{ name: 'Create', value: 'create', description: 'Submit interview feedback (a scorecard)', action: 'Create feedback' },
		{ name: 'Get Many', value: 'getMany', description: 'List the feedback of an opportunity', action: 'Get many feedback' },
	]),
	...create.description,
	...getMany.description,
];
