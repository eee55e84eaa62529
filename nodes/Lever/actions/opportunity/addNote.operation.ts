import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { fieldsCollection } from '../../../shared/descriptions';
import { LEVER_FIELD_LIMITS, noteProblem } from '../../../shared/fieldLimits';
import { createOnce } from '../../../shared/upsert';
import { locatorValue, requiredLocatorValue } from '../../../shared/parameters';
import { leverApiRequest, leverApiRequestAllItems } from '../../transport';
import { opportunityRLC, performAsRLC } from '../common.descriptions';

const properties: INodeProperties[] = [
	opportunityRLC,
	{
		displayName: 'Note',
		name: 'note',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description: 'Text of the note; @username mentions notify that user',
	},
	performAsRLC,
	fieldsCollection('options', [
		{
			displayName: 'Notify Followers',
			name: 'notifyFollowers',
			type: 'boolean',
			default: false,
			description: "Whether to notify the opportunity's followers",
		},
		{
			displayName: 'Score',
			name: 'score',
			type: 'options',
			options: [
				{ name: '1 - Strong No Hire', value: 1 },
				{ name: '2 - No Hire', value: 2 },
				{ name: '3 - Hire', value: 3 },
				{ name: '4 - Strong Hire', value: 4 },
			],
			default: 3,
		},
		{
			displayName: 'Skip If Same Note Exists',
			name: 'skipIfExists',
			type: 'boolean',
			default: false,
			description:
				'Whether to add nothing when the opportunity already has a note with exactly this text, so a workflow run again after a crash or a failed item does not add the note twice. Costs one extra request per note.',
		},
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'boolean',
			default: false,
			description: 'Whether only users with access to secret notes can see it',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['opportunity'], operation: ['addNote'] } },
	properties,
);

/** Slack between n8n's clock and Lever's when looking for a note this execution may already have added. */
const CLOCK_SKEW_MS = 60_000;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredLocatorValue.call(this, 'opportunity', 'Opportunity', itemIndex);
	const value = String(this.getNodeParameter('note', itemIndex, '')).trim();
	if (!value) throw new NodeOperationError(this.getNode(), '"Note" is empty', { itemIndex });
	const problem = noteProblem(value, LEVER_FIELD_LIMITS);
	if (problem) throw new NodeOperationError(this.getNode(), problem, { itemIndex });
	const { skipIfExists, ...options } = this.getNodeParameter(
		'options',
		itemIndex,
		{},
	) as IDataObject;
	const notesPath = `/opportunities/${encodeURIComponent(id)}/notes`;
	if (skipIfExists === true) {
		// A rerun after a crash cannot know whether its earlier POST landed: Lever's notes are the record of that.
		const notes = await leverApiRequestAllItems.call(this, notesPath);
		const same = notes.find((note) =>
			((note.fields ?? []) as IDataObject[]).some((field) => field.value === value),
		);
		if (same) return { ...same, noteId: same.id, alreadyExisted: true };
	}
	// Not idempotent (a repeat adds a second note): after a 5xx, a reset or a timeout the opportunity's notes tell
	// whether this one landed (then it is the result) before it is sent again.
	const sentAfter = Date.now() - CLOCK_SKEW_MS;
	return await createOnce(
		async (confirmNotApplied) => {
			const response = await leverApiRequest.call(this, 'POST', notesPath, {
				body: { value, ...options },
				performAs: locatorValue.call(this, 'performAs', itemIndex),
				confirmNotApplied,
				itemIndex,
			});
			return response.data as IDataObject;
		},
		async () => {
			const notes = await leverApiRequestAllItems.call(this, notesPath);
			const sent = notes.find(
				(note) =>
					Number(note.createdAt) >= sentAfter &&
					((note.fields ?? []) as IDataObject[]).some((field) => field.value === value),
			);
			return sent && { ...sent, noteId: sent.id, alreadyExisted: true };
		},
	);
}
