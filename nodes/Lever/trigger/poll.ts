import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { BACKLOG_END, maxRecordsPerPoll, oldestPastCursor, pollStartFrom } from '../../shared/poll';
import { leverApiRequestAllItems, leverApiRequestPages } from '../transport';

export type PollEvent = 'opportunityChanged' | 'candidateHired' | 'applicationCreated';

/** Which list filter and which timestamp of the opportunity each event follows. */
const windows: Record<
	PollEvent,
	{ startParameter: string; timestampOf: (opportunity: IDataObject) => number | undefined }
> = {
	// updatedAt is null on some legacy records; Lever's updated_at filter cannot find those (lever.md pitfall 11).
	opportunityChanged: {
		startParameter: 'updated_at_start',
		timestampOf: (o) => asTimestamp(o.updatedAt),
	},
	candidateHired: {
		startParameter: 'archived_at_start',
		timestampOf: (o) => asTimestamp((o.archived as IDataObject | null)?.archivedAt ?? o.archivedAt),
	},
	applicationCreated: {
		startParameter: 'created_at_start',
		timestampOf: (o) => asTimestamp(o.createdAt),
	},
};

function asTimestamp(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/**
 * The poll cursor, as stored. Lever's `*_start` filters are inclusive, so the ids already emitted at exactly `cursor`
 * are kept to skip them next time instead of moving the cursor past the millisecond (which could lose a record
 * written in that same millisecond after the poll).
 */
export interface PollCursor {
	event: PollEvent;
	cursor: number;
	idsAtCursor: string[];
}

function storedCursor(staticData: IDataObject, event: PollEvent): PollCursor | undefined {
	const stored = staticData.cursor as PollCursor | undefined;
	// A cursor kept for another event does not apply: the timestamps mean different things.
	return stored && stored.event === event && typeof stored.cursor === 'number' ? stored : undefined;
}

/** Hired-type archive reasons are per account (never a fixed list), so they are looked up on every poll. */
async function hiredArchiveReasonIds(context: IPollFunctions): Promise<string[]> {
	const reasons = await leverApiRequestAllItems.call(context, '/archive_reasons', {
		qs: { type: 'hired' },
	});
	const ids = reasons
		.filter((reason) => reason.type === undefined || reason.type === 'hired')
		.map((reason) => String(reason.id));
	if (ids.length === 0) {
		throw new NodeOperationError(
			context.getNode(),
			'Lever has no archive reason of type "hired" in this account',
			{
				description:
					"Candidates are hired by archiving them with a hired-type reason; add one in Lever's settings.",
			},
		);
	}
	return ids;
}

async function baseQuery(context: IPollFunctions, event: PollEvent): Promise<IDataObject> {
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const qs: IDataObject = {};
	if (Array.isArray(options.expand) && options.expand.length > 0) qs.expand = options.expand;
	if (options.includeConfidential === true) qs.confidentiality = 'all';
	if (event === 'candidateHired') {
		qs.archive_reason_id = await hiredArchiveReasonIds(context);
		qs.archived = true;
	}
	return qs;
}

/**
 * One poll. In a manual test run it returns a single recent record and leaves the cursor alone. When active, the
 * first poll starts the cursor at "now" (or at "Start From" for a backfill) and later polls return the opportunities
 * past the cursor, oldest first, at most "Max Records per Poll" of them; the rest come with the next polls. The
 * cursor moves to the newest timestamp among the returned records only, so if the execution that consumes them fails
 * (n8n then does not save static data) they come again.
 */
export async function pollOpportunities(this: IPollFunctions): Promise<IDataObject[] | null> {
	const event = this.getNodeParameter('event') as PollEvent;
	const window = windows[event];

	if (this.getMode() === 'manual') {
		const sample = await leverApiRequestAllItems.call(this, '/opportunities', {
			qs: await baseQuery(this, event),
			limit: 1,
		});
		return sample.length > 0 ? sample : null;
	}

	const staticData = this.getWorkflowStaticData('node');
	let state = storedCursor(staticData, event);
	if (!state) {
		// A backlog belongs to the cursor it was found from.
		delete staticData[BACKLOG_END];
		const startFrom = pollStartFrom(this);
		if (startFrom === undefined) {
			staticData.cursor = { event, cursor: Date.now(), idsAtCursor: [] } as unknown as IDataObject;
			return null;
		}
		state = { event, cursor: startFrom, idsAtCursor: [] };
	}

	const pages = leverApiRequestPages.call(this, '/opportunities', {
		qs: { ...(await baseQuery(this, event)), [window.startParameter]: state.cursor },
	});
	const batch = await oldestPastCursor(pages, {
		cursor: { at: state.cursor, idsAtCursor: state.idsAtCursor },
		max: maxRecordsPerPoll(this),
		timestampOf: window.timestampOf,
		backlogEnd:
			typeof staticData[BACKLOG_END] === 'number' ? (staticData[BACKLOG_END] as number) : undefined,
	});
	staticData.cursor = {
		event,
		cursor: batch.cursor.at,
		idsAtCursor: batch.cursor.idsAtCursor,
	} as unknown as IDataObject;
	if (batch.backlogEnd === undefined) delete staticData[BACKLOG_END];
	else staticData[BACKLOG_END] = batch.backlogEnd;

	return batch.records.length > 0 ? batch.records : null;
}
