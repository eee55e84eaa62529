import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { fieldsCollection } from '../../../shared/descriptions';
import { requiredLocatorValue } from '../../../shared/parameters';
import { checkedCandidateBody } from '../../helpers/candidate';
import { smartRecruitersApiRequest } from '../../transport';
import { candidateRLC } from '../common.descriptions';

const properties: INodeProperties[] = [
	candidateRLC,
	fieldsCollection('updateFields', [
		{ displayName: 'City', name: 'city', type: 'string', default: '' },
		{
			displayName: 'Country Code',
			name: 'countryCode',
			type: 'string',
			default: '',
			placeholder: 'e.g. de',
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
		},
		{ displayName: 'Facebook URL', name: 'facebook', type: 'string', default: '' },
		{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
		{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
		{ displayName: 'LinkedIn URL', name: 'linkedin', type: 'string', default: '' },
		{ displayName: 'Phone Number', name: 'phoneNumber', type: 'string', default: '' },
		{ displayName: 'Skype', name: 'skype', type: 'string', default: '' },
		{ displayName: 'Twitter URL', name: 'twitter', type: 'string', default: '' },
		{ displayName: 'Website URL', name: 'website', type: 'string', default: '' },
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['candidate'], operation: ['update'] } },
	properties,
);

const WEB_FIELDS = ['linkedin', 'twitter', 'facebook', 'website', 'skype'];

/** PATCH /candidates/{id} takes plain JSON personal details (not JSON-Patch, unlike jobs and users). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const candidateId = requiredLocatorValue.call(this, 'candidate', 'Candidate', itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	for (const key of ['firstName', 'lastName', 'email', 'phoneNumber'])
		if (fields[key]) body[key] = String(fields[key]).trim();
	if (fields.city || fields.countryCode) {
		body.location = {
			...(fields.city ? { city: fields.city } : {}),
			...(fields.countryCode ? { countryCode: String(fields.countryCode).toLowerCase() } : {}),
		};
	}
	const web = Object.fromEntries(
		WEB_FIELDS.filter((key) => fields[key]).map((key) => [key, fields[key]]),
	);
	if (Object.keys(web).length > 0) body.web = web;
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(
			this.getNode(),
			'"Update Fields" is empty: add at least one field to change',
			{ itemIndex },
		);
	}
	return await smartRecruitersApiRequest.call(this, 'PATCH', '/candidates/{candidateId}', {
		params: { candidateId },
		body: checkedCandidateBody.call(this, body, itemIndex),
		itemIndex,
	});
}
