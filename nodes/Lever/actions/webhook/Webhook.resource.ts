import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../../../shared/descriptions';
import * as create from './create.operation';
import * as deleteWebhook from './delete.operation';
import * as getMany from './getMany.operation';

export { create, deleteWebhook as delete, getMany };

export const description: INodeProperties[] = [
	operationProperty('webhook', 'getMany', [
		{
			name: 'Create',
			value: 'create',
			description: 'Register a webhook for one Lever event (https URLs only)',
			action: 'Create a webhook',
		},
		{
			name: 'Delete',
			value: 'delete',
			description: 'Permanently delete a webhook: Lever stops sending its events',
			action: 'Delete a webhook',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List the webhooks created through the API (without their signature tokens)',
			action: 'Get many webhooks',
		},
	]),
	...create.description,
	...deleteWebhook.description,
	...getMany.description,
];
