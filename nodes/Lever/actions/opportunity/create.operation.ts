import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { profileFromParameters } from '../../helpers/profile';
import { locatorValue } from '../../../shared/parameters';
import { candidateProfileProperties, creationOptions, performAsRLC, postingRLC } from '../common.descriptions';
import { createOpportunity, creationSettings } from './creation';

const properties: INodeProperties[] = [
	...candidateProfileProperties,
	{ ...postingRLC, description: 'The job the candidate is considered for (Lever takes one posting per opportunity)' },
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
];

export const description = updateDisplayOptions({ show: { resource: ['opportunity'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const profile = profileFromParameters.call(this, itemIndex);
	const resumeProperty = (this.getNodeParameter('resumeBinaryProperty', itemIndex, '') as string).trim();
	return await createOpportunity.call(
		this,
		profile,
		creationSettings.call(this, itemIndex),
		locatorValue.call(this, 'performAs', itemIndex),
		itemIndex,
		resumeProperty || undefined,
	);
}
