/**
 * SmartRecruiters Poll Trigger through n8n's PollContext: the `updatedAfter` cursor lives in static data, moves
 * only to `updatedOn` values SmartRecruiters returned, and a status filter emits candidate + application items.
 */
import { randomUUID } from 'node:crypto';

import type { IDataObject, INode, INodeParameters, IWorkflowBase } from 'n8n-workflow';

import { startSmartRecruitersSimulator } from '../simulators/smartrecruiters';
import { createEngine, PACKAGE_NAME } from '../harness';
import { apiKeyCredentials, byId, runSmartRecruiters } from './helpers';

type Simulator = Awaited<ReturnType<typeof startSmartRecruitersSimulator>>;

let sim: Simulator;

beforeAll(async () => {
	sim = await startSmartRecruitersSimulator();
});

afterEach(() => {
	expect(sim.contractViolations).toEqual([]);
});

afterAll(async () => {
	await sim.close();
});

/** A poll trigger in a workflow whose static data survives between polls, as n8n keeps it for an active workflow. */
function pollTrigger(parameters: INodeParameters) {
	const engine = createEngine(apiKeyCredentials(sim));
	const node: INode = {
		id: 'poll',
		name: 'Poll',
		type: `${PACKAGE_NAME}.smartRecruitersPollTrigger`,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { smartRecruitersApi: { id: 'sr', name: 'sr' } },
	};
	const workflowData = {
		id: 'poll',
		name: 'poll',
		active: true,
		nodes: [node],
		connections: {},
		settings: {},
	} as unknown as IWorkflowBase;
	const workflow = engine.workflow(workflowData, {});
	return {
		poll: async () =>
			((await engine.poll(workflow, workflowData, node)) ?? [[]])[0].map((item) => item.json),
		cursor: () => (workflow.staticData['node:Poll'] as IDataObject | undefined)?.cursor,
		state: () => (workflow.staticData['node:Poll'] ?? {}) as IDataObject,
	};
}

describe('SmartRecruiters Poll Trigger', () => {
	it('emits candidates changed since the cursor, then only newer changes', async () => {
		const trigger = pollTrigger({
			event: 'candidateChanged',
			options: { startFrom: '2026-09-05T00:00:00.000Z' },
		});
		const first = await trigger.poll();
		// Maria (updated 2026-09-10) has applications; Tom is talent-pool only and not searchable.
		expect(first.map((c) => c.id)).toEqual([sim.seed.candidates.maria]);
		expect(trigger.cursor()).toBe('2026-09-10T10:00:00.000Z');

		expect(await trigger.poll()).toEqual([]);
		expect(trigger.cursor()).toBe('2026-09-10T10:00:00.000Z');

		await runSmartRecruiters(sim, {
			resource: 'candidate',
			operation: 'updateTags',
			candidate: byId(sim.seed.candidates.john),
			mode: 'add',
			tags: 'alumni',
		});
		const second = await trigger.poll();
		expect(second.map((c) => c.id)).toEqual([sim.seed.candidates.john]);
		const johnUpdatedOn = sim.state.candidates.find(
			(c) => c.id === sim.seed.candidates.john,
		)!.updatedOn;
		expect(trigger.cursor()).toBe(johnUpdatedOn);
		expect(await trigger.poll()).toEqual([]);
	});

	it('"Max Records per Poll": a backlog comes oldest first over several polls, none skipped or repeated', async () => {
		const trigger = pollTrigger({
			event: 'candidateChanged',
			options: { startFrom: '2027-01-01T00:00:00.000Z', maxRecordsPerPoll: 4 },
		});
		// 11 changed candidates over 7 milliseconds; the four at .003 straddle the first batch's end.
		const made: string[] = [];
		for (let i = 0; i < 11; i++) {
			// Clones of Maria (a candidate with applications, so SmartRecruiters' search lists her).
			const id = randomUUID();
			const maria = sim.state.candidates.find((c) => c.id === sim.seed.candidates.maria)!;
			const ms = i < 3 ? i : i <= 6 ? 3 : i - 3;
			sim.state.candidates.push({
				...structuredClone(maria),
				id,
				updatedOn: `2027-01-02T00:00:00.00${ms}Z`,
			});
			for (const application of sim.state.applications.filter((a) => a.candidateId === maria.id))
				sim.state.applications.push({ ...structuredClone(application), candidateId: id });
			made.push(id);
		}
		const batches: string[][] = [];
		const backlogEnds: unknown[] = [];
		for (let polls = 0; polls < 5; polls++) {
			batches.push((await trigger.poll()).map((c) => String(c.id)));
			backlogEnds.push(trigger.state().backlogEnd);
		}
		expect(batches.map((batch) => batch.length)).toEqual([4, 4, 3, 0, 0]);
		expect(batches.flat().sort()).toEqual([...made].sort());
		const end = Date.parse('2027-01-02T00:00:00.007Z');
		expect(backlogEnds).toEqual([end, end, undefined, undefined, undefined]);
		expect(trigger.cursor()).toBe('2027-01-02T00:00:00.007Z');
		// The simulator is shared by this file's tests: the clones go.
		sim.state.candidates = sim.state.candidates.filter((c) => !made.includes(c.id));
		sim.state.applications = sim.state.applications.filter((a) => !made.includes(a.candidateId));
	});

	it('starts after activation when no start time is set, without emitting history', async () => {
		const trigger = pollTrigger({ event: 'candidateChanged' });
		expect(await trigger.poll()).toEqual([]);
		expect(trigger.cursor()).toEqual(expect.any(String));
	});

	it('with a status filter emits one item per application in that status', async () => {
		const trigger = pollTrigger({
			event: 'applicationHasStatus',
			statuses: ['HIRED'],
			options: { startFrom: '2026-01-01T00:00:00.000Z' },
		});
		const first = await trigger.poll();
		expect(first).toEqual([
			expect.objectContaining({
				candidate: expect.objectContaining({ id: sim.seed.candidates.john }),
				jobId: sim.seed.jobs.dataAnalyst,
				application: expect.objectContaining({ status: 'HIRED' }),
			}),
		]);

		const hire = await runSmartRecruiters(sim, {
			resource: 'candidate',
			operation: 'setStatus',
			candidate: byId(sim.seed.candidates.jane),
			job: byId(sim.seed.jobs.backendEngineer),
			status: 'HIRED',
		});
		expect(hire.error).toBeUndefined();
		const second = await trigger.poll();
		expect(second.map((item) => [(item.candidate as IDataObject).id, item.jobId])).toEqual([
			[sim.seed.candidates.jane, sim.seed.jobs.backendEngineer],
		]);

		// Jane is edited after her hire: she changed, but she is not a new hire.
		await runSmartRecruiters(sim, {
			resource: 'candidate',
			operation: 'updateTags',
			candidate: byId(sim.seed.candidates.jane),
			mode: 'add',
			tags: 'onboarding',
		});
		expect(await trigger.poll()).toEqual([]);
	});
});
