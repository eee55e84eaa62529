import type { IDataObject } from 'n8n-workflow';

import type { CandidateProfile } from '../../shared/candidate';
import { classifySocialUrl, sameEmail, splitName, withoutEmptyValues } from '../../shared/candidate';

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
}

export const locationText = (location: IDataObject | undefined) =>
	[location?.city, location?.region, location?.country].filter((part) => typeof part === 'string' && part !== '').join(', ');

/** The ids of the jobs a candidate has an application on. */
export function jobIdsOf(candidate: CandidateDetails): string[] {
	const assignments = [candidate.primaryAssignment, ...(candidate.secondaryAssignments ?? [])];
	return assignments
		.map((assignment) => ((assignment?.job as IDataObject | undefined)?.id as string | undefined) ?? '')
		.filter((id) => id !== '');
}

export function currentExperience(candidate: CandidateDetails): IDataObject | undefined {
	return (candidate.experience ?? []).find((entry) => entry.current === true) ?? candidate.experience?.[0];
}

/** A SmartRecruiters candidate in the ATS-neutral profile shape, so the shared upsert can compare the two. */
export function candidateToProfile(candidate: CandidateDetails, customFields?: Record<string, unknown>): CandidateProfile {
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
export function linksToWeb(links: CandidateProfile['links'], existing: WebProfile = {}): WebMapping {
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
	if (profile.firstName || profile.lastName || !profile.name) return { firstName: profile.firstName, lastName: profile.lastName };
	return splitName(profile.name);
}

/** `CandidateInput` for `POST /candidates` or `POST /jobs/{jobId}/candidates`. */
export function profileToCandidateInput(profile: CandidateProfile, sourceDetails?: IDataObject): { body: IDataObject; notStored: string[] } {
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
	[candidate.firstName, candidate.lastName].filter(Boolean).join(' ') || String(candidate.email ?? candidate.id);

/** Search results whose email is exactly `email` (SmartRecruiters' search is fuzzy and stemmed). */
export function exactEmailMatches<T extends IDataObject>(results: T[], email: string): T[] {
	return results.filter((candidate) => sameEmail(candidate.email as string | undefined, email));
}

