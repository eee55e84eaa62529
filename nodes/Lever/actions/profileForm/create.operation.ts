import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { fieldsCollection } from '../../../shared/descriptions';
import { locatorValue, requiredLocatorValue } from '../../../shared/parameters';
import { fieldValueEntries, fieldValuesProperty } from '../../helpers/forms';
import { getFormTemplate, submitProfileForm, templateValues } from '../../helpers/profileForms';
import { opportunityRLC, performAsRLC, profileFormTemplateProperty } from '../common.descriptions';

const properties: INodeProperties[] = [
	opportunityRLC,
	{ ...profileFormTemplateProperty, required: true },
	fieldValuesProperty(
		'getProfileFormTemplateFields',
		['template'],
		'The answer: text, a number, a date (ISO or epoch milliseconds), yes or no, an option of a dropdown, or a list for multiple-select fields',
	),
	performAsRLC,
	fieldsCollection('options', [
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'boolean',
			default: false,
			description:
				"Whether only users with access to secret forms can see it. Unset: the template's default.",
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['profileForm'], operation: ['create'] } },
	properties,
);

/** Fills in a profile form (custom fields) on an opportunity: every template field, the ones not given left empty. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const opportunity = requiredLocatorValue.call(this, 'opportunity', 'Opportunity', itemIndex);
	const templateId = String(this.getNodeParameter('template', itemIndex, '')).trim();
	if (!templateId)
		throw new NodeOperationError(this.getNode(), '"Profile Form Template" is empty', { itemIndex });
	const template = await getFormTemplate.call(this, templateId, itemIndex);
	const entries = fieldValueEntries.call(this, itemIndex);
	const values = templateValues.call(
		this,
		template,
		Object.fromEntries(entries.map((entry) => [entry.id, entry.value])),
		itemIndex,
		'Field Values',
	);
	const { secret } = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return await submitProfileForm.call(this, opportunity, template, values, {
		itemIndex,
		label: 'Field Values',
		secret: typeof secret === 'boolean' ? secret : undefined,
		performAs: locatorValue.call(this, 'performAs', itemIndex),
	});
}
