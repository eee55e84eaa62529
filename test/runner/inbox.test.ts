/**
 * serve's inbox (runner/src/serve/inbox.ts) and its worker policy (worker.ts) on a real SQLite file, with an injected
 * clock: delivery keys are taken once, the head of the queue runs first, a transient failure waits its backoff and a
 * permanent one (or the last attempt) lands in the dead letters, static data merges field by field across connections,
 * and the operator commands list, retry and discard.
 */
import path from 'node:path';

import type { INodeExecutionData } from 'n8n-workflow';

import { Inbox, inboxPathFor, staticDataChanges } from '../../runner/src/serve/inbox';
import type { Outcome, RetryPolicy } from '../../runner/src/serve/worker';
import { backoffMs, InboxWorker } from '../../runner/src/serve/worker';
import { runInProcess, tempDir } from './cli';

const items = (email: string): INodeExecutionData[] => [
	{ json: { eventId: `e-${email}`, contact: { email } } },
];

function openInbox(clock = { now: 1_000_000 }) {
	const file = path.join(tempDir('inbox-'), 'flow.inbox.db');
	return { inbox: Inbox.open(file, { now: () => clock.now }), file, clock };
}

const POLICY: RetryPolicy = { attempts: 4, baseMs: 1_000, maxMs: 3_000 };

/** A worker on `inbox` whose runs answer from `outcomes` (by event id), with time in the caller's hands. */
function workerOn(
	inbox: Inbox,
	clock: { now: number },
	outcomes: (eventId: number, attempt: number) => Outcome,
) {
	const runs: number[] = [];
	const attempts = new Map<number, number>();
	const worker = new InboxWorker(inbox, POLICY, {
		now: () => clock.now,
		random: () => 1,
		run: async (event) => {
			runs.push(event.id);
			const attempt = (attempts.get(event.id) ?? 0) + 1;
			attempts.set(event.id, attempt);
			const outcome = outcomes(event.id, attempt);
			if (outcome.ok) inbox.commitStaticData({}, {}, () => inbox.markDone(event.id));
			return outcome;
		},
	});
	return { worker, runs };
}

const transient: Outcome = {
	ok: false,
	transient: true,
	failure: {
		error: 'Upsert Candidate: The service is receiving too many requests (429)',
		node: 'Upsert Candidate',
	},
};
const permanent: Outcome = {
	ok: false,
	transient: false,
	failure: {
		error: 'Upsert Candidate: name is required',
		node: 'Upsert Candidate',
		who: 'ada@example.com',
	},
};

