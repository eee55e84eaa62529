import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { findCandidatesByEmail } from '../../helpers/lookups';
import { apiRequest } from '../../transport';
import { eachItem, forOperation, jobLocator, locatorValue, readSourceDetails, sourceFields, stringList } from '../common';

export const description: INodeProperties[] = forOperation('candidate', 'create', [
	{
		displayName: 'Add To',
		name: 'addTo',
		type: 'options',
		options: [
			{ name: 'Talent Pool', value: 'talentPool', description: 'Create the candidate without a job application' },
			{ name: 'Job', value: 'job', description: 'Create the candidate with an application on a job' },
		],
		default: 'job',
	},
	{ ...jobLocator(), displayOptions: { show: { addTo: ['job'] } } },
	{ displayName: 'First Name', name: 'firstName', type: 'string', default: '', required: true },
	{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '', required: true },
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', required: true },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'City', name: 'city', type: 'string', default: '' },
			{ displayName: 'Country Code', name: 'countryCode', type: 'string', default: '', placeholder: 'e.g. de' },
			{ displayName: 'Facebook URL', name: 'facebook', type: 'string', default: '' },
			{ displayName: 'LinkedIn URL', name: 'linkedin', type: 'string', default: '' },
			{ displayName: 'Phone Number', name: 'phoneNumber', type: 'string', default: '' },
			{ displayName: 'Tags', name: 'tags', type: 'string', default: '', description: 'Comma-separated tags' },
			{ displayName: 'Twitter URL', name: 'twitter', type: 'string', default: '' },
			{ displayName: 'Website URL', name: 'website', type: 'string', default: '' },
		],
	},
	...sourceFields(false),
]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await eachItem.call(this, async (i) => {
		const body: IDataObject = {};
		for (const field of ['firstName', 'lastName', 'email'] as const) {
			const value = String(this.getNodeParameter(field, i, '')).trim();
			if (!value) throw new NodeOperationError(this.getNode(), `"${field}" is empty: SmartRecruiters requires it to create a candidate`, { itemIndex: i });
			body[field] = value;
		}
		const additional = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		if (additional.phoneNumber) body.phoneNumber = additional.phoneNumber;
		if (additional.city || additional.countryCode) {
			body.location = {
				...(additional.city ? { city: additional.city } : {}),
				...(additional.countryCode ? { countryCode: String(additional.countryCode).toLowerCase() } : {}),
			};
		}
		const web = Object.fromEntries(
			(['linkedin', 'twitter', 'facebook', 'website'] as const).filter((key) => additional[key]).map((key) => [key, additional[key]]),
		);
		if (Object.keys(web).length > 0) body.web = web;
		const tags = stringList(additional.tags);
		if (tags.length > 0) body.tags = tags;
		const sourceDetails = readSourceDetails.call(this, i);
		if (sourceDetails) body.sourceDetails = sourceDetails;

		const toJob = this.getNodeParameter('addTo', i) === 'job';
		const email = body.email as string;
		return await apiRequest.call(this, 'POST', toJob ? '/jobs/{jobId}/candidates' : '/candidates', {
			params: toJob ? { jobId: locatorValue.call(this, 'jobId', i) } : undefined,
			body,
			itemIndex: i,
			// Creating is not idempotent: after a 5xx, retry only when the candidate did not appear.
			confirmNotApplied: async () => (await findCandidatesByEmail.call(this, email, i)).length === 0,
		});
	});
}
