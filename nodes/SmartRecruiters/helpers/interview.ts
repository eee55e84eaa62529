import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toDate, toList } from '../../shared/parameters';

/** SmartRecruiters user ids (`UserId`): 24 hexadecimal characters. */
const USER_ID = /^[a-fA-F0-9]{24}$/;

/** The fields of one time slot, shared by Create (one per slot) and Update (the slot to reschedule). */
export const timeslotFields: INodeProperties[] = [
	{ displayName: 'Starts At', name: 'startsOn', type: 'dateTime', default: '' },
	{ displayName: 'Ends At', name: 'endsOn', type: 'dateTime', default: '' },
	{
		displayName: 'Interviewer IDs',
		name: 'interviewers',
		type: 'string',
		default: '',
		description:
			'SmartRecruiters user IDs of the interviewers, comma-separated or one per line (1 to 50)',
	},
	{ displayName: 'Title', name: 'title', type: 'string', default: '' },
	{
		displayName: 'Interview Type',
		name: 'interviewType',
		type: 'string',
		default: '',
		placeholder: 'e.g. Onsite',
	},
	{
		displayName: 'Place',
		name: 'place',
		type: 'string',
		default: '',
		placeholder: 'e.g. Room 4.01, or a video call link',
	},
];

/** User ids from an "… IDs" field, checked for SmartRecruiters' format (the error names the field). */
export function userIds(
	this: IExecuteFunctions,
	value: unknown,
	displayName: string,
	itemIndex: number,
): string[] {
	const ids = toList(value);
	const invalid = ids.find((id) => !USER_ID.test(id));
	if (invalid)
		throw new NodeOperationError(
			this.getNode(),
			`"${displayName}": "${invalid}" is not a SmartRecruiters user ID (24 hexadecimal characters)`,
			{ itemIndex },
		);
	return ids;
}

/**
 * A `Timeslot` from the fields: starts and ends as ISO date-times (the end after the start), interviewers with their
 * current status (new ones `pending`). `current` is the slot being changed, whose values stay where none is given.
 */
export function timeslotInput(
	this: IExecuteFunctions,
	fields: IDataObject,
	itemIndex: number,
	current: IDataObject = {},
): IDataObject {
	const startsOn = fields.startsOn
		? toDate.call(this, fields.startsOn, 'Starts At', itemIndex).toISOString()
		: current.startsOn;
	const endsOn = fields.endsOn
		? toDate.call(this, fields.endsOn, 'Ends At', itemIndex).toISOString()
		: current.endsOn;
	if (!startsOn)
		throw new NodeOperationError(this.getNode(), '"Starts At" is empty', { itemIndex });
	if (!endsOn) throw new NodeOperationError(this.getNode(), '"Ends At" is empty', { itemIndex });
	if (Date.parse(String(endsOn)) <= Date.parse(String(startsOn))) {
		throw new NodeOperationError(
			this.getNode(),
			`"Ends At" (${String(endsOn)}) must be after "Starts At" (${String(startsOn)})`,
			{ itemIndex },
		);
	}
	const statusOf = new Map(
		((current.interviewers as IDataObject[] | undefined) ?? []).map((entry) => [
			String(entry.id),
			entry.status,
		]),
	);
	const interviewers = String(fields.interviewers ?? '').trim()
		? userIds
				.call(this, fields.interviewers, 'Interviewer IDs', itemIndex)
				.map((id) => ({ id, status: statusOf.get(id) ?? 'pending' }))
		: ((current.interviewers as IDataObject[] | undefined) ?? []);
	if (interviewers.length === 0)
		throw new NodeOperationError(
			this.getNode(),
			'"Interviewer IDs" is empty: a time slot needs at least one interviewer',
			{ itemIndex },
		);
	if (interviewers.length > 50)
		throw new NodeOperationError(
			this.getNode(),
			`"Interviewer IDs" has ${interviewers.length} users; SmartRecruiters allows 50`,
			{ itemIndex },
		);
	const slot: IDataObject = { startsOn, endsOn, interviewers };
	for (const key of ['title', 'interviewType', 'place']) {
		const value = String(fields[key] ?? '').trim() || current[key];
		if (value) slot[key] = value;
	}
	if (current.candidateStatus) slot.candidateStatus = current.candidateStatus;
	return slot;
}
