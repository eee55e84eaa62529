import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { jsonParse, NodeOperationError } from 'n8n-workflow';

import type { CandidateProfile, ProfileField } from '../../../shared/candidate';
import { candidateProfileSchema, describeProfileIssues, PROFILE_FIELDS } from '../../../shared/candidate';
import type { CandidateStore } from '../../../shared/upsert';
import { EmailRequiredError, MandatoryFieldsMissingError, upsertCandidateByEmail } from '../../../shared/upsert';
import type { CandidateDetails } from '../../helpers/candidate';
import { candidateToProfile, jobIdsOf, linksToWeb, namesOf, profileToCandidateInput } from '../../helpers/candidate';
import { findCandidatesByEmail, getCandidate } from '../../helpers/lookups';
import { apiRequest } from '../../transport';
import { eachItem, forOperation, jobLocator, locatorValue, readSourceDetails, sourceFields, stringList } from '../common';

const fieldOptions = PROFILE_FIELDS.filter((field) => field !== 'sources').map((field) => ({ name: field, value: field }));

export const description: INodeProperties[] = forOperation('candidate', 'upsert', [
	{
		displayName: 'Input',
		name: 'inputMode',
		type: 'options',
		options: [
			{ name: 'Fields Below', value: 'fields' },
			{
				name: 'Candidate Profile (JSON)',
				value: 'json',
				description: 'A candidate profile as the ATS Field Map node outputs it',
			},
		],
		default: 'fields',
	},
	{
		displayName: 'Candidate Profile (JSON)',
		name: 'profileJson',
		type: 'json',
		default: '={{ $json }}',
		description: 'Fields: email, firstName, lastName, name, headline, company, location, phones, links, tags, customFields',
		displayOptions: { show: { inputMode: ['json'] } },
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		required: true,
		description: 'Candidates are matched by this email, ignoring case',
		displayOptions: { show: { inputMode: ['fields'] } },
	},
	{
		displayName: 'Profile Fields',
		name: 'profileFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { inputMode: ['fields'] } },
		options: [
			{ displayName: 'Company', name: 'company', type: 'string', default: '' },
			{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
			{ displayName: 'GitHub URL', name: 'github', type: 'string', default: '' },
			{ displayName: 'Headline', name: 'headline', type: 'string', default: '', description: 'Current job title' },
			{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
			{ displayName: 'LinkedIn URL', name: 'linkedin', type: 'string', default: '' },
			{ displayName: 'Location', name: 'location', type: 'string', default: '', placeholder: 'e.g. Berlin' },
			{ displayName: 'Phone', name: 'phone', type: 'string', default: '' },
			{ displayName: 'Tags', name: 'tags', type: 'string', default: '', description: 'Comma-separated tags' },
			{ displayName: 'Twitter URL', name: 'twitter', type: 'string', default: '' },
			{ displayName: 'Website URL', name: 'website', type: 'string', default: '' },
		],
	},
	// A job is required: SmartRecruiters' search only returns candidates with a job application, so a candidate
	// upserted into the talent pool alone would be invisible to the next run's email lookup and created twice.
	jobLocator('Job', true, 'Job the candidate applies to. New candidates are created with an application on it.'),
	{
		displayName: 'Protected Field Names or IDs',
		name: 'protectedFields',
		type: 'multiOptions',
		options: fieldOptions,
		default: [],
		// eslint-disable-next-line n8n-nodes-base/node-param-description-wrong-for-dynamic-multi-options
		description: 'Fields never overwritten on an existing candidate (they are only filled when empty)',
	},
	{
		displayName: 'Mandatory Field Names or IDs',
		name: 'mandatoryFields',
		type: 'multiOptions',
		options: fieldOptions,
		default: [],
		// eslint-disable-next-line n8n-nodes-base/node-param-description-wrong-for-dynamic-multi-options
		description: 'Fields the incoming record must have; a record without them fails instead of being written',
	},
	...sourceFields(false),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'If Existing Candidate Is Not on the Job',
				name: 'notOnJob',
				type: 'options',
				options: [
					{
						name: 'Update Profile and Warn',
						value: 'warn',
						description: 'Update the existing profile and report that it has no application on the job',
					},
					{ name: 'Fail the Item', value: 'error' },
				],
				default: 'warn',
				description:
					'SmartRecruiters has no endpoint to add an existing candidate to another job, and creating the candidate again on the job could duplicate the profile',
			},
		],
	},
]);

interface SmartRecruitersRecord {
	details: CandidateDetails;
	/** Candidate property values on the job (only read when the incoming profile has custom fields). */
	customFields?: Record<string, unknown>;
}

