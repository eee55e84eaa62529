import { z } from 'zod';

import type { CandidateProfile } from '../../../../nodes/shared/candidate';
import {
	candidateProfileSchema,
	describeProfileIssues,
	emailAddressSchema,
	linksFromUrls,
} from '../../../../nodes/shared/candidate';
import {
	LEVER_FIELD_LIMITS,
	lengthProblem,
	profileLimitProblems,
	SMARTRECRUITERS_FIELD_LIMITS,
	strictestLimits,
} from '../../../../nodes/shared/fieldLimits';
import { controlCharacterProblem, stringsIn } from '../../../../nodes/shared/fieldText';

/**
 * The events the Contact Event Trigger accepts: what a sourcing/outreach tool (SourceWhale-style) reports about a
 * contact in a campaign, and what an interview platform reports when an interview is completed. Unknown extra
 * keys are dropped (tools add fields over time); a missing or malformed known field refuses the whole delivery.
 */

const text = z.string().trim().min(1, 'must not be empty');
/** Ids arrive as strings or integers depending on the tool; they are emitted as strings. */
const id = z.preprocess(
	(value) => (typeof value === 'number' && Number.isInteger(value) ? String(value) : value),
	z
		.string({ invalid_type_error: 'must be a string or an integer' })
		.trim()
		.min(1, 'must not be empty'),
);

const contactSchema = z.object({
	email: emailAddressSchema,
	firstName: z.string().trim().optional(),
	lastName: z.string().trim().optional(),
	/** Full name, for tools that do not split it. */
	name: z.string().trim().optional(),
	headline: z.string().trim().optional(),
	company: z.string().trim().optional(),
	location: z.string().trim().optional(),
	/** Plain numbers or `{ value, type }`. */
	phones: z
		.array(z.union([text, z.object({ value: text, type: z.string().trim().optional() })]))
		.optional(),
	/** Profile URLs (LinkedIn, GitHub, personal site…); `urls` is accepted as another name for the same list. */
	links: z.array(z.string().trim().url('must be a URL')).optional(),
	urls: z.array(z.string().trim().url('must be a URL')).optional(),
	customFields: z.record(z.unknown()).optional(),
});

const campaignSchema = z.object({ id, name: z.string().trim().optional() });
const jobSchema = z.object({ id, title: z.string().trim().optional() });

const envelope = {
	eventId: id,
	occurredAt: z.string().datetime({ offset: true, message: 'must be an ISO 8601 date-time' }),
	contact: contactSchema,
	job: jobSchema.optional(),
};

const outreachFields = {
	...envelope,
	campaign: campaignSchema,
	/** The channel of the step that produced the event, e.g. `email`, `linkedin`, `call` — notes are written per type. */
	outreachType: z.string().trim().optional(),
	/** The reply text (replied / interested), or the step's message. */
	message: z.string().optional(),
	cvUrl: z.string().trim().url('must be a URL').optional(),
};

export const CONTACT_EVENT_TYPES = [
	'contact.added',
	'contact.replied',
	'contact.interested',
	'contact.bounced',
	'contact.unsubscribed',
	'interview.completed',
] as const;

export type ContactEventType = (typeof CONTACT_EVENT_TYPES)[number];

export const interviewSchema = z.object({
	id: id.optional(),
	result: z.enum(['passed', 'failed']),
	/** The platform's score as sent (scales differ between platforms). */
	score: z.number().optional(),
	feedback: z.string().optional(),
	reportUrl: z.string().trim().url('must be a URL').optional(),
});

export const contactEventSchema = z.discriminatedUnion('type', [
	z.object({ type: z.literal('contact.added'), ...outreachFields }),
	z.object({ type: z.literal('contact.replied'), ...outreachFields }),
	z.object({ type: z.literal('contact.interested'), ...outreachFields }),
	z.object({ type: z.literal('contact.bounced'), ...outreachFields }),
	z.object({ type: z.literal('contact.unsubscribed'), ...outreachFields }),
	z.object({
		type: z.literal('interview.completed'),
		...envelope,
		interview: interviewSchema,
		campaign: campaignSchema.optional(),
	}),
]);

export type ContactEvent = z.infer<typeof contactEventSchema>;

/** One validated event as the trigger emits it: the event's own fields plus the contact as a canonical profile. */
export type ContactEventItem = ContactEvent & { candidate: CandidateProfile };

