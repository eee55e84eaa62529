import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { profileFromParameters } from '../../helpers/profile';
import {
	assertRequiredAnswers,
	customFieldsToStore,
	submitProfileForm,
} from '../../helpers/profileForms';
import { locatorValue } from '../../../shared/parameters';
import {
	candidateProfileProperties,
	creationOptions,
	customFieldsFormProperty,
	performAsRLC,
	postingRLC,
} from '../common.descriptions';
import { createOpportunity, creationSettings } from './creation';

const properties: INodeProperties[] = [
	...candidateProfileProperties,
	{
		...postingRLC,
		description:
			'The job the candidate is considered for (Lever takes one posting per opportunity)',
	},
	performAsRLC,
	...creationOptions,
	{
		displayName: 'Resume Binary Field',
		name: 'resumeBinaryProperty',
		type: 'string',
		default: '',
		placeholder: 'e.g. data',
		hint: 'Name of the input binary field holding the resume (pdf, doc, docx, txt, jpg, png). Empty: no resume.',
	},
	customFieldsFormProperty,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['opportunity'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const profile = profileFromParameters.call(this, itemIndex);
	const resumeProperty = (
		this.getNodeParameter('resumeBinaryProperty', itemIndex, '') as string
	).trim();
	const performAs = locatorValue.call(this, 'performAs', itemIndex);
	const customFieldsForm = String(this.getNodeParameter('customFieldsForm', itemIndex, '')).trim();
	const custom = await customFieldsToStore.call(
		this,
		customFieldsForm,
		profile.customFields,
		itemIndex,
	);
	// A required answer missing is refused before the opportunity is created.
	if (custom)
		assertRequiredAnswers.call(this, custom.template, custom.values, itemIndex, 'customFields');
	const opportunity = await createOpportunity.call(
		this,
		profile,
		creationSettings.call(this, itemIndex),
		performAs,
		itemIndex,
		resumeProperty || undefined,
	);
	if (!custom) return opportunity;
	const customFields = await submitProfileForm.call(
		this,
		opportunity.id,
		custom.template,
		custom.values,
		{ itemIndex, label: 'customFields', performAs },
	);
	return { ...opportunity, customFieldsForm: customFields };
}
