import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { fieldsCollection } from '../../../shared/descriptions';
import { requiredLocatorValue, toList } from '../../../shared/parameters';
import { checkedCandidateBody } from '../../helpers/candidate';
import { findCandidatesByEmail } from '../../helpers/lookups';
import { readSourceDetails } from '../../helpers/source';
import { smartRecruitersApiRequest } from '../../transport';
import { jobRLC, sourceFields } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Add To',
		name: 'addTo',
		type: 'options',
		options: [
			{
				name: 'Job',
				value: 'job',
				description: 'Create the candidate with an application on a job',
			},
			{
				name: 'Talent Pool',
				value: 'talentPool',
				description: 'Create the candidate without a job application',
			},
		],
		default: 'job',
	},
	{ ...jobRLC('The job the candidate applies to'), displayOptions: { show: { addTo: ['job'] } } },
	{ displayName: 'First Name', name: 'firstName', type: 'string', default: '', required: true },
	{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '', required: true },
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		required: true,
	},
	fieldsCollection('additionalFields', [
		{ displayName: 'City', name: 'city', type: 'string', default: '' },
		{
			displayName: 'Country Code',
			name: 'countryCode',
			type: 'string',
			default: '',
			placeholder: 'e.g. de',
		},
		{ displayName: 'Facebook URL', name: 'facebook', type: 'string', default: '' },
		{ displayName: 'LinkedIn URL', name: 'linkedin', type: 'string', default: '' },
		{ displayName: 'Phone Number', name: 'phoneNumber', type: 'string', default: '' },
		{
			displayName: 'Tags',
			name: 'tags',
			type: 'string',
			default: '',
			description: 'Tags, comma-separated or one per line',
		},
		{ displayName: 'Twitter URL', name: 'twitter', type: 'string', default: '' },
		{ displayName: 'Website URL', name: 'website', type: 'string', default: '' },
	]),
	...sourceFields(false),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['candidate'], operation: ['create'] } },
	properties,
);

const FIELD_NAMES = { firstName: 'First Name', lastName: 'Last Name', email: 'Email' } as const;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body: IDataObject = {};
	for (const [field, displayName] of Object.entries(FIELD_NAMES)) {
		const value = String(this.getNodeParameter(field, itemIndex, '')).trim();
		if (!value) {
			throw new NodeOperationError(
				this.getNode(),
				`"${displayName}" is empty: SmartRecruiters requires it to create a candidate`,
				{ itemIndex },
			);
		}
		body[field] = value;
	}
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	if (additional.phoneNumber) body.phoneNumber = additional.phoneNumber;
	if (additional.city || additional.countryCode) {
		body.location = {
			...(additional.city ? { city: additional.city } : {}),
			...(additional.countryCode
				? { countryCode: String(additional.countryCode).toLowerCase() }
				: {}),
		};
	}
	const web = Object.fromEntries(
		(['linkedin', 'twitter', 'facebook', 'website'] as const)
			.filter((key) => additional[key])
			.map((key) => [key, additional[key]]),
	);
	if (Object.keys(web).length > 0) body.web = web;
	const tags = toList(additional.tags);
	if (tags.length > 0) body.tags = tags;
	const sourceDetails = readSourceDetails.call(this, itemIndex);
	if (sourceDetails) body.sourceDetails = sourceDetails;

	const checked = checkedCandidateBody.call(this, body, itemIndex);
	const toJob = this.getNodeParameter('addTo', itemIndex) === 'job';
	const email = checked.email as string;
	return await smartRecruitersApiRequest.call(
		this,
		'POST',
		toJob ? '/jobs/{jobId}/candidates' : '/candidates',
		{
			params: toJob
				? { jobId: requiredLocatorValue.call(this, 'job', 'Job', itemIndex) }
				: undefined,
			body: checked,
			itemIndex,
			// Creating is not idempotent: after a 5xx, retry only when the candidate did not appear.
			confirmNotApplied: async () =>
				(await findCandidatesByEmail.call(this, email, itemIndex)).length === 0,
		},
	);
}
