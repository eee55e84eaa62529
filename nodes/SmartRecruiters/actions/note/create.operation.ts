import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { fieldsCollection } from '../../../shared/descriptions';
import { lengthProblem, SMARTRECRUITERS_FIELD_LIMITS } from '../../../shared/fieldLimits';
import { controlCharacterProblem } from '../../../shared/fieldText';
import { requiredList, requiredLocatorValue } from '../../../shared/parameters';
import { createOnce } from '../../../shared/upsert';
import { smartRecruitersApiRequest } from '../../transport';
import { candidateRLC } from '../common.descriptions';

/** Slack between n8n's clock and SmartRecruiters' when looking for a note this run may already have added. */
const CLOCK_SKEW_MS = 60_000;

const properties: INodeProperties[] = [
	candidateRLC,
	{
		displayName: 'Note',
		name: 'note',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		description: 'Text of the note. Mention users with @[USER:userId] to notify them by email.',
	},
	{
		displayName: 'Share With',
		name: 'shareWith',
		type: 'options',
		options: [
			{ name: 'Everyone in the Company', value: 'everyone' },
			{ name: 'Everyone Who Can See the Candidate', value: 'openNote' },
			{ name: 'Hiring Team of a Job', value: 'hiringTeam' },
			{ name: 'Specific Users', value: 'users' },
		],
		default: 'openNote',
	},
	{
		displayName: 'Job IDs',
		name: 'hiringTeamJobId',
		type: 'string',
		default: '',
		required: true,
		description: 'IDs of the jobs whose hiring teams see the note, comma-separated or one per line',
		displayOptions: { show: { shareWith: ['hiringTeam'] } },
	},
	{
		displayName: 'User IDs',
		name: 'userIds',
		type: 'string',
		default: '',
		required: true,
		description: 'SmartRecruiters user IDs, comma-separated or one per line (at most 100)',
		displayOptions: { show: { shareWith: ['users'] } },
	},
	fieldsCollection('options', [
		{
			displayName: 'Correlation ID',
			name: 'correlationId',
			type: 'string',
			default: '',
			description: 'Your own reference, appended to the note by SmartRecruiters',
		},
		{
			displayName: 'Skip If Same Note Exists',
			name: 'skipIfExists',
			type: 'boolean',
			default: false,
			description:
				"Whether to add nothing when one of the candidate's 100 newest notes has exactly this text, so a workflow run again after a crash or a failed item does not add the note twice. Reading notes needs a user with the Administrator role; costs one extra request per note.",
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['note'], operation: ['create'] } },
	properties,
);

/** The candidate's newest notes (bare array from `GET /messages`). */
async function newestNotes(
	this: IExecuteFunctions,
	candidateId: string,
	itemIndex: number,
	limit?: number,
): Promise<IDataObject[]> {
	const newest = (await smartRecruitersApiRequest.call(this, 'GET', '/messages', {
		qs: { candidateId, ...(limit ? { limit } : {}) },
		itemIndex,
	})) as unknown;
	return Array.isArray(newest) ? (newest as IDataObject[]) : [];
}

/** Notes are messages that tag the candidate with `#[CANDIDATE:id]`; that tag is what puts them on the profile. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const candidateId = requiredLocatorValue.call(this, 'candidate', 'Candidate', itemIndex);
	const text = String(this.getNodeParameter('note', itemIndex, '')).trim();
	if (!text) throw new NodeOperationError(this.getNode(), '"Note" is empty', { itemIndex });
	const content = `#[CANDIDATE:${candidateId}] ${text}`;
	const control = controlCharacterProblem(text, true);
	const problem = control
		? `"Note" ${control}`
		: lengthProblem(
				'Note (with the candidate tag)',
				content,
				SMARTRECRUITERS_FIELD_LIMITS.text.note,
			);
	if (problem) throw new NodeOperationError(this.getNode(), problem, { itemIndex });
	const shareWith: IDataObject = {};
	const mode = this.getNodeParameter('shareWith', itemIndex) as string;
	if (mode === 'openNote') shareWith.openNote = true;
	if (mode === 'everyone') shareWith.everyone = true;
	if (mode === 'hiringTeam')
		shareWith.hiringTeamOf = requiredList.call(this, 'hiringTeamJobId', 'Job IDs', itemIndex);
	if (mode === 'users') shareWith.users = requiredList.call(this, 'userIds', 'User IDs', itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	if (options.skipIfExists === true) {
		// A rerun after a crash cannot know whether its earlier POST landed: the candidate's notes are the record of that.
		const same = (await newestNotes.call(this, candidateId, itemIndex, 100)).find(
			(note) => note.content === content,
		);
		if (same) return { candidateId, ...same, alreadyExisted: true };
	}
	const correlationId = String(options.correlationId ?? '').trim();
	const body: IDataObject = { content, shareWith, ...(correlationId ? { correlationId } : {}) };
	// A second POST would add the note twice: after a 5xx, a reset or a timeout the candidate's newest notes tell
	// whether the first one landed (then it is the result) or the POST may be sent again.
	const sentAfter = Date.now() - CLOCK_SKEW_MS;
	const created = await createOnce(
		async (confirmNotApplied) =>
			await smartRecruitersApiRequest.call(this, 'POST', '/messages/shares', {
				body,
				itemIndex,
				confirmNotApplied,
			}),
		async () => {
			const same = (await newestNotes.call(this, candidateId, itemIndex)).find(
				(note) => note.content === content && Date.parse(String(note.createdOn)) >= sentAfter,
			);
			return same && { ...same, alreadyExisted: true };
		},
	);
	return { candidateId, ...created };
}