function profileFromFields(this: IExecuteFunctions, i: number): unknown {
	const fields = this.getNodeParameter('profileFields', i, {}) as IDataObject;
	const text = (key: string) => (fields[key] ? String(fields[key]).trim() : undefined);
	const links = Object.fromEntries(
		['linkedin', 'github', 'twitter', 'website'].filter((key) => text(key)).map((key) => [key, text(key)]),
	);
	const tags = stringList(fields.tags);
	const profile: IDataObject = {
		email: String(this.getNodeParameter('email', i, '')).trim() || undefined,
		firstName: text('firstName'),
		lastName: text('lastName'),
		headline: text('headline'),
		company: text('company'),
		location: text('location'),
		phones: text('phone') ? [{ value: text('phone') }] : undefined,
		links: Object.keys(links).length > 0 ? links : undefined,
		tags: tags.length > 0 ? tags : undefined,
	};
	// Fields left empty are absent, as in a profile from the Field Map node.
	return Object.fromEntries(Object.entries(profile).filter(([, value]) => value !== undefined));
}

function readProfile(this: IExecuteFunctions, i: number): CandidateProfile {
	let raw: unknown;
	if (this.getNodeParameter('inputMode', i) === 'json') {
		const value = this.getNodeParameter('profileJson', i);
		raw = typeof value === 'string' ? jsonParse(value, { errorMessage: '"Candidate Profile (JSON)" is not valid JSON' }) : value;
	} else {
		raw = profileFromFields.call(this, i);
	}
	const parsed = candidateProfileSchema.safeParse(raw);
	if (!parsed.success) {
		throw new NodeOperationError(this.getNode(), `Invalid candidate profile: ${describeProfileIssues(parsed.error)}`, { itemIndex: i });
	}
	// SmartRecruiters identifies a source by type and value id, not by label: the Source fields set it on create.
	const { sources: _labelsOnly, ...profile } = parsed.data;
	return profile;
}