export type ParseResult = { ok: true; item: ContactEventItem } | { ok: false; message: string };

/** The contact as the ATS-neutral candidate profile the Field Map and ATS nodes take. */
export function candidateFromContact(contact: ContactEvent['contact']): CandidateProfile {
	const urls = [...(contact.links ?? []), ...(contact.urls ?? [])];
	const profile: CandidateProfile = {
		email: contact.email,
		firstName: contact.firstName || undefined,
		lastName: contact.lastName || undefined,
		name: contact.name || undefined,
		headline: contact.headline || undefined,
		company: contact.company || undefined,
		location: contact.location || undefined,
		phones: contact.phones?.map((phone) => (typeof phone === 'string' ? { value: phone } : phone)),
		links: urls.length > 0 ? linksFromUrls([...new Set(urls)]) : undefined,
		customFields: contact.customFields,
	};
	return Object.fromEntries(
		Object.entries(profile).filter(([, value]) => value !== undefined),
	) as CandidateProfile;
}

/**
 * Validates one event (a webhook body entry or an `--input` item) and builds the item the trigger emits.
 * Idempotent: an emitted item parses back to itself (its `candidate` is rebuilt from `contact`), so the trigger can
 * validate whatever reaches it, whether n8n's webhook path or the runner's input file.
 */
export function parseContactEvent(raw: unknown): ParseResult {
	if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
		return { ok: false, message: 'the event must be a JSON object' };
	}
	const parsed = contactEventSchema.safeParse(raw);
	if (!parsed.success) return { ok: false, message: describeProfileIssues(parsed.error) };
	const problems = textProblems(parsed.data);
	if (problems.length > 0) return { ok: false, message: problems.join('; ') };
	const candidate = candidateProfileSchema.safeParse(candidateFromContact(parsed.data.contact));
	if (!candidate.success)
		return { ok: false, message: `contact: ${describeProfileIssues(candidate.error)}` };
	const tooLong = profileLimitProblems(candidate.data, EVENT_LIMITS);
	if (tooLong.length > 0) return { ok: false, message: `contact: ${tooLong.join('; ')}` };
	return { ok: true, item: { ...parsed.data, candidate: candidate.data } };
}

/**
 * The recipes write an event's contact to Lever or SmartRecruiters, so an event is checked against the stricter limit
 * of the two: one either ATS would refuse is refused here, before it is acknowledged, instead of failing after.
 */
const EVENT_LIMITS = strictestLimits(SMARTRECRUITERS_FIELD_LIMITS, LEVER_FIELD_LIMITS);

/** Texts that become notes: they may span lines. */
const NOTE_TEXTS = ['message', 'interview.feedback'];

/** Control characters anywhere in the event, and note texts over the stricter note limit, naming the field. */
function textProblems(event: ContactEvent): string[] {
	const problems: string[] = [];
	for (const { path, text } of stringsIn(event)) {
		const field = path.join('.');
		const multiline = NOTE_TEXTS.includes(field) || field.startsWith('contact.customFields.');
		const problem =
			controlCharacterProblem(text, multiline) ??
			(NOTE_TEXTS.includes(field) ? lengthProblem(field, text, EVENT_LIMITS.text.note) : undefined);
		if (problem) problems.push(problem.startsWith('"') ? problem : `"${field}" ${problem}`);
	}
	return problems;
}

/**
 * A delivery is one event or a JSON array of events. All are validated before any is emitted, so a bad entry
 * refuses the whole delivery instead of half-processing it; messages name the entry (`[2] "contact.email" …`).
 */
export function parseContactEventBatch(
	body: unknown,
): { ok: true; items: ContactEventItem[] } | { ok: false; message: string } {
	const entries = Array.isArray(body) ? body : [body];
	if (entries.length === 0) return { ok: false, message: 'the delivery contains no events' };
	const items: ContactEventItem[] = [];
	const problems: string[] = [];
	entries.forEach((entry, index) => {
		const result = parseContactEvent(entry);
		if (result.ok) items.push(result.item);
		else problems.push(Array.isArray(body) ? `[${index}] ${result.message}` : result.message);
	});
	if (problems.length > 0) return { ok: false, message: problems.join('; ') };
	return { ok: true, items };
}
