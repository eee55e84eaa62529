import type { CandidateProfile } from './candidate';
import { characterCount, controlCharacterProblem } from './fieldText';

/**
 * Length limits of the text the ATS nodes write, per vendor, checked before any request so that an oversize value
 * fails its item naming the field instead of being refused by the ATS after the event was acknowledged.
 *
 * SmartRecruiters: the limits its OpenAPI description documents for these fields (test/simulators/smartrecruiters/
 * spec): the Candidate API's `CandidateInput` states none, so the limits of the same person fields in the Apply API
 * (`ApplyApiRequest`, `Location`, `Web`, `Employment`), of `CandidateTags` and of notes (`Message`) are used.
 * Lever documents no field lengths at all (docs/security.md): the limits below are chosen, generous enough for any
 * real value: 255 for names and one-line fields, 254 for emails (RFC 5321's path limit), 2,048 for links, 128 for
 * phone numbers, 65,535 for notes (a common text column size).
 */

export type LimitedField =
	| 'email'
	| 'firstName'
	| 'lastName'
	| 'name'
	| 'headline'
	| 'company'
	| 'location'
	| 'phone'
	| 'link'
	| 'links.linkedin'
	| 'links.github'
	| 'links.twitter'
	| 'links.facebook'
	| 'links.website'
	| 'tag'
	| 'source'
	| 'note';

export interface Limit {
	max: number;
	vendor: string;
	/** false: the vendor documents none, so this package chose it. */
	documented: boolean;
}

export interface FieldLimits {
	text: Partial<Record<LimitedField, Limit>>;
	/** Most tags one candidate may carry. */
	tagCount?: Limit;
}

const documented = (vendor: string, max: number): Limit => ({ max, vendor, documented: true });
const chosen = (vendor: string, max: number): Limit => ({ max, vendor, documented: false });

const SR = 'SmartRecruiters';
/** `Message.content`, the candidate tag that puts a note on the profile included. */
export const SMARTRECRUITERS_NOTE_LIMIT = 10_000;
export const SMARTRECRUITERS_FIELD_LIMITS: FieldLimits = {
	text: {
		email: documented(SR, 128),
		firstName: documented(SR, 128),
		lastName: documented(SR, 128),
		// A full name is written as first + last name.
		name: documented(SR, 257),
		headline: documented(SR, 200),
		company: documented(SR, 200),
		location: documented(SR, 128),
		phone: documented(SR, 128),
		'links.linkedin': documented(SR, 1000),
		'links.facebook': documented(SR, 1000),
		'links.website': documented(SR, 1000),
		// GitHub goes into the website slot.
		'links.github': documented(SR, 1000),
		'links.twitter': documented(SR, 100),
		tag: documented(SR, 50),
		note: documented(SR, SMARTRECRUITERS_NOTE_LIMIT),
	},
	tagCount: documented(SR, 100),
};

const LEVER = 'Lever';
export const LEVER_FIELD_LIMITS: FieldLimits = {
	text: {
		email: chosen(LEVER, 254),
		firstName: chosen(LEVER, 255),
		lastName: chosen(LEVER, 255),
		name: chosen(LEVER, 255),
		headline: chosen(LEVER, 255),
		location: chosen(LEVER, 255),
		phone: chosen(LEVER, 128),
		link: chosen(LEVER, 2048),
		tag: chosen(LEVER, 255),
		source: chosen(LEVER, 255),
		note: chosen(LEVER, 65_535),
	},
};

/**
 * The lower limit of each field over several vendors: what a vendor-neutral sender (the Contact Event Trigger) checks,
 * so an event any of the recipes' ATSs would refuse is refused before it is acknowledged.
 */
export function strictestLimits(...all: FieldLimits[]): FieldLimits {
	const text: FieldLimits['text'] = {};
	let tagCount: Limit | undefined;
	for (const limits of all) {
		for (const [field, limit] of Object.entries(limits.text) as Array<[LimitedField, Limit]>) {
			if (!text[field] || limit.max < text[field].max) text[field] = limit;
		}
		if (limits.tagCount && (!tagCount || limits.tagCount.max < tagCount.max))
			tagCount = limits.tagCount;
	}
	return { text, ...(tagCount ? { tagCount } : {}) };
}

const fmt = (count: number) => count.toLocaleString('en-US');

function describeLimit(limit: Limit): string {
	return limit.documented
		? `${limit.vendor} takes at most ${fmt(limit.max)}`
		: `at most ${fmt(limit.max)} are sent to ${limit.vendor}, which documents no limit`;
}

/** The limit of one link slot of the profile (`links.github`), else of any link. */
function linkLimit(limits: FieldLimits, slot: string): Limit | undefined {
	return limits.text[`links.${slot}` as LimitedField] ?? limits.text.link;
}

/** "`field`" is N characters long; <limit>. Undefined when `text` fits (or the field has no limit). */
export function lengthProblem(
	path: string,
	text: string | undefined,
	limit: Limit | undefined,
): string | undefined {
	if (text === undefined || !limit) return undefined;
	const length = characterCount(text);
	return length > limit.max
		? `"${path}" is ${fmt(length)} characters long; ${describeLimit(limit)}`
		: undefined;
}

/** Every field of `profile` over the vendor's limit, as messages naming the field (`"firstName" is 20,001 …`). */
export function profileLimitProblems(profile: CandidateProfile, limits: FieldLimits): string[] {
	const { text } = limits;
	const problems = [
		lengthProblem('email', profile.email, text.email),
		...(profile.additionalEmails ?? []).map((email, index) =>
			lengthProblem(`additionalEmails.${index}`, email, text.email),
		),
		...(['firstName', 'lastName', 'name', 'headline', 'company', 'location'] as const).map(
			(field) => lengthProblem(field, profile[field], text[field]),
		),
		...(profile.phones ?? []).map((phone, index) =>
			lengthProblem(`phones.${index}.value`, phone.value, text.phone),
		),
		...Object.entries(profile.links ?? {}).flatMap(([slot, value]) =>
			Array.isArray(value)
				? value.map((link, index) =>
						lengthProblem(`links.${slot}.${index}`, link, linkLimit(limits, slot)),
					)
				: [lengthProblem(`links.${slot}`, value, linkLimit(limits, slot))],
		),
		...(profile.tags ?? []).map((tag, index) => lengthProblem(`tags.${index}`, tag, text.tag)),
		...(profile.sources ?? []).map((source, index) =>
			lengthProblem(`sources.${index}`, source, text.source),
		),
	];
	const tags = profile.tags?.length ?? 0;
	if (limits.tagCount && tags > limits.tagCount.max)
		problems.push(
			`"tags" has ${fmt(tags)} entries; ${limits.tagCount.vendor} takes at most ${fmt(limits.tagCount.max)}`,
		);
	return problems.filter((problem): problem is string => problem !== undefined);
}

/** Why a note's text cannot be written (control characters other than line breaks and tabs, or its length), or undefined. */
export function noteProblem(text: string, limits: FieldLimits, label = 'Note'): string | undefined {
	const control = controlCharacterProblem(text, true);
	return control ? `"${label}" ${control}` : lengthProblem(label, text, limits.text.note);
}
