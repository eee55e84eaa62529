import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/descriptions';
import * as create from './create.operation';
import * as deleteFeedback from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export { create, deleteFeedback as delete, get, getMany, update };

export const description: INodeProperties[] = [
	operationProperty('feedback', 'create', [
		{
			name: 'Create',
			value: 'create',
			description: 'Submit interview feedback (a scorecard)',
			action: 'Create feedback',
		},
		{
			name: 'Delete',
			value: 'delete',
			description: 'Permanently delete a feedback form of an opportunity',
			action: 'Delete feedback',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Get a feedback form of an opportunity',
			action: 'Get feedback',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List the feedback of an opportunity',
			action: 'Get many feedback',
		},
		{
			name: 'Update',
			value: 'update',
			description: 'Change answers of submitted feedback',
			action: 'Update feedback',
		},
	]),
	...create.description,
	...deleteFeedback.description,
	...get.description,
	...getMany.description,
	...update.description,
];
