import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/descriptions';
import * as deleteNote from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export { deleteNote as delete, get, getMany };

export const description: INodeProperties[] = [
	operationProperty('note', 'getMany', [
		{
			name: 'Delete',
			value: 'delete',
			description:
				'Permanently delete a note. Lever only lets notes created through the API be deleted.',
			action: 'Delete a note',
		},
		{
			name: 'Get',
			value: 'get',
			description: 'Get a note of an opportunity',
			action: 'Get a note',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List the notes of an opportunity',
			action: 'Get many notes',
		},
	]),
	...deleteNote.description,
	...get.description,
	...getMany.description,
];
