import type { IDataObject, INode, INodeParameters, IWorkflowBase } from 'n8n-workflow';

import type { Engine } from '../../runner/src/engine';
import { createEngine, PACKAGE_NAME } from '../harness';
import { LEVER_SEED as S, startLeverSimulator, type LeverSimulator } from '../simulators/lever';
import { leverCredentials, outputOf } from './fixture';

const NODE_NAME = 'Lever Poll Trigger';

let sim: LeverSimulator;

beforeAll(async () => {
	// Pacing is the transport's concern (tested there); here it would only slow down creating 101 candidates.
	sim = await startLeverSimulator({ rateLimit: false });
});

afterEach(() => sim.reset());

afterAll(async () => {
	await sim.close();
});

/** An active poll trigger whose static data persists across polls, as n8n keeps it after successful runs. */
function pollTrigger(parameters: INodeParameters, settings: IDataObject = {}) {
	const engine: Engine = createEngine(leverCredentials(sim));
	const node: INode = {
		id: 'lever-poll',
		name: NODE_NAME,
		type: `${PACKAGE_NAME}.leverPollTrigger`,
		typeVersion: 1,
		position: [0, 0],
		parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, ...parameters },
		credentials: { leverApi: { id: 'leverApi', name: 'leverApi' } },
	};
	const workflowData = {
		id: 'lever-poll-test',
		name: 'Lever poll test',
		active: true,
		nodes: [node],
		connections: {},
		settings,
	} as unknown as IWorkflowBase;
	const staticData: IDataObject = {};
	const poll = async () => {
		const workflow = engine.workflow(workflowData, staticData);
		const result = await engine.poll(workflow, workflowData, workflow.getNode(NODE_NAME)!);
		return (result?.[0] ?? []).map((item) => item.json);
	};
	return {
		engine,
		workflowData,
		staticData,
		poll,
		cursor: () =>
			(staticData[`node:${NODE_NAME}`] as IDataObject | undefined)?.cursor as
				| IDataObject
				| undefined,
	};
}

async function lever(method: string, path: string, body?: IDataObject) {
	const response = await fetch(`${sim.baseUrl}${path}`, {
		method,
		headers: {
			Authorization: `Basic ${Buffer.from(`${sim.apiKey}:`).toString('base64')}`,
			'Content-Type': 'application/json',
		},
		body: body ? JSON.stringify(body) : undefined,
	});
	if (!response.ok)
		throw new Error(`${method} ${path} → ${response.status} ${await response.text()}`);
	return (await response.json()) as IDataObject;
}

const hire = async (opportunityId: string) =>
	await lever('PUT', `/opportunities/${opportunityId}/archived`, {
		reason: S.archiveReasons.hired,
	});

const opportunityQueries = () =>
	sim.requests.filter(
		(request) => request.method === 'GET' && request.path === '/v1/opportunities',
	);

