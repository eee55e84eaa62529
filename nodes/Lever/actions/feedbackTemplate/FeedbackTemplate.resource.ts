import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/descriptions';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export { get, getMany };

export const description: INodeProperties[] = [
	operationProperty('feedbackTemplate', 'getMany', [
		{
			name: 'Get',
			value: 'get',
			description: 'Get a feedback template with its fields',
			action: 'Get a feedback template',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List the feedback (scorecard) templates',
			action: 'Get many feedback templates',
		},
	]),
	...get.description,
	...getMany.description,
];
