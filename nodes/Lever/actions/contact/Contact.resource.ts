import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/descriptions';
import * as get from './get.operation';
import * as update from './update.operation';

export { get, update };

export const description: INodeProperties[] = [
	operationProperty('contact', 'get', [
		{
			name: 'Get',
			value: 'get',
			description: 'Get a person: name, headline, location, emails and phones',
			action: 'Get a contact',
		},
		{
			name: 'Update',
			value: 'update',
			description:
				"Change a person's name, headline, location, emails or phones (on all their opportunities)",
			action: 'Update a contact',
		},
	]),
	...get.description,
	...update.description,
];
