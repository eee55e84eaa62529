import { DateTime } from 'luxon';
import type {
	IDataObject,
	INodeProperties,
	INodePropertyOptions,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** The poll triggers' "Event": what a poll returns (one name for both ATSs). */
export function pollEventProperty(
	options: INodePropertyOptions[],
	defaultEvent: string,
): INodeProperties {
	return { displayName: 'Event', name: 'event', type: 'options', options, default: defaultEvent };
}

/** The poll triggers' "Start From" option (in their Options collection). */
export const pollStartFromOption: INodeProperties = {
	displayName: 'Start From',
	name: 'startFrom',
	type: 'dateTime',
	default: '',
	description:
		'On the first poll after activation, return records from this date on (a backfill). Empty: start from the activation time. Ignored once the trigger has polled.',
};

/**
 * "Start From" as epoch milliseconds, or undefined when empty. n8n's date picker gives a local date-time without an
 * offset: it means the workflow's time zone.
 */
export function pollStartFrom(context: IPollFunctions): number | undefined {
	const startFrom = context.getNodeParameter('options.startFrom', '') as unknown;
	if (startFrom === undefined || startFrom === null || startFrom === '') return undefined;
	const time = DateTime.fromISO(String(startFrom), { zone: context.getTimezone() });
	if (!time.isValid) {
		throw new NodeOperationError(
			context.getNode(),
			`"Start From" is not a valid date: ${String(startFrom)}`,
		);
	}
	return time.toMillis();
}

export const DEFAULT_MAX_RECORDS_PER_POLL = 1000;

/** The poll triggers' "Max Records per Poll" option (in their Options collection). */
export const maxRecordsPerPollOption: INodeProperties = {
	displayName: 'Max Records per Poll',
	name: 'maxRecordsPerPoll',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: DEFAULT_MAX_RECORDS_PER_POLL,
	description:
		'The most records one poll returns, oldest first, so one execution never holds a whole backlog. The rest come with the next polls, from where this one stopped: none is skipped or repeated.',
};

export function maxRecordsPerPoll(context: IPollFunctions): number {
	const max = Number(
		context.getNodeParameter('options.maxRecordsPerPoll', DEFAULT_MAX_RECORDS_PER_POLL),
	);
	if (!Number.isInteger(max) || max < 1) {
		throw new NodeOperationError(
			context.getNode(),
			`"Max Records per Poll" must be a whole number of at least 1, not ${String(max)}`,
		);
	}
	return max;
}

/**
 * Where a poll stands: the timestamp of the newest record emitted, and the records emitted at exactly that
 * timestamp. The next poll asks from that timestamp on (inclusive) and skips those ids, so a record written in the
 * cursor's own millisecond after the poll still comes, and none comes twice.
 */
export interface CursorPosition {
	at: number;
	idsAtCursor: string[];
}

/**
 * The node static data key of a capped poll's backlog: the timestamp of the newest record the poll found past its
 * cursor when it first stopped at "Max Records per Poll", kept while records up to it are still to be returned.
 * `ats-sync run` polls again at once while it is set; records changed after it (e.g. by the run's own writes) wait
 * for the next scheduled poll, so catching up always ends.
 */
export const BACKLOG_END = 'backlogEnd';

export interface PollBatch {
	/** At most `max` records, oldest first (ties by id). */
	records: IDataObject[];
	cursor: CursorPosition;
	/** Set while records up to it are left for the next poll (see BACKLOG_END). */
	backlogEnd?: number;
}

interface Candidate {
	record: IDataObject;
	at: number;
	id: string;
}

const oldestFirst = (a: Candidate, b: Candidate) =>
	a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * One capped poll over a window the vendor lists in its own order (Lever by creation, SmartRecruiters newest first):
 * reads the pages as they come and keeps only the `max` oldest records past the cursor, so memory stays bounded by
 * `max` whatever the backlog. The cursor moves to the newest record kept, never past a record that was not returned.
 * A record without a timestamp counts as at the cursor: it is returned once and then skipped by id.
 */
export async function oldestPastCursor(
	pages: AsyncIterable<IDataObject[]>,
	options: {
		cursor: CursorPosition;
		max: number;
		timestampOf: (record: IDataObject) => number | undefined;
		backlogEnd?: number;
	},
): Promise<PollBatch> {
	const { cursor, max } = options;
	const emittedAtCursor = new Set(cursor.idsAtCursor);
	let kept: Candidate[] = [];
	let found = 0;
	let newestFound = cursor.at;
	let foundUpToBacklogEnd = 0;
	for await (const page of pages) {
		for (const record of page) {
			const at = Math.max(options.timestampOf(record) ?? cursor.at, cursor.at);
			const id = String(record.id);
			if (at === cursor.at && emittedAtCursor.has(id)) continue;
			found++;
			newestFound = Math.max(newestFound, at);
			if (options.backlogEnd !== undefined && at <= options.backlogEnd) foundUpToBacklogEnd++;
			kept.push({ record, at, id });
		}
		// Trimmed once per page: memory stays within `max` records and one page, for one sort per page.
		if (kept.length > max) kept = kept.sort(oldestFirst).slice(0, max);
	}
	kept.sort(oldestFirst);
	if (kept.length === 0) return { records: [], cursor };

	const newest = kept[kept.length - 1].at;
	const idsAtNewest = kept
		.filter((candidate) => candidate.at === newest)
		.map((candidate) => candidate.id);
	const next = {
		at: newest,
		idsAtCursor: newest === cursor.at ? [...cursor.idsAtCursor, ...idsAtNewest] : idsAtNewest,
	};
	// A backlog under way keeps its end; a poll that had to stop at `max` starts one at the newest record it found.
	const backlogEnd = options.backlogEnd ?? (found > max ? newestFound : undefined);
	const leftUpToBacklogEnd =
		backlogEnd === undefined
			? 0
			: (options.backlogEnd === undefined ? found : foundUpToBacklogEnd) -
				kept.filter((candidate) => candidate.at <= backlogEnd).length;
	return {
		records: kept.map((candidate) => candidate.record),
		cursor: next,
		backlogEnd: leftUpToBacklogEnd > 0 ? backlogEnd : undefined,
	};
}