describe('inbox', () => {
	it('names the database after the state file', () => {
		expect(inboxPathFor('/srv/flows/push.state.json')).toBe('/srv/flows/push.inbox.db');
		expect(inboxPathFor('/srv/flows/serve-state.json')).toBe('/srv/flows/serve-state.inbox.db');
	});

	it('takes each delivery key once, whatever state its event is in', () => {
		const { inbox } = openInbox();
		const first = inbox.insert({
			deliveryKey: 'Hook\u0000lever:1',
			trigger: 'Hook',
			items: items('ada@example.com'),
		});
		expect(first).toEqual({ id: expect.any(Number), inserted: true });
		expect(
			inbox.insert({
				deliveryKey: 'Hook\u0000lever:1',
				trigger: 'Hook',
				items: items('ada@example.com'),
			}),
		).toEqual({ id: first.id, inserted: false });
		inbox.commitStaticData({}, {}, () => inbox.markDone(first.id));
		expect(
			inbox.insert({
				deliveryKey: 'Hook\u0000lever:1',
				trigger: 'Hook',
				items: items('ada@example.com'),
			}),
		).toEqual({ id: first.id, inserted: false });
		expect(inbox.counts()).toEqual({ pending: 0, done: 1, dead: 0, discarded: 0 });
		inbox.close();
	});

	it('serves the oldest pending event first and keeps items as they were accepted', () => {
		const { inbox } = openInbox();
		const ids = ['a', 'b', 'c'].map(
			(name) =>
				inbox.insert({
					deliveryKey: name,
					trigger: 'Hook',
					items: items(`${name}@example.com`),
					who: `${name}@example.com`,
				}).id,
		);
		expect(inbox.head()).toMatchObject({
			id: ids[0],
			status: 'pending',
			attempts: 0,
			who: 'a@example.com',
			items: items('a@example.com'),
		});
		inbox.commitStaticData({}, {}, () => inbox.markDone(ids[0]));
		expect(inbox.head()?.id).toBe(ids[1]);
		inbox.close();
	});

	it('commits static data field by field, so two connections do not overwrite each other', () => {
		const { inbox, file } = openInbox();
		const other = Inbox.open(file);
		const acceptorStart = inbox.staticData();
		const workerStart = other.staticData();
		// The acceptor remembers an event id; meanwhile the worker's run records a processed id of the same node.
		inbox.commitStaticData(acceptorStart, { 'node:Contact Event': { recentEventIds: ['e-1'] } });
		other.commitStaticData(workerStart, {
			'node:Contact Event': { processedEventIds: ['e-0'] },
			global: { cursor: 5 },
		});
		expect(inbox.staticData()).toEqual({
			'node:Contact Event': { recentEventIds: ['e-1'], processedEventIds: ['e-0'] },
			global: { cursor: 5 },
		});
		// A deleted field is deleted, the rest stays.
		const before = other.staticData();
		const after = JSON.parse(JSON.stringify(before)) as typeof before;
		delete (after['node:Contact Event'] as Record<string, unknown>).recentEventIds;
		other.commitStaticData(before, after);
		expect(inbox.staticData()).toEqual({
			'node:Contact Event': { processedEventIds: ['e-0'] },
			global: { cursor: 5 },
		});
		expect(staticDataChanges({ a: { x: 1 } }, { a: { x: 1 } })).toEqual([]);
		other.close();
		inbox.close();
	});

	it('rolls the insert back with the static data when the transaction fails', () => {
		const { inbox } = openInbox();
		expect(() =>
			inbox.commitStaticData({}, { 'node:Hook': { seen: ['x'] } }, () => {
				inbox.insert({ deliveryKey: 'x', trigger: 'Hook', items: items('x@example.com') });
				throw new Error('disk full');
			}),
		).toThrow('disk full');
		expect(inbox.counts().pending).toBe(0);
		expect(inbox.staticData()).toEqual({});
		inbox.close();
	});

	it('takes over the state file of an older ats-sync once', () => {
		const { inbox } = openInbox();
		const state = {
			version: 1 as const,
			staticData: { 'node:Hook': { webhooks: [{ id: 'w1', signatureToken: 'tok' }] } },
			oauthTokens: { Lever: { refresh_token: 'r1' } },
		};
		expect(inbox.importState(() => state)).toBe(true);
		expect(inbox.staticData()).toEqual(state.staticData);
		expect(inbox.savedToken('Lever')).toEqual({ refresh_token: 'r1' });
		expect(inbox.importState(() => ({ ...state, staticData: {} }))).toBe(false);
		expect(inbox.staticData()).toEqual(state.staticData);
		inbox.close();
	});
});

