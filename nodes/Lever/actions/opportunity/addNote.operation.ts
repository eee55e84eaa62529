import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { locatorValue, requiredLocatorValue } from '../../helpers/utils';
import { leverApiRequest } from '../../transport';
import { opportunityRLC, performAsRLC } from '../common.descriptions';

const properties: INodeProperties[] = [
	opportunityRLC,
	{
		displayName: 'Note',
		name: 'note',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description: 'Text of the note; @username mentions notify that user',
	},
	performAsRLC,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Notify Followers',
				name: 'notifyFollowers',
				type: 'boolean',
				default: false,
				description: 'Whether to notify the opportunity\'s followers',
			},
			{
				displayName: 'Score',
				name: 'score',
				type: 'options',
				options: [
					{ name: '1 - Strong No Hire', value: 1 },
					{ name: '2 - No Hire', value: 2 },
					{ name: '3 - Hire', value: 3 },
					{ name: '4 - Strong Hire', value: 4 },
				],
				default: 3,
			},
			{
				displayName: 'Secret',
				name: 'secret',
				type: 'boolean',
				default: false,
				description: 'Whether only users with access to secret notes can see it',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['opportunity'], operation: ['addNote'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredLocatorValue.call(this, 'opportunity', 'Opportunity', itemIndex);
	const value = String(this.getNodeParameter('note', itemIndex, '')).trim();
	if (!value) throw new NodeOperationError(this.getNode(), '"Note" is empty', { itemIndex });
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	// Not idempotent (a repeat adds a second note), so after a 5xx it is not sent again.
	const response = await leverApiRequest.call(this, 'POST', `/opportunities/${encodeURIComponent(id)}/notes`, {
		body: { value, ...options },
		performAs: locatorValue.call(this, 'performAs', itemIndex),
		itemIndex,
	});
	return response.data as IDataObject;
}
