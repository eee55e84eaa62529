import { z } from 'zod';

import { controlCharacterProblem, isEmailAddress, stringsIn } from './fieldText';

/** One line of text, trimmed: control characters (NUL, line breaks…) are refused with the field named. */
const oneLine = z
	.string()
	.trim()
	.superRefine((value, context) => {
		const problem = controlCharacterProblem(value, false);
		if (problem) context.addIssue({ code: z.ZodIssueCode.custom, message: problem });
	});

/** An email address; internationalised ones (RFC 6531) too: whether an ATS takes them is its node's decision. */
export const emailAddressSchema = oneLine.superRefine((value, context) => {
	if (!controlCharacterProblem(value, false) && !isEmailAddress(value))
		context.addIssue({ code: z.ZodIssueCode.custom, message: 'must be an email address' });
});

const url = oneLine.pipe(z.string().url());

/** ATS custom fields: any JSON, whose texts may span lines but hold no other control characters. */
const customFields = z.record(z.unknown()).superRefine((value, context) => {
	for (const { path, text } of stringsIn(value)) {
		const problem = controlCharacterProblem(text, true);
		if (problem) context.addIssue({ code: z.ZodIssueCode.custom, message: problem, path });
	}
});

/**
 * The ATS-neutral candidate profile. The Field Map node produces it, both ATS nodes' upsert operations take it,
 * and each ATS node translates it to its own wire format (Lever opportunity + contact, SmartRecruiters candidate).
 * Vendor limits (lengths, which email forms) are checked by each ATS node (fieldLimits.ts, fieldText.ts).
 */
export const candidateProfileSchema = z
	.object({
		email: emailAddressSchema.optional(),
		additionalEmails: z.array(emailAddressSchema).optional(),
		firstName: oneLine.optional(),
		lastName: oneLine.optional(),
		/** Full name; derived from first + last name when absent. */
		name: oneLine.optional(),
		headline: oneLine.optional(),
		company: oneLine.optional(),
		location: oneLine.optional(),
		phones: z
			.array(z.object({ value: oneLine.pipe(z.string().min(1)), type: oneLine.optional() }))
			.optional(),
		links: z
			.object({
				linkedin: url.optional(),
				github: url.optional(),
				twitter: url.optional(),
				facebook: url.optional(),
				website: url.optional(),
				other: z.array(url).optional(),
			})
			.optional(),
		tags: z.array(oneLine.pipe(z.string().min(1))).optional(),
		sources: z.array(oneLine.pipe(z.string().min(1))).optional(),
		/** ATS custom fields keyed by the ATS's field/property id. */
		customFields: customFields.optional(),
	})
	.strict();

export type CandidateProfile = z.infer<typeof candidateProfileSchema>;
export type ProfileField = keyof CandidateProfile;

/** Fields an ops person can mark protected or mandatory, in the order the UI lists them. */
export const PROFILE_FIELDS: ProfileField[] = [
	'email',
	'firstName',
	'lastName',
	'name',
	'headline',
	'company',
	'location',
	'phones',
	'links',
	'tags',
	'sources',
	'customFields',
];

