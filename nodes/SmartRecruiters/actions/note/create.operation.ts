import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { createOnce } from '../../../shared/upsert';
import { apiRequest } from '../../transport';
import { candidateLocator, eachItem, forOperation, locatorValue, stringList } from '../common';

const MAX_NOTE_LENGTH = 10_000;
/** Slack between n8n's clock and SmartRecruiters' when looking for a note this run may already have added. */
const CLOCK_SKEW_MS = 60_000;

export const description: INodeProperties[] = forOperation('note', 'create', [
	candidateLocator(),
	{
		displayName: 'Note',
		name: 'content',
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
			{ name: 'Everyone Who Can See the Candidate', value: 'openNote' },
			{ name: 'Everyone in the Company', value: 'everyone' },
			{ name: 'Hiring Team of a Job', value: 'hiringTeam' },
			{ name: 'Specific Users', value: 'users' },
		],
		default: 'openNote',
	},
	{
		displayName: 'Job ID',
		name: 'hiringTeamJobId',
		type: 'string',
		default: '',
		required: true,
		description: 'Comma-separated job IDs whose hiring teams see the note',
		displayOptions: { show: { shareWith: ['hiringTeam'] } },
	},
	{
		displayName: 'User IDs',
		name: 'userIds',
		type: 'string',
		default: '',
		required: true,
		description: 'Comma-separated SmartRecruiters user IDs (at most 100)',
		displayOptions: { show: { shareWith: ['users'] } },
	},
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
			'Whether to add nothing when one of the candidate\'s 100 newest notes has exactly this text, so a workflow run again after a crash or a failed item does not add the note twice. Reading notes needs a user with the Administrator role; costs one extra request per note.',
	},
]);

/** Notes are messages that tag the candidate with `#[CANDIDATE:id]`; that tag is what puts them on the profile. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await eachItem.call(this, async (i) => {
		const candidateId = locatorValue.call(this, 'candidateId', i);
		const text = String(this.getNodeParameter('content', i, '')).trim();
		if (!text) throw new NodeOperationError(this.getNode(), '"Note" is empty', { itemIndex: i });
		const content = `#[CANDIDATE:${candidateId}] ${text}`;
		if (content.length > MAX_NOTE_LENGTH) {
			throw new NodeOperationError(this.getNode(), `"Note" is ${content.length} characters with the candidate tag; SmartRecruiters allows ${MAX_NOTE_LENGTH}`, { itemIndex: i });
		}
		const shareWith: IDataObject = {};
		const mode = this.getNodeParameter('shareWith', i) as string;
		if (mode === 'openNote') shareWith.openNote = true;
		if (mode === 'everyone') shareWith.everyone = true;
		if (mode === 'hiringTeam' || mode === 'users') {
			const field = mode === 'hiringTeam' ? 'hiringTeamJobId' : 'userIds';
			const ids = stringList(this.getNodeParameter(field, i, ''));
			if (ids.length === 0) throw new NodeOperationError(this.getNode(), `"${mode === 'hiringTeam' ? 'Job ID' : 'User IDs'}" is empty`, { itemIndex: i });
			shareWith[mode === 'hiringTeam' ? 'hiringTeamOf' : 'users'] = ids;
		}
		if (this.getNodeParameter('skipIfExists', i, false) === true) {
			// A rerun after a crash cannot know whether its earlier POST landed: the candidate's notes are the record of that.
			const newest = (await apiRequest.call(this, 'GET', '/messages', { qs: { candidateId, limit: 100 }, itemIndex: i })) as unknown as IDataObject[];
			const same = (Array.isArray(newest) ? newest : []).find((note) => note.content === content);
			if (same) return { candidateId, ...same, alreadyExisted: true };
		}
		const correlationId = String(this.getNodeParameter('correlationId', i, '')).trim();
		const body: IDataObject = { content, shareWith, ...(correlationId ? { correlationId } : {}) };
		// A second POST would add the note twice: after a 5xx, a reset or a timeout the candidate's newest notes tell
		// whether the first one landed (then it is the result) or the POST may be sent again.
		const sentAfter = Date.now() - CLOCK_SKEW_MS;
		const created = await createOnce(
			async (confirmNotApplied) => await apiRequest.call(this, 'POST', '/messages/shares', { body, itemIndex: i, confirmNotApplied }),
			async () => {
				const newest = (await apiRequest.call(this, 'GET', '/messages', { qs: { candidateId }, itemIndex: i })) as unknown as IDataObject[];
				const same = (Array.isArray(newest) ? newest : []).find((note) => note.content === content && Date.parse(String(note.createdOn)) >= sentAfter);
				return same && { ...same, alreadyExisted: true };
			},
		);
		return { candidateId, ...created };
	});
}
