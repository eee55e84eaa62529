import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { fieldsCollection } from '../../../shared/descriptions';
import { locatorValue, requiredLocatorValue, toDate } from '../../../shared/parameters';
import { leverApiRequest } from '../../transport';
import { opportunityRLC, performAsRLC } from '../common.descriptions';
import { fieldValuesOf, fieldValuesProperty } from './fieldValues';

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
	fieldValuesProperty('getFeedbackTemplateFields', ['template']),
	performAsRLC,
	fieldsCollection('options', [
		{
			displayName: 'Completed At',
			name: 'completedAt',
			type: 'dateTime',
			default: '',
			description: 'When the feedback was completed. Empty: now.',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['feedback'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const opportunity = requiredLocatorValue.call(this, 'opportunity', 'Opportunity', itemIndex);
	const template = String(this.getNodeParameter('template', itemIndex, '')).trim();
	if (!template)
		throw new NodeOperationError(this.getNode(), '"Feedback Template" is empty', { itemIndex });
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const body: IDataObject = {
		baseTemplateId: template,
		fieldValues: fieldValuesOf.call(this, itemIndex),
	};
	if (options.completedAt)
		body.completedAt = toDate.call(this, options.completedAt, 'Completed At', itemIndex).getTime();
	// Each POST adds another scorecard, so it is not repeated after a 5xx.
	const response = await leverApiRequest.call(
		this,
		'POST',
		`/opportunities/${encodeURIComponent(opportunity)}/feedback`,
		{
			body,
			performAs: locatorValue.call(this, 'performAs', itemIndex),
			itemIndex,
		},
	);
	return response.data as IDataObject;
}
