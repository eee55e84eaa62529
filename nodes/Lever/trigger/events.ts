import type { INodePropertyOptions } from 'n8n-workflow';

/** Lever's ten webhook events (docs §Webhooks). There are no offer, posting, note or feedback events. */
export const LEVER_WEBHOOK_EVENTS = [
	'applicationCreated',
	'candidateHired',
	'candidateStageChange',
	'candidateArchiveChange',
	'candidateDeleted',
	'interviewCreated',
	'interviewUpdated',
	'interviewDeleted',
	'contactCreated',
	'contactUpdated',
] as const;

export type LeverWebhookEvent = (typeof LEVER_WEBHOOK_EVENTS)[number];

/** Only these four events accept origin conditions; Lever rejects or ignores conditions on the other six. */
export const EVENTS_WITH_ORIGIN_CONDITIONS: readonly LeverWebhookEvent[] = [
	'applicationCreated',
	'candidateArchiveChange',
	'candidateHired',
	'candidateStageChange',
];

export const eventOptions: INodePropertyOptions[] = [
	{
		name: 'Application Created',
		value: 'applicationCreated',
		description: 'A candidate applied or was added to a posting',
	},
	{
		name: 'Candidate Archive Change',
		value: 'candidateArchiveChange',
		description: 'An opportunity was archived or unarchived',
	},
	{
		name: 'Candidate Deleted',
		value: 'candidateDeleted',
		description: 'An opportunity was deleted',
	},
	{
		name: 'Candidate Hired',
		value: 'candidateHired',
		description: 'An opportunity was archived with a hired reason',
	},
	{
		name: 'Candidate Stage Change',
		value: 'candidateStageChange',
		description: 'An opportunity moved to another stage',
	},
	{
		name: 'Contact Created',
		value: 'contactCreated',
		description: 'A new person (contact) was created',
	},
	{
		name: 'Contact Updated',
		value: 'contactUpdated',
		description: "A contact's name, emails, phones or location changed",
	},
	{
		name: 'Interview Created',
		value: 'interviewCreated',
		description: 'An interview was scheduled (beta event in Lever)',
	},
	{
		name: 'Interview Deleted',
		value: 'interviewDeleted',
		description: 'An interview was deleted (beta event in Lever)',
	},
	{
		name: 'Interview Updated',
		value: 'interviewUpdated',
		description: 'An interview was changed (beta event in Lever)',
	},
];

export const originOptions: INodePropertyOptions[] = [
	{ name: 'Agency', value: 'agency' },
	{ name: 'Applied', value: 'applied' },
	{ name: 'Internal', value: 'internal' },
	{ name: 'Referred', value: 'referred' },
	{ name: 'Sourced', value: 'sourced' },
	{ name: 'University', value: 'university' },
];

export function isLeverWebhookEvent(value: unknown): value is LeverWebhookEvent {
	return typeof value === 'string' && (LEVER_WEBHOOK_EVENTS as readonly string[]).includes(value);
}
