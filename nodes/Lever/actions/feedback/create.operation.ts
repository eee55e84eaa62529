import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { locatorValue, requiredLocatorValue, toDate } from '../../../shared/parameters';
import { leverApiRequest } from '../../transport';
import { opportunityRLC, performAsRLC } from '../common.descriptions';

const properties: INodeProperties[] = [
	opportunityRLC,
	{
		displayName: 'Feedback Template Name or ID',
		name: 'template',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getFeedbackTemplates' },
		required: true,
		default: '',
		description:
			'The scorecard form to fill in. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Field Values',
		name: 'fieldValues',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Field Value',
		default: {},
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Field Name or ID',
						name: 'id',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getFeedbackTemplateFields', loadOptionsDependsOn: ['template'] },
						default: '',
						description:
							'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description:
							'The answer. Score fields take 1–4; the overall rating takes e.g. "3 - Hire"; yes/no fields take yes or no.',
					},
				],
			},
		],
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
				displayName: 'Completed At',
				name: 'completedAt',
				type: 'dateTime',
				default: '',
				description: 'When the feedback was completed. Empty: now.',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['feedback'], operation: ['create'] } }, properties);

/** Score fields are numbers in Lever; everything else goes as typed. */
function fieldValue(raw: string): string | number {
	return /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : raw;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const opportunity = requiredLocatorValue.call(this, 'opportunity', 'Opportunity', itemIndex);
	const template = String(this.getNodeParameter('template', itemIndex, '')).trim();
	if (!template) throw new NodeOperationError(this.getNode(), '"Feedback Template" is empty', { itemIndex });
	const entries = ((this.getNodeParameter('fieldValues', itemIndex, {}) as IDataObject).field ?? []) as Array<{ id: string; value: string }>;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const body: IDataObject = {
		baseTemplateId: template,
		fieldValues: entries.filter((entry) => entry.id).map((entry) => ({ id: entry.id, value: fieldValue(String(entry.value)) })),
	};
	if (options.completedAt) body.completedAt = toDate.call(this, options.completedAt, 'Completed At', itemIndex).getTime();
	// Each POST adds another scorecard, so it is not repeated after a 5xx.
	const response = await leverApiRequest.call(this, 'POST', `/opportunities/${encodeURIComponent(opportunity)}/feedback`, {
		body,
		performAs: locatorValue.call(this, 'performAs', itemIndex),
		itemIndex,
	});
	return response.data as IDataObject;
}