function propertyValues(response: IDataObject): Record<string, unknown> {
	const content = (response.content as IDataObject[] | undefined) ?? [];
	return Object.fromEntries(content.filter((p) => p.value !== undefined).map((p) => [String(p.id), p.value]));
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await eachItem.call(this, async (i) => {
		const profile = readProfile.call(this, i);
		const jobId = locatorValue.call(this, 'jobId', i);
		const sourceDetails = readSourceDetails.call(this, i);
		const options = this.getNodeParameter('options', i, {}) as IDataObject;
		if (!jobId) throw new NodeOperationError(this.getNode(), '"Job" is empty: choose the job the candidate applies to', { itemIndex: i });
		const wantsCustomFields = Object.keys(profile.customFields ?? {}).length > 0;
		const notStored: string[] = [];
		const written = new Set<ProfileField>();
		let jobApplication = 'existing' as 'created' | 'existing' | 'notAttached';

		const writeCustomFields = async (candidateId: string, values: Record<string, unknown>) => {
			const body = Object.entries(values).map(([id, value]) => ({ id, value }));
			if (body.length === 0) return;
			await apiRequest.call(this, 'PUT', '/candidates/{id}/jobs/{jobId}/properties', { params: { id: candidateId, jobId }, body, itemIndex: i });
			written.add('customFields');
		};

		const store: CandidateStore<SmartRecruitersRecord> = {
			findByEmail: async (email) => {
				const matches = await findCandidatesByEmail.call(this, email, i);
				return await Promise.all(
					matches.map(async (match) => {
						const details = await getCandidate.call(this, String(match.id), i);
						if (!wantsCustomFields || !jobIdsOf(details).includes(jobId)) return { details };
						const properties = await apiRequest.call(this, 'GET', '/candidates/{id}/jobs/{jobId}/properties', {
							params: { id: details.id, jobId },
							itemIndex: i,
						});
						return { details, customFields: propertyValues(properties) };
					}),
				);
			},
			choose: (matches) => {
				const onJob = matches.find((record) => jobIdsOf(record.details).includes(jobId));
				const chosen = onJob ?? matches[0];
				if (!onJob) {
					if (options.notOnJob === 'error') {
						throw new NodeOperationError(
							this.getNode(),
							`Candidate ${chosen.details.id} with this email exists but has no application on job ${jobId}; SmartRecruiters has no endpoint to add an existing candidate to another job`,
							{ itemIndex: i },
						);
					}
					jobApplication = 'notAttached';
				}
				return chosen;
			},
			toProfile: (record) => candidateToProfile(record.details, record.customFields),
			create: async (newProfile) => {
				const { firstName, lastName } = namesOf(newProfile);
				if (!firstName || !lastName) {
					throw new NodeOperationError(this.getNode(), `"${firstName ? 'lastName' : 'firstName'}" is empty: SmartRecruiters requires first and last name to create a candidate`, {
						itemIndex: i,
					});
				}
				const input = profileToCandidateInput(newProfile, sourceDetails);
				notStored.push(...input.notStored);
				const created = ((await apiRequest.call(this, 'POST', '/jobs/{jobId}/candidates', {
					params: { jobId },
					body: input.body,
					itemIndex: i,
					confirmNotApplied: async () => (await findCandidatesByEmail.call(this, newProfile.email!, i)).length === 0,
				})) as CandidateDetails);
				jobApplication = 'created';
				if (wantsCustomFields) await writeCustomFields(created.id, newProfile.customFields!);
				return { details: created };
			},
			update: async (record, plan) => {
				const { changes } = plan;
				const current = record.details;
				const patch: IDataObject = {};
				if (changes.firstName) patch.firstName = changes.firstName;
				if (changes.lastName) patch.lastName = changes.lastName;
				if (changes.name && !changes.firstName && !changes.lastName) Object.assign(patch, namesOf({ name: changes.name }));
				if (Object.keys(patch).length > 0) {
					for (const field of ['firstName', 'lastName', 'name'] as const) if (changes[field]) written.add(field);
				}
				if (changes.phones) {
					// SmartRecruiters keeps one phone number: it is only filled when empty, never replaced.
					const [first, ...rest] = changes.phones;
					if (!current.phoneNumber) {
						patch.phoneNumber = first.value;
						written.add('phones');
					}
					notStored.push(...rest.map((phone) => phone.value).filter((value) => value !== current.phoneNumber));
				}
				if (changes.location) {
					patch.location = { city: changes.location };
					written.add('location');
				}
				if (changes.links) {
					// ⚠ Whether PATCH merges or replaces `web` is not documented: the full merged profile is sent either way.
					const mapping = linksToWeb(changes.links, current.web);
					patch.web = mapping.web;
					notStored.push(...mapping.notStored);
					written.add('links');
				}
				for (const field of ['headline', 'company'] as const) {
					if (changes[field]) notStored.push(`${field}: SmartRecruiters has no API to change an existing candidate's experience`);
				}
				let details = current;
				if (Object.keys(patch).length > 0) {
					details = ((await apiRequest.call(this, 'PATCH', '/candidates/{id}', { params: { id: current.id }, body: patch, itemIndex: i })) as CandidateDetails);
				}
				const newTags = (changes.tags ?? []).filter((tag) => !(current.tags ?? []).some((t) => t.toLowerCase() === tag.toLowerCase()));
				if (newTags.length > 0) {
					const tagged = await apiRequest.call(this, 'POST', '/candidates/{id}/tags', { params: { id: current.id }, body: { tags: newTags }, itemIndex: i });
					details = { ...details, tags: (tagged.tags as string[] | undefined) ?? details.tags };
					written.add('tags');
				}
				if (changes.customFields) {
					if (jobIdsOf(current).includes(jobId)) {
						const differing = Object.fromEntries(
							Object.entries(changes.customFields).filter(([key, value]) => JSON.stringify(record.customFields?.[key]) !== JSON.stringify(value)),
						);
						await writeCustomFields(current.id, differing);
					} else {
						notStored.push(`customFields: the candidate has no application on job ${jobId} to store them on`);
					}
				}
				return { details };
			},
		};

		try {
			const outcome = await upsertCandidateByEmail(store, profile, {
				protectedFields: this.getNodeParameter('protectedFields', i, []) as ProfileField[],
				mandatoryFields: this.getNodeParameter('mandatoryFields', i, []) as ProfileField[],
			});
			// A create recovered after its response was lost still made the job application (the recipe sets its status).
			if (outcome.action === 'created') jobApplication = 'created';
			const changedFields = outcome.action === 'updated' ? outcome.changedFields.filter((field) => written.has(field)) : [];
			const action = outcome.action === 'updated' && changedFields.length === 0 ? 'unchanged' : outcome.action;
			return {
				action,
				candidateId: outcome.record.details.id,
				changedFields,
				protectedFieldsKept: outcome.protectedFieldsKept,
				jobId,
				jobApplication,
				...(jobApplication === 'notAttached'
					? {
							warning: `The candidate already exists without an application on job ${jobId}. SmartRecruiters has no endpoint to add an existing candidate to another job, so only the profile was updated.`,
						}
					: {}),
				...(notStored.length > 0 ? { notStored } : {}),
				candidate: outcome.record.details,
			};
		} catch (error) {
			if (error instanceof MandatoryFieldsMissingError || error instanceof EmailRequiredError) {
				throw new NodeOperationError(this.getNode(), error.message, { itemIndex: i });
			}
			throw error;
		}
	});
}