describe('inbox worker', () => {
	it('backs off exponentially with jitter, bounded by the maximum', () => {
		expect([1, 2, 3, 4].map((failed) => backoffMs(failed, POLICY, () => 1))).toEqual([
			1_000, 2_000, 3_000, 3_000,
		]);
		expect(backoffMs(1, POLICY, () => 0)).toBe(500);
	});

	it('retries a transient failure after its backoff, holding later events behind it, then completes', async () => {
		const { inbox, clock } = openInbox();
		const first = inbox.insert({
			deliveryKey: 'a',
			trigger: 'Hook',
			items: items('a@example.com'),
		}).id;
		const second = inbox.insert({
			deliveryKey: 'b',
			trigger: 'Hook',
			items: items('b@example.com'),
		}).id;
		const { worker, runs } = workerOn(inbox, clock, (id, attempt) =>
			id === first && attempt < 3 ? transient : { ok: true },
		);

		expect(await worker.step()).toBe(0);
		expect(inbox.get(first)).toMatchObject({
			status: 'pending',
			attempts: 1,
			nextAttemptAt: clock.now + 1_000,
			lastError: transient.ok ? '' : transient.failure.error,
		});
		// Not due yet: the worker waits, and the second event stays behind the first.
		expect(await worker.step()).toBe(1_000);
		clock.now += 1_000;
		await worker.step();
		expect(inbox.get(first)).toMatchObject({ attempts: 2, nextAttemptAt: clock.now + 2_000 });
		clock.now += 2_000;
		await worker.step();
		expect(inbox.get(first)).toMatchObject({ status: 'done', attempts: 3 });
		await worker.step();
		expect(inbox.get(second)).toMatchObject({ status: 'done', attempts: 1 });
		expect(runs).toEqual([first, first, first, second]);
		inbox.close();
	});

	it('dead-letters a permanent failure at once, and exhausted retries after the last attempt', async () => {
		const { inbox, clock } = openInbox();
		const bad = inbox.insert({
			deliveryKey: 'bad',
			trigger: 'Hook',
			items: items('ada@example.com'),
		}).id;
		const flaky = inbox.insert({
			deliveryKey: 'flaky',
			trigger: 'Hook',
			items: items('bob@example.com'),
			who: 'bob@example.com',
		}).id;
		const { worker, runs } = workerOn(inbox, clock, (id) =>
			id === bad
				? permanent
				: {
						...transient,
						failure: {
							...(transient.ok ? { error: '' } : transient.failure),
							who: 'bob@example.com',
						},
					},
		);
		for (let i = 0; i < 12; i++) {
			const wait = await worker.step();
			clock.now += wait;
		}
		expect(inbox.get(bad)).toMatchObject({
			status: 'dead',
			attempts: 1,
			deadLetter: {
				error: 'Upsert Candidate: name is required',
				node: 'Upsert Candidate',
				who: 'ada@example.com',
				attempts: 1,
				deadAt: expect.any(Number),
			},
		});
		expect(inbox.get(flaky)).toMatchObject({
			status: 'dead',
			attempts: POLICY.attempts,
			deadLetter: {
				error: expect.stringMatching(/429\).* \(still failing after 4 attempts\)$/),
				who: 'bob@example.com',
				attempts: 4,
			},
		});
		expect(runs.filter((id) => id === flaky)).toHaveLength(POLICY.attempts);
		inbox.close();
	});

	it('dead-letters an event whose runs never finished (serve crashed during each)', async () => {
		const { inbox, clock } = openInbox();
		const id = inbox.insert({
			deliveryKey: 'crashy',
			trigger: 'Hook',
			items: items('c@example.com'),
		}).id;
		// Each start is counted before the run: four starts that a crash cut short.
		for (let i = 0; i < POLICY.attempts; i++) inbox.started(id);
		const { worker, runs } = workerOn(inbox, clock, () => ({ ok: true }));
		await worker.step();
		expect(runs).toEqual([]);
		expect(inbox.get(id)?.deadLetter?.error).toBe(
			'no run of this event finished in 4 attempts (serve stopped or crashed during each)',
		);
		inbox.close();
	});

	it('stops after the run in progress and leaves the rest pending', async () => {
		const { inbox, clock } = openInbox();
		for (const name of ['a', 'b', 'c'])
			inbox.insert({ deliveryKey: name, trigger: 'Hook', items: items(`${name}@example.com`) });
		let worker: InboxWorker | undefined = undefined;
		const started = workerOn(inbox, clock, () => {
			worker!.stop();
			return { ok: true };
		});
		worker = started.worker;
		await worker.drain();
		expect(started.runs).toHaveLength(1);
		expect(inbox.counts()).toMatchObject({ pending: 2, done: 1 });
		inbox.close();
	});
});

