/**
 * The capped poll every poll trigger shares (`oldestPastCursor`): whatever order the vendor lists a window in, each
 * poll returns the oldest records past the cursor, at most "Max Records per Poll", and a backlog drains over
 * successive polls with no record skipped or repeated; its end bounds how long `ats-sync run` keeps polling.
 */
import type { IDataObject } from 'n8n-workflow';

import type { CursorPosition } from '../../nodes/shared/poll';
import { oldestPastCursor } from '../../nodes/shared/poll';
import { seededRandom } from '../seededRandom';

interface Stamped extends IDataObject {
	id: string;
	at: number;
}

/** A vendor list over `records` from `cursor.at` on (inclusive), in pages of 7, in the given order. */
async function* listed(records: Stamped[], from: number, order: (list: Stamped[]) => Stamped[]) {
	const window = order(records.filter((record) => record.at >= from));
	for (let start = 0; start < window.length; start += 7) yield window.slice(start, start + 7);
}

/** Polls like a trigger does, keeping the cursor and backlog end between polls. */
function poller(records: Stamped[], max: number, order: (list: Stamped[]) => Stamped[]) {
	let cursor: CursorPosition = { at: 0, idsAtCursor: [] };
	let backlogEnd: number | undefined;
	return {
		poll: async () => {
			const batch = await oldestPastCursor(listed(records, cursor.at, order), {
				cursor,
				max,
				backlogEnd,
				timestampOf: (record) => record.at as number,
			});
			cursor = batch.cursor;
			backlogEnd = batch.backlogEnd;
			return batch.records.map((record) => String(record.id));
		},
		backlogEnd: () => backlogEnd,
	};
}

const byCreation = (list: Stamped[]) => list;
const newestFirst = (list: Stamped[]) =>
	[...list].sort((a, b) => b.at - a.at || b.id.localeCompare(a.id));

describe('oldestPastCursor', () => {
	it.each([
		['in creation order', byCreation],
		['newest first', newestFirst],
	])(
		'drains a backlog listed %s in batches of the oldest, ties across a batch boundary included, none skipped or repeated',
		async (_, order) => {
			const random = seededRandom(17);
			// 95 records over 20 distinct milliseconds: many share a timestamp, so batch boundaries fall inside ties.
			const records: Stamped[] = Array.from({ length: 95 }, (__, i) => ({
				id: `r${String(i).padStart(3, '0')}`,
				at: 1000 + Math.floor(random() * 20),
			}));
			const trigger = poller(records, 10, order);
			const emitted: string[] = [];
			const batches: string[][] = [];
			for (let polls = 0; polls < 20; polls++) {
				const batch = await trigger.poll();
				if (batch.length === 0) break;
				batches.push(batch);
				emitted.push(...batch);
				// A record changed in the cursor's own millisecond after the poll comes with a later poll, once.
				if (polls === 3)
					records.push({
						id: 'late',
						at: records.find((record) => record.id === batch.at(-1))!.at,
					});
			}
			expect(batches.every((batch) => batch.length <= 10)).toBe(true);
			expect([...emitted].sort()).toEqual(records.map((record) => record.id).sort());
			expect(new Set(emitted).size).toBe(emitted.length);
			// Oldest first across polls: each batch starts no earlier than where the one before ended.
			const at = new Map(records.map((record) => [record.id, record.at]));
			for (let i = 1; i < batches.length; i++)
				expect(at.get(batches[i][0])!).toBeGreaterThanOrEqual(at.get(batches[i - 1].at(-1)!)!);
			expect(trigger.backlogEnd()).toBeUndefined();
		},
	);

	it('marks a backlog only when a poll stops at its cap, and ends it at what was found then', async () => {
		const records: Stamped[] = Array.from({ length: 25 }, (_, i) => ({
			id: `r${i}`,
			at: 1000 + i,
		}));
		const trigger = poller(records, 10, newestFirst);
		expect(await trigger.poll()).toHaveLength(10);
		expect(trigger.backlogEnd()).toBe(1024);
		// The run's own writes touch what it returned: those changes are newer than the backlog's end.
		for (const record of records.slice(0, 10)) record.at += 100;
		expect(await trigger.poll()).toHaveLength(10);
		expect(trigger.backlogEnd()).toBe(1024);
		// The last of the backlog: the touched records still wait (more than the cap), but the backlog has ended, so
		// `ats-sync run` stops here and leaves them to the next scheduled poll.
		expect(await trigger.poll()).toEqual([
			'r20',
			'r21',
			'r22',
			'r23',
			'r24',
			'r0',
			'r1',
			'r2',
			'r3',
			'r4',
		]);
		expect(trigger.backlogEnd()).toBeUndefined();
		// The next scheduled poll returns the rest; within the cap, so no backlog.
		expect(await trigger.poll()).toEqual(['r5', 'r6', 'r7', 'r8', 'r9']);
		expect(trigger.backlogEnd()).toBeUndefined();
	});

	it('returns everything, with no backlog, when the window fits the cap', async () => {
		const records: Stamped[] = Array.from({ length: 10 }, (_, i) => ({
			id: `r${i}`,
			at: 2000 - i,
		}));
		const trigger = poller(records, 10, byCreation);
		expect(await trigger.poll()).toEqual(records.map((record) => record.id).reverse());
		expect(trigger.backlogEnd()).toBeUndefined();
		expect(await trigger.poll()).toEqual([]);
	});
});
