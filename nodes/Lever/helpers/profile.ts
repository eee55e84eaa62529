import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { CandidateProfile, ProfileField } from '../../shared/candidate';
import {
	fullName,
	linksFromUrls,
	normalizeEmail,
	profileLinkList,
	sameEmail,
	splitName,
	withoutEmptyValues,
} from '../../shared/candidate';
import { readCandidateProfile } from '../../shared/candidateInput';
import { LEVER_FIELD_LIMITS } from '../../shared/fieldLimits';
import { toList } from '../../shared/parameters';

export interface LeverPhone {
	type?: string;
	value: string;
}

/** The opportunity fields the node reads (Lever sends more; unknown fields are passed through untouched). */
export interface LeverOpportunity extends IDataObject {
	id: string;
	contact: string;
	name: string;
	headline: string;
	location: string;
	emails: string[];
	phones: LeverPhone[];
	links: string[];
	tags: string[];
	sources: string[];
	archived: { reason: string; archivedAt: number } | null;
	createdAt: number;
	updatedAt: number | null;
}

/**
 * Profile fields Lever has no place for on a contact or opportunity; they are reported, never silently dropped.
 * Custom fields live in profile forms: they are stored when a "Custom Fields Form" is chosen.
 */
export function fieldsLeverDoesNotStore(customFieldsForm: string): ProfileField[] {
	return customFieldsForm ? ['company'] : ['company', 'customFields'];
}

const NAME_FIELDS: ProfileField[] = ['name', 'firstName', 'lastName'];

/** Protecting any part of the name protects all of it: first + last name and the full name are one Lever field. */
export function expandProtectedFields(fields: ProfileField[]): ProfileField[] {
	return fields.some((field) => NAME_FIELDS.includes(field))
		? [...new Set([...fields, ...NAME_FIELDS])]
		: fields;
}

function rawProfileFromFields(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const fields = this.getNodeParameter('profileFields', itemIndex, {}) as IDataObject;
	const phones = ((fields.phones as IDataObject | undefined)?.phone ?? []) as LeverPhone[];
	return {
		email: this.getNodeParameter('email', itemIndex, '') as string,
		name: this.getNodeParameter('name', itemIndex, '') as string,
		additionalEmails: toList(fields.additionalEmails),
		headline: fields.headline,
		location: fields.location,
		phones,
		links: { linkedin: fields.linkedin, github: fields.github, other: toList(fields.otherLinks) },
		tags: toList(fields.tags),
		sources: toList(fields.sources),
	};
}

/** The candidate of one item: Lever's "Define Below" fields or the profile JSON, validated; errors name the field. */
export function profileFromParameters(
	this: IExecuteFunctions,
	itemIndex: number,
): CandidateProfile {
	return readCandidateProfile.call(this, itemIndex, rawProfileFromFields, LEVER_FIELD_LIMITS);
}

const phoneKey = (phone: LeverPhone) => phone.value.replace(/[^\d+]/g, '');

/** Emails of a profile, primary first, without case-insensitive duplicates. */
export function profileEmails(profile: CandidateProfile): string[] {
	const emails: string[] = [];
	for (const email of [profile.email, ...(profile.additionalEmails ?? [])]) {
		if (email && !emails.some((known) => sameEmail(known, email))) emails.push(email);
	}
	return emails;
}

/**
 * An opportunity in the canonical profile shape, for comparing with an incoming profile. `matchedEmail` becomes the
 * primary email (the one the upsert found it by). Phones the incoming profile repeats without a type are shown
 * without theirs, so an untyped "+1 555 0100" does not count as new next to Lever's `{type: "mobile", …}`.
 */
export function opportunityToProfile(
	opportunity: LeverOpportunity,
	matchedEmail: string,
	incoming: CandidateProfile,
): CandidateProfile {
	const emails = opportunity.emails ?? [];
	const primary = emails.find((email) => sameEmail(email, matchedEmail)) ?? emails[0];
	const untypedIncoming = new Set(
		(incoming.phones ?? []).filter((phone) => !phone.type).map(phoneKey),
	);
	const split = opportunity.name ? splitName(opportunity.name) : undefined;
	return withoutEmptyValues({
		email: primary,
		additionalEmails: emails.filter((email) => email !== primary),
		name: opportunity.name,
		firstName: split?.firstName,
		lastName: split?.lastName,
		headline: opportunity.headline,
		location: opportunity.location,
		phones: (opportunity.phones ?? []).map((phone) =>
			untypedIncoming.has(phoneKey(phone))
				? { value: phone.value }
				: { value: phone.value, type: phone.type },
		),
		links: linksFromUrls(opportunity.links ?? []),
		tags: opportunity.tags,
		sources: opportunity.sources,
	}) as CandidateProfile;
}

export interface CreationSettings {
	posting?: string;
	stage?: string;
	origin?: string;
	owner?: string;
}

/** `POST /opportunities` body for a profile (JSON shape; multipart uses the same keys). */
export function createOpportunityBody(
	profile: CandidateProfile,
	settings: CreationSettings,
): IDataObject {
	return withoutEmptyValues({
		name: fullName(profile),
		headline: profile.headline,
		location: profile.location,
		emails: profileEmails(profile),
		phones: profile.phones,
		links: profileLinkList(profile),
		tags: profile.tags,
		sources: profile.sources,
		origin: settings.origin,
		owner: settings.owner,
		stage: settings.stage,
		// Lever takes exactly one posting per opportunity.
		postings: settings.posting ? [settings.posting] : undefined,
	}) as IDataObject;
}

/** `PUT /contacts/:id` replaces the whole contact, so the body starts from what Lever has and applies the changes. */
export function contactUpdateBody(
	opportunity: LeverOpportunity,
	changes: Partial<CandidateProfile>,
): IDataObject {
	const split = splitName(opportunity.name ?? '');
	const name =
		changes.name ??
		(changes.firstName !== undefined || changes.lastName !== undefined
			? [changes.firstName ?? split.firstName, changes.lastName ?? split.lastName].join(' ').trim()
			: opportunity.name);
	const emails = [...(opportunity.emails ?? [])];
	for (const email of [changes.email, ...(changes.additionalEmails ?? [])]) {
		if (email && !emails.some((known) => normalizeEmail(known) === normalizeEmail(email)))
			emails.push(email);
	}
	const phones = [...(opportunity.phones ?? [])];
	for (const phone of changes.phones ?? []) {
		if (!phones.some((known) => phoneKey(known) === phoneKey(phone))) phones.push(phone);
	}
	return {
		name,
		headline: changes.headline ?? opportunity.headline ?? '',
		location: changes.location ?? opportunity.location ?? '',
		emails,
		phones,
	};
}

/** Entries of `merged` that `existing` lacks (Lever's add* endpoints take only the new ones). */
export function newEntries(existing: string[] = [], merged: string[] = []): string[] {
	const known = new Set(existing.map((entry) => entry.trim().toLowerCase()));
	return merged.filter((entry) => !known.has(entry.trim().toLowerCase()));
}