describe('ats-sync inbox', () => {
	it('lists pending and dead events with counts, retries a dead one in its place and discards with a reason', async () => {
		const dir = tempDir('inbox-cli-');
		const workflow = path.join(dir, 'flow.json');
		const inbox = Inbox.open(inboxPathFor(path.join(dir, 'flow.state.json')));
		const dead = inbox.insert({
			deliveryKey: 'a',
			trigger: 'Hook',
			items: items('ada@example.com'),
			who: 'ada@example.com',
		}).id;
		const pending = inbox.insert({
			deliveryKey: 'b',
			trigger: 'Hook',
			items: items('bob@example.com'),
			who: 'bob@example.com',
		}).id;
		inbox.started(dead);
		inbox.deadLetter(dead, {
			error: 'Upsert Candidate: name is required',
			node: 'Upsert Candidate',
			who: 'ada@example.com',
		});
		inbox.close();

		const list = await runInProcess(['inbox', workflow, 'list', '--json']);
		expect(list.code).toBe(0);
		const listed = JSON.parse(list.stdout) as {
			counts: Record<string, number>;
			events: Array<Record<string, unknown>>;
		};
		expect(listed.counts).toEqual({ pending: 1, dead: 1, done: 0, discarded: 0 });
		expect(listed.events).toEqual([
			expect.objectContaining({
				id: dead,
				status: 'dead',
				who: 'ada@example.com',
				deadLetter: expect.objectContaining({
					error: 'Upsert Candidate: name is required',
					node: 'Upsert Candidate',
				}),
			}),
			expect.objectContaining({ id: pending, status: 'pending', who: 'bob@example.com' }),
		]);
		const human = await runInProcess(['inbox', workflow, '--dead']);
		expect(human.stderr).toContain('1 pending, 1 dead, 0 done, 0 discarded');
		expect(human.stderr).toMatch(
			new RegExp(
				`#${dead}  dead  "Hook"  ada@example.com .* at "Upsert Candidate": Upsert Candidate: name is required`,
			),
		);
		expect(human.stderr).not.toContain('bob@example.com');

		expect((await runInProcess(['inbox', workflow, 'retry', String(pending)])).stderr).toContain(
			`Event #${pending} is pending, not dead-lettered`,
		);
		const retried = await runInProcess(['inbox', workflow, 'retry', `#${dead}`, '--json']);
		expect(JSON.parse(retried.stdout)).toMatchObject({
			event: 'requeued',
			count: 1,
			counts: { pending: 2, dead: 0 },
		});
		const reopened = Inbox.open(inboxPathFor(path.join(dir, 'flow.state.json')));
		expect(reopened.head()).toMatchObject({ id: dead, attempts: 0 });
		reopened.close();

		expect((await runInProcess(['inbox', workflow, 'discard', String(pending)])).code).toBe(2);
		const discarded = await runInProcess([
			'inbox',
			workflow,
			'discard',
			String(pending),
			'--reason',
			'sent twice by the outreach tool',
		]);
		expect(discarded.stderr).toContain(
			`event #${pending} discarded: sent twice by the outreach tool`,
		);
		const shown = await runInProcess(['inbox', workflow, 'show', String(pending)]);
		expect(JSON.parse(shown.stdout)).toMatchObject({
			status: 'discarded',
			discardReason: 'sent twice by the outreach tool',
			items: items('bob@example.com'),
		});
		expect((await runInProcess(['inbox', path.join(dir, 'other.json')])).stderr).toMatch(
			/No inbox at .*other\.inbox\.db/,
		);
	});
});
