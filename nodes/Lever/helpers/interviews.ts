import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toDate, toList } from '../../shared/parameters';

/**
 * Interviews and panels (lever.md §3.7). A panel groups an opportunity's interviews; Lever only lets panels created
 * through the API (`externallyManaged`) and their interviews be changed, and a PUT replaces the whole object, so
 * updates start from what Lever has.
 */

const FEEDBACK_REMINDERS = [
	{ name: 'Daily', value: 'daily' },
	{ name: 'Frequently', value: 'frequently' },
	{ name: 'None', value: 'none' },
	{ name: 'Once', value: 'once' },
];

const date: INodeProperties = {
	displayName: 'Date',
	name: 'date',
	type: 'dateTime',
	default: '',
	description: 'When the interview starts',
};
const duration: INodeProperties = {
	displayName: 'Duration (Minutes)',
	name: 'duration',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 60,
};
const interviewers: INodeProperties = {
	displayName: 'Interviewer Names or IDs',
	name: 'interviewers',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getUsers' },
	default: [],
	description:
		'Lever users who interview. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};
const feedbackReminder: INodeProperties = {
	displayName: 'Feedback Reminder',
	name: 'feedbackReminder',
	type: 'options',
	options: FEEDBACK_REMINDERS,
	default: 'daily',
	description: 'How often interviewers are reminded to submit feedback',
};

/** The optional fields of one interview, as they appear in a collection. */
export const interviewDetails: INodeProperties[] = [
	{
		displayName: 'Feedback Template Name or ID',
		name: 'feedbackTemplate',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getFeedbackTemplates' },
		default: '',
		description:
			'The scorecard interviewers fill in. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Location',
		name: 'location',
		type: 'string',
		default: '',
		placeholder: 'e.g. Room 4 or a video link',
	},
	{
		displayName: 'Note',
		name: 'note',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'Shown to the interviewers',
	},
	{
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		default: '',
		placeholder: 'e.g. Technical interview',
	},
];

/** Date, duration and interviewers: what Lever requires of every interview. */
export const requiredInterviewFields: INodeProperties[] = [
	{ ...date, required: true },
	{ ...duration, required: true },
	{ ...interviewers, required: true },
];

/** Every field of an interview, for "Update Fields". */
export const interviewUpdateFields: INodeProperties[] = [
	date,
	duration,
	feedbackReminder,
	...interviewDetails,
	interviewers,
];

export const panelOptions: INodeProperties[] = [
	{
		displayName: 'External URL',
		name: 'externalUrl',
		type: 'string',
		default: '',
		description: 'A link to the panel in your scheduling tool',
	},
	feedbackReminder,
	{
		displayName: 'Note',
		name: 'note',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'A note on the whole panel',
	},
	{
		displayName: 'Timezone',
		name: 'timezone',
		type: 'string',
		default: '',
		placeholder: 'e.g. Europe/Berlin',
		description: "The panel's time zone (IANA name). Empty: the workflow's time zone.",
	},
];

/**
 * The wire form of interview values given on the canvas: the date as epoch milliseconds, interviewers as `[{id}]`;
 * values not given are left out. `label` names the fields in errors (e.g. `Interviews 2`).
 */
export function interviewBody(
	this: IExecuteFunctions,
	values: IDataObject,
	itemIndex: number,
	label = '',
): IDataObject {
	const prefix = label ? `${label}: ` : '';
	const body: IDataObject = {};
	if (values.date !== undefined && values.date !== '')
		body.date = toDate.call(this, values.date, `${prefix}Date`, itemIndex).getTime();
	if (values.duration !== undefined && values.duration !== '') {
		const minutes = Number(values.duration);
		if (!Number.isInteger(minutes) || minutes < 1) {
			throw new NodeOperationError(
				this.getNode(),
				`"${prefix}Duration (Minutes)" must be a whole number of at least 1`,
				{ itemIndex },
			);
		}
		body.duration = minutes;
	}
	if (values.interviewers !== undefined)
		body.interviewers = toList(values.interviewers).map((id) => ({ id }));
	for (const key of ['subject', 'location', 'note', 'feedbackTemplate', 'feedbackReminder']) {
		if (typeof values[key] === 'string' && (values[key] as string).trim() !== '')
			body[key] = (values[key] as string).trim();
	}
	return body;
}

/** Refuses an interview Lever would refuse, naming the field: it needs a date, a duration and an interviewer. */
export function assertCompleteInterview(
	this: IExecuteFunctions,
	body: IDataObject,
	itemIndex: number,
	label = '',
): void {
	const prefix = label ? `${label}: ` : '';
	if (body.date === undefined)
		throw new NodeOperationError(this.getNode(), `"${prefix}Date" is empty`, { itemIndex });
	if (body.duration === undefined)
		throw new NodeOperationError(this.getNode(), `"${prefix}Duration (Minutes)" is empty`, {
			itemIndex,
		});
	if (!Array.isArray(body.interviewers) || body.interviewers.length === 0) {
		throw new NodeOperationError(
			this.getNode(),
			`"${prefix}Interviewer Names or IDs" is empty: Lever needs at least one interviewer`,
			{ itemIndex },
		);
	}
}

/** The writable fields of an interview Lever returned (its panel aside), for a PUT that must send the whole interview. */
export function writableInterview(interview: IDataObject): IDataObject {
	const current = (interview.interviewers ?? []) as IDataObject[];
	const body: IDataObject = {
		date: interview.date,
		duration: interview.duration,
		interviewers: current.map((interviewer) => ({
			id: interviewer.id,
			...(typeof interviewer.feedbackTemplate === 'string'
				? { feedbackTemplate: interviewer.feedbackTemplate }
				: {}),
		})),
	};
	for (const key of ['subject', 'note', 'location', 'feedbackTemplate', 'feedbackReminder']) {
		if (interview[key] !== null && interview[key] !== undefined) body[key] = interview[key];
	}
	return body;
}
