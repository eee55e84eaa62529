import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { CandidateProfile } from '../../shared/candidate';
import {
	classifySocialUrl,
	sameEmail,
	splitName,
	withoutEmptyValues,
} from '../../shared/candidate';
import type { Limit, LimitedField } from '../../shared/fieldLimits';
import { lengthProblem, SMARTRECRUITERS_FIELD_LIMITS } from '../../shared/fieldLimits';
import {
	controlCharacterProblem,
	isEmailAddress,
	smartRecruitersEmail,
} from '../../shared/fieldText';

/** SmartRecruiters' `WebProfile`: no GitHub slot, and `linkedin` in lower case (the Apply API's `linkedIn` differs). */
export interface WebProfile {
	skype?: string;
	linkedin?: string;
	facebook?: string;
	twitter?: string;
	website?: string;
}

/** A candidate as `GET /candidates/{id}` returns it (`CandidateDetails`), reduced to what the node reads. */
export interface CandidateDetails extends IDataObject {
	id: string;
	firstName?: string;
	lastName?: string;
	email?: string;
	phoneNumber?: string;
	location?: IDataObject;
	web?: WebProfile & IDataObject;
	tags?: string[];
	experience?: IDataObject[];
	primaryAssignment?: IDataObject;
	secondaryAssignments?: IDataObject[];
	/** ISO date-time of the candidate's creation. */
	createdOn?: string;
}

export const locationText = (location: IDataObject | undefined) =>
	[location?.city, location?.region, location?.country]
		.filter((part) => typeof part === 'string' && part !== '')
		.join(', ');

/** The ids of the jobs a candidate has an application on. */
export function jobIdsOf(candidate: CandidateDetails): string[] {
	const assignments = [candidate.primaryAssignment, ...(candidate.secondaryAssignments ?? [])];
	return assignments
		.map(
			(assignment) =>
				((assignment?.job as IDataObject | undefined)?.id as string | undefined) ?? '',
		)
		.filter((id) => id !== '');
}

export function currentExperience(candidate: CandidateDetails): IDataObject | undefined {
	return (
		(candidate.experience ?? []).find((entry) => entry.current === true) ??
		candidate.experience?.[0]
	);
}

/** A SmartRecruiters candidate in the ATS-neutral profile shape, so the shared upsert can compare the two. */
export function candidateToProfile(
	candidate: CandidateDetails,
	customFields?: Record<string, unknown>,
): CandidateProfile {
	const web = candidate.web ?? {};
	const experience = currentExperience(candidate);
	const profile: CandidateProfile = {
		email: candidate.email || undefined,
		firstName: candidate.firstName || undefined,
		lastName: candidate.lastName || undefined,
		name: [candidate.firstName, candidate.lastName].filter(Boolean).join(' ') || undefined,
		headline: (experience?.title as string | undefined) || undefined,
		company: (experience?.company as string | undefined) || undefined,
		location: locationText(candidate.location) || undefined,
		phones: candidate.phoneNumber ? [{ value: candidate.phoneNumber }] : undefined,
		links: {
			linkedin: web.linkedin || undefined,
			twitter: web.twitter || undefined,
			facebook: web.facebook || undefined,
			website: web.website || undefined,
		},
		tags: candidate.tags?.length ? candidate.tags : undefined,
		customFields: customFields && Object.keys(customFields).length > 0 ? customFields : undefined,
	};
	if (web.website && classifySocialUrl(web.website) === 'github') {
		// A GitHub URL this node stored in the website slot reads back as GitHub, so a rerun sees no change.
		profile.links = { ...profile.links, github: web.website, website: undefined };
	}
	return withoutEmptyValues(profile) as CandidateProfile;
}

export interface WebMapping {
	web: WebProfile;
	/** URLs with no free slot in SmartRecruiters' WebProfile (it has no GitHub or "other" field). */
	notStored: string[];
}

/**
 * Profile links → WebProfile. GitHub and other URLs go to `website` when that slot is free; what does not fit is
 * returned so the node can report it instead of dropping it silently.
 */
export function linksToWeb(
	links: CandidateProfile['links'],
	existing: WebProfile = {},
): WebMapping {
	const web: WebProfile = { ...existing };
	const notStored: string[] = [];
	if (!links) return { web, notStored };
	for (const slot of ['linkedin', 'twitter', 'facebook', 'website'] as const) {
		if (links[slot]) web[slot] = links[slot];
	}
	for (const extra of [links.github, ...(links.other ?? [])]) {
		if (!extra || Object.values(web).includes(extra)) continue;
		if (!web.website) web.website = extra;
		else notStored.push(extra);
	}
	return { web, notStored };
}

export function namesOf(profile: CandidateProfile): { firstName?: string; lastName?: string } {
	if (profile.firstName || profile.lastName || !profile.name)
		return { firstName: profile.firstName, lastName: profile.lastName };
	return splitName(profile.name);
}

const LIMITS = SMARTRECRUITERS_FIELD_LIMITS.text;

/**
 * The profile as SmartRecruiters takes it, checked before anything is sent (the schema and the length limits were
 * checked when it was read): its email in the form SmartRecruiters accepts, and a full name split into first and
 * last names that fit. Throws an error naming the field.
 */