/** Turns zod issues into one sentence that names each field, e.g. `"links.github" must be a URL`. */
export function describeProfileIssues(error: z.ZodError): string {
	return error.issues
		.map((issue) => {
			const field = issue.path.join('.') || 'profile';
			if (issue.code === 'unrecognized_keys')
				return `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
			return `"${field}" ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}`;
		})
		.join('; ');
}

/** Email comparison as both ATSs canonicalize it: trimmed and case-insensitive. */
export function normalizeEmail(email: string): string {
	return email.trim().toLowerCase();
}

export function sameEmail(a: string | undefined, b: string | undefined): boolean {
	return !!a && !!b && normalizeEmail(a) === normalizeEmail(b);
}

export function fullName(profile: CandidateProfile): string | undefined {
	if (profile.name) return profile.name;
	const joined = [profile.firstName, profile.lastName].filter(Boolean).join(' ').trim();
	return joined || undefined;
}

/** Splits a full name for ATSs that need first and last name separately (last word = last name). */
export function splitName(name: string): { firstName: string; lastName: string } {
	const parts = name.trim().split(/\s+/);
	if (parts.length === 1) return { firstName: parts[0], lastName: '' };
	return { firstName: parts.slice(0, -1).join(' '), lastName: parts[parts.length - 1] };
}

export function isEmptyValue(value: unknown): boolean {
	if (value === undefined || value === null) return true;
	if (typeof value === 'string') return value.trim() === '';
	if (Array.isArray(value)) return value.length === 0;
	if (typeof value === 'object') return Object.values(value as object).every(isEmptyValue);
	return false;
}

/** Removes empty strings, lists and objects at any depth, so an unmapped field counts as "not given" rather than as invalid. */
export function withoutEmptyValues(value: unknown): unknown {
	if (Array.isArray(value))
		return value.map(withoutEmptyValues).filter((entry) => !isEmptyValue(entry));
	if (value !== null && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>)
			.map(([key, entry]) => [key, withoutEmptyValues(entry)] as const)
			.filter(([, entry]) => !isEmptyValue(entry));
		return Object.fromEntries(entries);
	}
	return value;
}

/** The mandatory fields that are empty in `profile` (name counts as filled when first + last name are). */
export function missingMandatoryFields(
	profile: CandidateProfile,
	mandatory: ProfileField[],
): ProfileField[] {
	return mandatory.filter((field) => {
		if (field === 'name') return !fullName(profile);
		return isEmptyValue(profile[field]);
	});
}

export type SocialNetwork = 'linkedin' | 'github' | 'twitter' | 'facebook' | 'website';

/** Which social network a URL belongs to, by host; anything unknown is a personal website. */
export function classifySocialUrl(url: string): SocialNetwork {
	let host: string;
	try {
		host = new URL(url).hostname.toLowerCase().replace(/^www\./, '');
	} catch {
		return 'website';
	}
	if (host === 'linkedin.com' || host.endsWith('.linkedin.com')) return 'linkedin';
	if (host === 'github.com') return 'github';
	if (host === 'twitter.com' || host === 'x.com') return 'twitter';
	if (host === 'facebook.com' || host === 'fb.com') return 'facebook';
	return 'website';
}

/** All link URLs of a profile as one flat list (Lever keeps links as a plain list). */
export function profileLinkList(profile: CandidateProfile): string[] {
	const links = profile.links ?? {};
	const named = [links.linkedin, links.github, links.twitter, links.facebook, links.website];
	return [...named, ...(links.other ?? [])].filter((link): link is string => !!link);
}

/** Sorts a flat list of URLs into the named link slots. The first URL per network wins; the rest go to `other`. */
export function linksFromUrls(urls: string[]): NonNullable<CandidateProfile['links']> {
	const links: NonNullable<CandidateProfile['links']> = {};
	for (const url of urls) {
		const network = classifySocialUrl(url);
		if (links[network] === undefined) links[network] = url;
		else (links.other ??= []).push(url);
	}
	return links;
}

export interface UpdatePlan {
	/** Only the fields that change, with their new value. Lists are merged (existing entries are never removed). */
	changes: Partial<CandidateProfile>;
	/** Fields the incoming record wanted to change but that are protected and already filled in the ATS. */
	protectedFieldsKept: ProfileField[];
}

const listKey = (value: unknown) =>
	typeof value === 'string' ? value.trim().toLowerCase() : JSON.stringify(value);

function mergeLists<T>(existing: T[] = [], incoming: T[] = []): T[] {
	const seen = new Set(existing.map(listKey));
	return [...existing, ...incoming.filter((entry) => !seen.has(listKey(entry)))];
}

/**
 * Decides what an upsert may write over an existing candidate: empty incoming values never erase data,
 * protected fields are only filled when empty in the ATS, list fields only gain entries.
 */
export function planUpdate(
	existing: CandidateProfile,
	incoming: CandidateProfile,
	protectedFields: ProfileField[],
): UpdatePlan {
	const changes: Record<string, unknown> = {};
	const protectedFieldsKept: ProfileField[] = [];
	for (const field of PROFILE_FIELDS) {
		const next = incoming[field];
		if (isEmptyValue(next)) continue;
		const current = existing[field];
		const merged = mergeField(field, current, next);
		if (JSON.stringify(merged) === JSON.stringify(current)) continue;
		if (protectedFields.includes(field) && !isEmptyValue(current)) {
			protectedFieldsKept.push(field);
			continue;
		}
		changes[field] = merged;
	}
	return { changes: changes as Partial<CandidateProfile>, protectedFieldsKept };
}

function mergeField(field: ProfileField, current: unknown, next: unknown): unknown {
	if (field === 'email' && typeof current === 'string' && sameEmail(current, next as string))
		return current;
	if (Array.isArray(next)) return mergeLists(current as unknown[] | undefined, next);
	if (field === 'links' || field === 'customFields') {
		const merged: Record<string, unknown> = { ...(current as object) };
		for (const [key, value] of Object.entries(next as object)) {
			if (isEmptyValue(value)) continue;
			merged[key] = Array.isArray(value)
				? mergeLists(merged[key] as unknown[] | undefined, value)
				: value;
		}
		return merged;
	}
	return next;
}
