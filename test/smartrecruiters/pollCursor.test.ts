/**
 * The SmartRecruiters Poll Trigger's cursor against a change stamped exactly at the cursor, made after the poll that
 * saved it. SmartRecruiters' `updatedAfter` is exclusive, so the trigger must ask from just before its cursor and drop
 * the ids it already emitted there. Found by the crash-and-rerun chaos suite (test/chaos/crash.test.ts).
 */
import type { IDataObject, INode, IWorkflowBase } from 'n8n-workflow';

import { startSmartRecruitersSimulator } from '../simulators/smartrecruiters';
import { createEngine, PACKAGE_NAME } from '../harness';
import { apiKeyCredentials } from './helpers';

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

it('emits a change stamped exactly at the cursor once, and the ones it already emitted there never again', async () => {
	const engine = createEngine(apiKeyCredentials(sim));
	const node: INode = {
		id: 'poll',
		name: 'Poll',
		type: `${PACKAGE_NAME}.smartRecruitersPollTrigger`,
		typeVersion: 1,
		position: [0, 0],
		parameters: { event: 'candidateChanged', options: { startFrom: '2026-09-05T00:00:00.000Z' } },
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
	const poll = async () =>
		((await engine.poll(workflow, workflowData, node)) ?? [[]])[0].map(
			(item) => (item.json as IDataObject).id,
		);
	const cursor = () =>
		(workflow.staticData['node:Poll'] as IDataObject).cursor as string | undefined;

	expect(await poll()).toEqual([sim.seed.candidates.maria]);
	const savedAt = cursor()!;
	// John changes in the same millisecond as Maria's change, after the poll that saved the cursor.
	sim.state.candidates.find((candidate) => candidate.id === sim.seed.candidates.john)!.updatedOn =
		savedAt;

	expect(await poll()).toEqual([sim.seed.candidates.john]);
	expect(cursor()).toBe(savedAt);
	expect(await poll()).toEqual([]);
});