describe('Lever Poll Trigger', () => {
	it('candidates hired: starts at activation time, then returns only hires since the last poll', async () => {
		const trigger = pollTrigger({ event: 'candidateHired' });

		// First poll after activation: no backfill, only a cursor ("now"); the seeded, long-past hire is not reported.
		expect(await trigger.poll()).toEqual([]);
		expect(opportunityQueries()).toHaveLength(0);
		const activatedAt = trigger.cursor()!.cursor as number;

		await hire(S.opportunities.adaBackend);
		const first = await trigger.poll();
		expect(first.map((o) => o.id)).toEqual([S.opportunities.adaBackend]);
		// the cursor moves to the newest archivedAt among the returned records
		const hiredAt = (first[0].archived as IDataObject).archivedAt as number;
		expect(hiredAt).toBeGreaterThanOrEqual(activatedAt);
		expect(trigger.cursor()).toMatchObject({
			event: 'candidateHired',
			cursor: hiredAt,
			idsAtCursor: [S.opportunities.adaBackend],
		});

		// Nothing new: the record at exactly the cursor (Lever's *_start is inclusive) is not returned twice.
		expect(await trigger.poll()).toEqual([]);

		// A withdrawal is an archive too, but not a hire.
		await lever('PUT', `/opportunities/${S.opportunities.adaData}/archived`, {
			reason: S.archiveReasons.withdrew,
		});
		expect(await trigger.poll()).toEqual([]);

		await lever('PUT', `/opportunities/${S.opportunities.adaData}/archived`, { reason: null });
		await hire(S.opportunities.adaData);
		expect((await trigger.poll()).map((o) => o.id)).toEqual([S.opportunities.adaData]);

		// Lever was asked with the cursor and every hired-type reason of the account (the inactive legacy one too).
		const lastQuery = opportunityQueries().at(-1)!.query;
		expect(lastQuery.archived_at_start).toBe(String(hiredAt));
		expect([lastQuery.archive_reason_id].flat().sort()).toEqual(
			[S.archiveReasons.hired, S.archiveReasons.inactiveHired].sort(),
		);
	});

	it('"Start From" backfills on the first poll, and the cursor comes from the returned data, not the clock', async () => {
		const trigger = pollTrigger({
			event: 'candidateHired',
			options: { startFrom: '2026-01-01T00:00:00Z' },
		});
		const seededHire = sim.state.opportunities.find((o) => o.id === S.opportunities.alanHired)!;

		const savedBeforePoll = JSON.parse(JSON.stringify(trigger.staticData)) as IDataObject;
		const backfill = await trigger.poll();
		expect(backfill.map((o) => o.id)).toEqual([S.opportunities.alanHired]);
		expect(trigger.cursor()).toMatchObject({ cursor: seededHire.archived!.archivedAt });
		const savedAfterSuccess = JSON.parse(JSON.stringify(trigger.staticData)) as IDataObject;

		// The run succeeded, so n8n saved the static data: the next poll has nothing new.
		const afterSuccess = pollTrigger({
			event: 'candidateHired',
			options: { startFrom: '2026-01-01T00:00:00Z' },
		});
		Object.assign(afterSuccess.staticData, savedAfterSuccess);
		expect(await afterSuccess.poll()).toEqual([]);

		// The run failed, so the static data was not saved: the same hire comes again.
		const afterFailure = pollTrigger({
			event: 'candidateHired',
			options: { startFrom: '2026-01-01T00:00:00Z' },
		});
		Object.assign(afterFailure.staticData, savedBeforePoll);
		expect((await afterFailure.poll()).map((o) => o.id)).toEqual([S.opportunities.alanHired]);
	});

	it('new applications: pages through everything created since the cursor, one item per opportunity', async () => {
		const trigger = pollTrigger({ event: 'applicationCreated' });
		expect(await trigger.poll()).toEqual([]);

		const created: string[] = [];
		for (let i = 0; i < 101; i++) {
			const response = await fetch(`${sim.baseUrl}/opportunities?perform_as=${S.users.recruiter}`, {
				method: 'POST',
				headers: {
					Authorization: `Basic ${Buffer.from(`${sim.apiKey}:`).toString('base64')}`,
					'Content-Type': 'application/json',
				},
				body: JSON.stringify({
					name: `Applicant ${i}`,
					emails: [`applicant${i}@example.com`],
					postings: [S.postings.published],
				}),
			});
			created.push(((await response.json()) as { data: { id: string } }).data.id);
		}

		const found = await trigger.poll();
		expect(found.map((o) => o.id).sort()).toEqual([...created].sort());
		const pages = opportunityQueries().filter(
			(request) => request.query.created_at_start !== undefined,
		);
		expect(pages).toHaveLength(2);
		expect(pages[1].query.offset).toEqual(expect.any(String));

		expect(await trigger.poll()).toEqual([]);
	});

	it('opportunities changed: reports a stage change, expanded as asked', async () => {
		const trigger = pollTrigger({ event: 'opportunityChanged', options: { expand: ['stage'] } });
		expect(await trigger.poll()).toEqual([]);

		await lever('PUT', `/opportunities/${S.opportunities.adaBackend}/stage`, {
			stage: S.stages.onsite,
		});
		const changed = await trigger.poll();
		expect(changed.map((o) => o.id)).toEqual([S.opportunities.adaBackend]);
		expect(changed[0].stage).toMatchObject({ id: S.stages.onsite });
		expect(opportunityQueries().at(-1)!.query).toMatchObject({
			expand: 'stage',
			updated_at_start: expect.any(String),
		});
	});

	it('"Max Records per Poll": a backlog comes oldest first over several polls, none skipped or repeated', async () => {
		const trigger = pollTrigger({
			event: 'applicationCreated',
			options: { maxRecordsPerPoll: 10 },
		});
		expect(await trigger.poll()).toEqual([]);
		const from = trigger.cursor()!.cursor as number;
		// 25 applications over 21 milliseconds; the five at from + 8 straddle the first batch's end.
		const created: string[] = [];
		for (let i = 0; i < 25; i++) {
			const { data } = (await lever('POST', `/opportunities?perform_as=${S.users.recruiter}`, {
				name: `Applicant ${i}`,
				emails: [`backlog${i}@example.com`],
			})) as { data: { id: string } };
			sim.state.opportunities.find((o) => o.id === data.id)!.createdAt =
				from + (i < 8 ? i : i <= 12 ? 8 : i - 4);
			created.push(data.id);
		}
		const batches: string[][] = [];
		const backlogEnds: unknown[] = [];
		for (let polls = 0; polls < 5; polls++) {
			batches.push((await trigger.poll()).map((o) => String(o.id)));
			backlogEnds.push((trigger.staticData[`node:${NODE_NAME}`] as IDataObject).backlogEnd);
		}
		expect(batches.map((batch) => batch.length)).toEqual([10, 10, 5, 0, 0]);
		expect(batches.flat().sort()).toEqual([...created].sort());
		// While records up to the backlog's end remain, the node says so (ats-sync run polls again at once).
		expect(backlogEnds).toEqual([from + 20, from + 20, undefined, undefined, undefined]);
		expect(opportunityQueries().every((request) => request.query.limit === '100')).toBe(true);
	});

	it('a manual test run returns one sample and leaves the cursor alone', async () => {
		const trigger = pollTrigger({ event: 'candidateHired' });
		const run = await trigger.engine.run({
			workflow: trigger.engine.workflow(trigger.workflowData, trigger.staticData),
			workflowData: trigger.workflowData,
			startNodeName: NODE_NAME,
			startItems: [],
			mode: 'manual',
		});
		expect(outputOf(run, NODE_NAME).map((o) => o.id)).toEqual([S.opportunities.alanHired]);
		expect(trigger.cursor()).toBeUndefined();
	});

	it('reads a "Start From" without an offset in the workflow\'s time zone', async () => {
		const trigger = pollTrigger(
			{ event: 'applicationCreated', options: { startFrom: '2026-03-01T00:00:00' } },
			{ timezone: 'Asia/Tokyo' },
		);
		await trigger.poll();
		expect(opportunityQueries().at(-1)!.query.created_at_start).toBe(
			String(Date.UTC(2026, 1, 28, 15)),
		);
	});

	it('says which setting is wrong when "Start From" is not a date', async () => {
		const trigger = pollTrigger({
			event: 'applicationCreated',
			options: { startFrom: 'next tuesday' },
		});
		await expect(trigger.poll()).rejects.toThrow('"Start From" is not a valid date: next tuesday');
	});
});
