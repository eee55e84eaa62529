import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { fieldsCollection } from '../../../shared/descriptions';
import type { CandidateProfile, ProfileField } from '../../../shared/candidate';
import { PROFILE_FIELDS } from '../../../shared/candidate';
import {
	candidateInputProperties,
	profileFieldsProperty,
	protectedAndMandatoryFields,
	readCandidateProfile,
} from '../../../shared/candidateInput';
import { SMARTRECRUITERS_FIELD_LIMITS } from '../../../shared/fieldLimits';
import { requiredLocatorValue, toList } from '../../../shared/parameters';
import type { CandidateStore, StoreWrite } from '../../../shared/upsert';
import { raceWinner, upsertCandidateByEmail } from '../../../shared/upsert';
import type { CandidateDetails } from '../../helpers/candidate';
import {
	candidateToProfile,
	jobIdsOf,
	linksToWeb,
	namesOf,
	profileToCandidateInput,
	smartRecruitersProfile,
} from '../../helpers/candidate';
import { findCandidatesByEmail, getCandidate } from '../../helpers/lookups';
import { readSourceDetails } from '../../helpers/source';
import { smartRecruitersApiRequest } from '../../transport';
import { jobRLC, sourceFields } from '../common.descriptions';

/** SmartRecruiters identifies a source by type and value id, not by label: the Source fields set it on create. */
const FIELDS_SMARTRECRUITERS_DOES_NOT_STORE: ProfileField[] = ['sources'];