export function smartRecruitersProfile(
	this: IExecuteFunctions,
	profile: CandidateProfile,
	itemIndex: number,
): CandidateProfile {
	const problems: string[] = [];
	let email = profile.email;
	if (email) {
		const checked = smartRecruitersEmail(email);
		if (checked.ok) email = checked.email;
		else problems.push(`"email" ${checked.message}`);
	}
	if (!profile.firstName && !profile.lastName && profile.name) {
		const { firstName, lastName } = splitName(profile.name);
		for (const problem of [
			lengthProblem('name (first name part)', firstName, LIMITS.firstName),
			lengthProblem('name (last name part)', lastName, LIMITS.lastName),
		]) {
			if (problem) problems.push(problem);
		}
	}
	if (problems.length > 0)
		throw new NodeOperationError(
			this.getNode(),
			`Invalid candidate profile: ${problems.join('; ')}`,
			{ itemIndex },
		);
	return email === profile.email ? profile : { ...profile, email };
}

/** The fields of a create or update body ("Define Below"), by the names the node shows, with their limits. */
const BODY_FIELDS: Array<
	[label: string, read: (body: IDataObject) => unknown, limit: LimitedField]
> = [
	['First Name', (body) => body.firstName, 'firstName'],
	['Last Name', (body) => body.lastName, 'lastName'],
	['Email', (body) => body.email, 'email'],
	['Phone Number', (body) => body.phoneNumber, 'phone'],
	['City', (body) => (body.location as IDataObject | undefined)?.city, 'location'],
	['LinkedIn URL', (body) => (body.web as IDataObject | undefined)?.linkedin, 'links.linkedin'],
	['Facebook URL', (body) => (body.web as IDataObject | undefined)?.facebook, 'links.facebook'],
	['Twitter URL', (body) => (body.web as IDataObject | undefined)?.twitter, 'links.twitter'],
	['Website URL', (body) => (body.web as IDataObject | undefined)?.website, 'links.website'],
];

/**
 * A create or update body checked like an upsert's profile before it is sent: no control characters, SmartRecruiters'
 * limits, its email form. Returns the body with the email as SmartRecruiters takes it; throws naming the field.
 */
export function checkedCandidateBody(
	this: IExecuteFunctions,
	body: IDataObject,
	itemIndex: number,
): IDataObject {
	const problems: string[] = [];
	const check = (label: string, value: unknown, limit: Limit | undefined, isEmail = false) => {
		if (typeof value !== 'string') return;
		const problem =
			controlCharacterProblem(value, false) ??
			(isEmail && !isEmailAddress(value) ? 'must be an email address' : undefined);
		const tooLong = problem ? undefined : lengthProblem(label, value, limit);
		if (problem) problems.push(`"${label}" ${problem}`);
		if (tooLong) problems.push(tooLong);
	};
	for (const [label, read, limit] of BODY_FIELDS)
		check(label, read(body), LIMITS[limit], limit === 'email');
	((body.tags as string[] | undefined) ?? []).forEach((tag, index) =>
		check(`Tags (entry ${index + 1})`, tag, LIMITS.tag),
	);
	let { email } = body;
	if (typeof email === 'string' && problems.length === 0) {
		const checked = smartRecruitersEmail(email);
		if (checked.ok) email = checked.email;
		else problems.push(`"Email" ${checked.message}`);
	}
	if (problems.length > 0)
		throw new NodeOperationError(this.getNode(), `Invalid candidate: ${problems.join('; ')}`, {
			itemIndex,
		});
	return email === body.email ? body : { ...body, email };
}

/** `CandidateInput` for `POST /candidates` or `POST /jobs/{jobId}/candidates`. */
export function profileToCandidateInput(
	profile: CandidateProfile,
	sourceDetails?: IDataObject,
): { body: IDataObject; notStored: string[] } {
	const { firstName, lastName } = namesOf(profile);
	const { web, notStored } = linksToWeb(profile.links);
	const [phone, ...otherPhones] = profile.phones ?? [];
	const body: IDataObject = {
		firstName,
		lastName,
		email: profile.email,
		phoneNumber: phone?.value,
		location: profile.location ? { city: profile.location } : undefined,
		web: Object.keys(web).length > 0 ? web : undefined,
		tags: profile.tags?.length ? profile.tags : undefined,
		experience:
			profile.headline || profile.company
				? [{ title: profile.headline, company: profile.company, current: true }]
				: undefined,
		sourceDetails,
	};
	for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
	notStored.push(...otherPhones.map((entry) => entry.value));
	return { body, notStored };
}

export const candidateDisplayName = (candidate: IDataObject) =>
	[candidate.firstName, candidate.lastName].filter(Boolean).join(' ') ||
	String(candidate.email ?? candidate.id);

/** Search results whose email is exactly `email` (SmartRecruiters' search is fuzzy and stemmed). */
export function exactEmailMatches<T extends IDataObject>(results: T[], email: string): T[] {
	return results.filter((candidate) => sameEmail(candidate.email as string | undefined, email));
}