const properties: INodeProperties[] = [
	...candidateInputProperties([
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			required: true,
			description: 'Candidates are matched by this email, ignoring case',
		},
		profileFieldsProperty([
			{ displayName: 'Company', name: 'company', type: 'string', default: '' },
			{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
			{ displayName: 'GitHub URL', name: 'github', type: 'string', default: '' },
			{
				displayName: 'Headline',
				name: 'headline',
				type: 'string',
				default: '',
				description: 'Current job title',
			},
			{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
			{ displayName: 'LinkedIn URL', name: 'linkedin', type: 'string', default: '' },
			{
				displayName: 'Location',
				name: 'location',
				type: 'string',
				default: '',
				placeholder: 'e.g. Berlin',
			},
			{ displayName: 'Phone', name: 'phone', type: 'string', default: '' },
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
	]),
	// A job is required: SmartRecruiters' search only returns candidates with a job application, so a candidate
	// upserted into the talent pool alone would be invisible to the next run's email lookup and created twice.
	jobRLC('Job the candidate applies to. New candidates are created with an application on it.'),
	...protectedAndMandatoryFields(
		PROFILE_FIELDS.filter((field) => !FIELDS_SMARTRECRUITERS_DOES_NOT_STORE.includes(field)),
		'SmartRecruiters',
	),
	...sourceFields(false),
	fieldsCollection('options', [
		{
			displayName: 'If Existing Candidate Is Not on the Job',
			name: 'notOnJob',
			type: 'options',
			options: [
				{ name: 'Fail the Item', value: 'error' },
				{
					name: 'Update Profile and Warn',
					value: 'warn',
					description:
						'Update the existing profile and report that it has no application on the job',
				},
			],
			default: 'warn',
			description:
				'SmartRecruiters has no endpoint to add an existing candidate to another job, and creating the candidate again on the job could duplicate the profile',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['candidate'], operation: ['upsert'] } },
	properties,
);

interface SmartRecruitersCandidate {
	details: CandidateDetails;
	/** Whether the candidate has an application on the upsert's job (custom fields live there). */
	onJob: boolean;
	/** Candidate property values on the job (only read when the incoming profile has custom fields). */
	customFields?: Record<string, unknown>;
}

function profileFromFields(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const fields = this.getNodeParameter('profileFields', itemIndex, {}) as IDataObject;
	const text = (key: string) => String(fields[key] ?? '').trim();
	return {
		email: String(this.getNodeParameter('email', itemIndex, '')).trim(),
		firstName: text('firstName'),
		lastName: text('lastName'),
		headline: text('headline'),
		company: text('company'),
		location: text('location'),
		phones: [{ value: text('phone') }],
		links: {
			linkedin: text('linkedin'),
			github: text('github'),
			twitter: text('twitter'),
			website: text('website'),
		},
		tags: toList(fields.tags),
	};
}

const propertyValues = (response: IDataObject): Record<string, unknown> =>
	Object.fromEntries(
		((response.content as IDataObject[] | undefined) ?? [])
			.filter((property) => property.value !== undefined)
			.map((property) => [String(property.id), property.value]),
	);

/** The fields of `changes` SmartRecruiters' PATCH /candidates can write, and what it cannot keep. */
function candidatePatch(current: CandidateDetails, changes: Partial<CandidateProfile>) {
	const patch: IDataObject = {};
	const written: ProfileField[] = [];
	const notStored: string[] = [];
	const names =
		changes.firstName || changes.lastName
			? { firstName: changes.firstName, lastName: changes.lastName }
			: changes.name
				? namesOf({ name: changes.name })
				: {};
	for (const [key, value] of Object.entries(names)) if (value) patch[key] = value;
	if (Object.keys(patch).length > 0)
		written.push(...(['firstName', 'lastName', 'name'] as const).filter((field) => changes[field]));
	if (changes.phones) {
		// SmartRecruiters keeps one phone number: it is only filled when empty, never replaced.
		const [first, ...rest] = changes.phones;
		if (!current.phoneNumber) {
			patch.phoneNumber = first.value;
			written.push('phones');
		}
		notStored.push(
			...rest.map((phone) => phone.value).filter((value) => value !== current.phoneNumber),
		);
	}
	if (changes.location) {
		patch.location = { city: changes.location };
		written.push('location');
	}
	if (changes.links) {
		// ⚠ Whether PATCH merges or replaces `web` is not documented: the full merged profile is sent either way.
		const mapping = linksToWeb(changes.links, current.web);
		patch.web = mapping.web;
		notStored.push(...mapping.notStored);
		written.push('links');
	}
	for (const field of ['headline', 'company'] as const) {
		if (changes[field])
			notStored.push(
				`${field}: SmartRecruiters has no API to change an existing candidate's experience`,
			);
	}
	return { patch, written, notStored };
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const profile = smartRecruitersProfile.call(
		this,
		readCandidateProfile.call(this, itemIndex, profileFromFields, SMARTRECRUITERS_FIELD_LIMITS),
		itemIndex,
	);
	const jobId = requiredLocatorValue.call(this, 'job', 'Job', itemIndex);
	const sourceDetails = readSourceDetails.call(this, itemIndex);
	const { notOnJob } = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const wantsCustomFields = Object.keys(profile.customFields ?? {}).length > 0;
	const applicationRoute = '/candidates/{candidateId}/jobs/{jobId}/properties';

	const writeCustomFields = async (candidateId: string, values: Record<string, unknown>) => {
		const body = Object.entries(values).map(([id, value]) => ({ id, value })) as IDataObject[];
		if (body.length > 0)
			await smartRecruitersApiRequest.call(this, 'PUT', applicationRoute, {
				params: { candidateId, jobId },
				body,
				itemIndex,
			});
		return body.length > 0;
	};

	const store: CandidateStore<SmartRecruitersCandidate> = {
		findByEmail: async (email) => {
			const matches = await findCandidatesByEmail.call(this, email, itemIndex);
			return await Promise.all(
				matches.map(async (match) => {
					const details = await getCandidate.call(this, String(match.id), itemIndex);
					const onJob = jobIdsOf(details).includes(jobId);
					if (!wantsCustomFields || !onJob) return { details, onJob };
					const properties = await smartRecruitersApiRequest.call(this, 'GET', applicationRoute, {
						params: { candidateId: details.id, jobId },
						itemIndex,
					});
					return { details, onJob, customFields: propertyValues(properties) };
				}),
			);
		},
		choose: (matches) => {
			// Of several on the job, the oldest: the one the check after a create keeps.
			const chosen =
				raceWinner(
					store,
					matches.filter((candidate) => candidate.onJob),
				) ?? matches[0];
			if (!chosen.onJob && notOnJob === 'error') {
				throw new NodeOperationError(
					this.getNode(),
					`Candidate ${chosen.details.id} with this email exists but has no application on job ${jobId}; SmartRecruiters has no endpoint to add an existing candidate to another job`,
					{ itemIndex },
				);
			}
			return chosen;
		},
		toProfile: (candidate) => candidateToProfile(candidate.details, candidate.customFields),
		create: async (newProfile) => {
			const { firstName, lastName } = namesOf(newProfile);
			if (!firstName || !lastName) {
				throw new NodeOperationError(
					this.getNode(),
					`"${firstName ? 'lastName' : 'firstName'}" is empty: SmartRecruiters requires first and last name to create a candidate`,
					{ itemIndex },
				);
			}
			const input = profileToCandidateInput(newProfile, sourceDetails);
			const created = (await smartRecruitersApiRequest.call(
				this,
				'POST',
				'/jobs/{jobId}/candidates',
				{
					params: { jobId },
					body: input.body,
					itemIndex,
					confirmNotApplied: async () =>
						(await findCandidatesByEmail.call(this, newProfile.email!, itemIndex)).length === 0,
				},
			)) as CandidateDetails;
			if (wantsCustomFields) await writeCustomFields(created.id, newProfile.customFields!);
			return { record: { details: created, onJob: true }, notStored: input.notStored };
		},
		update: async (candidate, { changes }): Promise<StoreWrite<SmartRecruitersCandidate>> => {
			const current = candidate.details;
			const { patch, written, notStored } = candidatePatch(current, changes);
			let details = current;
			if (Object.keys(patch).length > 0) {
				details = (await smartRecruitersApiRequest.call(
					this,
					'PATCH',
					'/candidates/{candidateId}',
					{
						params: { candidateId: current.id },
						body: patch,
						itemIndex,
					},
				)) as CandidateDetails;
			}
			const newTags = (changes.tags ?? []).filter(
				(tag) => !(current.tags ?? []).some((known) => known.toLowerCase() === tag.toLowerCase()),
			);
			if (newTags.length > 0) {
				const tagged = await smartRecruitersApiRequest.call(
					this,
					'POST',
					'/candidates/{candidateId}/tags',
					{
						params: { candidateId: current.id },
						body: { tags: newTags },
						itemIndex,
					},
				);
				details = { ...details, tags: (tagged.tags as string[] | undefined) ?? details.tags };
				written.push('tags');
			}
			if (changes.customFields && !candidate.onJob) {
				notStored.push(
					`customFields: the candidate has no application on job ${jobId} to store them on`,
				);
			} else if (changes.customFields) {
				const differing = Object.fromEntries(
					Object.entries(changes.customFields).filter(
						([key, value]) =>
							JSON.stringify(candidate.customFields?.[key]) !== JSON.stringify(value),
					),
				);
				if (await writeCustomFields(current.id, differing)) written.push('customFields');
			}
			return { record: { ...candidate, details }, written, notStored };
		},
		raceEntry: (candidate) => ({
			id: candidate.details.id,
			createdAt: Date.parse(candidate.details.createdOn ?? '') || Number.MAX_SAFE_INTEGER,
			competes: candidate.onJob,
		}),
		// Created by this upsert a moment ago, with nothing but its application on the job: deleting it is clean.
		discard: async (candidate) => {
			await smartRecruitersApiRequest.call(this, 'DELETE', '/candidates/{candidateId}', {
				params: { candidateId: candidate.details.id },
				itemIndex,
			});
		},
	};

	const outcome = await upsertCandidateByEmail(store, profile, {
		protectedFields: this.getNodeParameter('protectedFields', itemIndex, []) as ProfileField[],
		mandatoryFields: this.getNodeParameter('mandatoryFields', itemIndex, []) as ProfileField[],
		fieldsNotStored: FIELDS_SMARTRECRUITERS_DOES_NOT_STORE,
		node: this.getNode(),
		itemIndex,
	});
	// A create recovered after its response was lost still made the job application (the recipe sets its status).
	const jobApplication =
		outcome.action === 'created' ? 'created' : outcome.record.onJob ? 'existing' : 'notAttached';
	return {
		action: outcome.action,
		candidateId: outcome.record.details.id,
		changedFields: outcome.changedFields,
		protectedFieldsKept: outcome.protectedFieldsKept,
		jobId,
		jobApplication,
		...(jobApplication === 'notAttached'
			? {
					warning: `The candidate already exists without an application on job ${jobId}. SmartRecruiters has no endpoint to add an existing candidate to another job, so only the profile was updated.`,
				}
			: {}),
		...(outcome.notStored.length > 0 ? { notStored: outcome.notStored } : {}),
		...(outcome.ignoredFields.length > 0 ? { ignoredFields: outcome.ignoredFields } : {}),
		...(outcome.duplicateDiscarded ? { duplicateDeleted: outcome.duplicateDiscarded } : {}),
		candidate: outcome.record.details,
	};
}
