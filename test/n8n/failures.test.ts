/**
 * Failed items surface in a real n8n: push-on-interested (Lever), imported as shipped, gets the runner tests'
 * contact events, one of which Lever cannot take (no last name, so "name" is empty). The good contacts still reach
 * Lever (candidate, note, CV); then Report Failures fails the execution with a message naming the bad item — who,
 * which node, why — the executions list shows it as failed, and the workflow's error workflow runs.
 */
import { ensureBuilt, allowingLocalFiles, postSigned, startFileServer } from '../recipes/helpers';
import { OUTREACH_SIGNING_SECRET, pushLever } from '../recipes/inputs';
import { leverByEmail } from '../recipes/leverState';
import { LEVER_SEED, startLeverSimulator, type LeverSimulator } from '../simulators/lever';
import { freePort, N8nInstance } from './instance';

const PUSH_ID = 'atsSyncFailures1';
const ERROR_WORKFLOW_ID = 'atsSyncErrorFlow1';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The smallest error workflow: n8n runs it (and lists its execution) whenever a workflow naming it fails. */
const errorWorkflow = {
	id: ERROR_WORKFLOW_ID,
	name: 'Errors of the recipes',
	nodes: [
		{
			id: '5d0c6f3e-2b1a-4c8d-9e7f-a1b2c3d4e5f6',
			name: 'Error Trigger',
			type: 'n8n-nodes-base.errorTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
	],
	connections: {},
	settings: { executionOrder: 'v1' },
	active: false,
};

describe('failed items in a real n8n', () => {
	let n8n: N8nInstance;
	let sim: LeverSimulator;
	let files: Awaited<ReturnType<typeof startFileServer>>;
	const workflow = allowingLocalFiles('push-on-interested.lever.json');

	beforeAll(async () => {
		await ensureBuilt();
		const leverPort = await freePort();
		sim = await startLeverSimulator({ port: leverPort });
		files = await startFileServer(pushLever.files);
		n8n = new N8nInstance(await freePort());
		n8n.installPackage();
		n8n.importCredentials([
			{
				name: 'Lever account',
				type: 'leverApi',
				// As the recipe's setup note says: the Lever user to create candidates as, by email.
				data: {
					apiKey: LEVER_SEED.apiKey,
					environment: 'custom',
					customUrl: `${sim.baseUrl}`,
					defaultPerformAs: LEVER_SEED.userEmails.recruiter,
				},
			},
			{
				name: 'Outreach webhook',
				type: 'contactEventWebhookApi',
				data: { signingSecret: OUTREACH_SIGNING_SECRET },
			},
		]);
		n8n.importWorkflows([
			errorWorkflow,
			{
				...workflow,
				id: PUSH_ID,
				settings: { ...(workflow.settings as object), errorWorkflow: ERROR_WORKFLOW_ID },
			},
		]);
		await n8n.start();
	}, 15 * 60_000);

	afterAll(async () => {
		await n8n?.stop();
		await sim?.close();
		await files?.close();
		if (n8n && !process.env.KEEP_N8N_USER_FOLDER) n8n.cleanup();
	});

	it('writes the good items, then fails the execution naming the bad one, and runs the error workflow', async () => {
		const trigger = workflow.nodes.find((node) => node.name === 'Contact Event')!;
		const url = n8n.webhookUrl(trigger.webhookId!, 'contact-events');
		// n8n 2.x runs only a published error workflow ("is not active and cannot be executed" otherwise).
		await n8n.activate(ERROR_WORKFLOW_ID);
		await n8n.activate(PUSH_ID);
		for (let tries = 0; !(await n8n.webhookLive(url)); tries++) {
			if (tries > 240)
				throw new Error(`n8n did not serve ${url} within 60 s:\n${n8n.log().slice(-3000)}`);
			await sleep(250);
		}

		const events = pushLever.events(files.baseUrl);
		const bad = events.find((event) => event.eventId === 'e-5')!;
		expect((await postSigned(url, OUTREACH_SIGNING_SECRET, events)).status).toBe(200);

		let finished: Awaited<ReturnType<N8nInstance['executions']>> = [];
		for (let tries = 0; finished.length === 0; tries++) {
			if (tries > 480)
				throw new Error(`no finished execution within 120 s:\n${n8n.log().slice(-3000)}`);
			await sleep(250);
			finished = (await n8n.executions(PUSH_ID)).filter(
				(execution) => !['new', 'running', 'waiting'].includes(execution.status),
			);
		}
		await n8n.deactivate(PUSH_ID);

		// The executions list: one run, failed.
		expect(finished.map((execution) => execution.status)).toEqual(['error']);
		const data = await n8n.executionData(finished[0].id);
		expect(data.resultData.lastNodeExecuted).toBe('Report Failures');
		const error = data.resultData.error as { message: string; description?: string };
		expect(error.message).toBe(
			`1 item failed: nolastname@example.com, event ${String(bad.eventId)} in "Upsert Candidate": Mandatory field "name" is empty (candidate nolastname@example.com)`,
		);

		// Every good item reached Lever before that: the new candidate with its note and CV, the update of Ada.
		const [linus] = leverByEmail(sim, 'linus.byte@example.net');
		expect(linus).toMatchObject({
			name: 'Linus Byte',
			owner: LEVER_SEED.users.recruiter,
			notes: [expect.stringContaining('interested')],
			files: ['linus.pdf'],
		});
		expect(leverByEmail(sim, 'nolastname@example.com')).toEqual([]);
		expect(data.resultData.runData['Attach CV']?.[0]?.data?.main?.[0]).toHaveLength(1);
		expect(data.resultData.runData['Add Outreach Note']?.[0]?.data?.main?.[0]).toHaveLength(2);

		// The error workflow ran for it.
		for (
			let tries = 0;
			(await n8n.countExecutions(ERROR_WORKFLOW_ID, ['success'])) === 0;
			tries++
		) {
			if (tries > 240)
				throw new Error(`the error workflow did not run within 60 s:\n${n8n.log().slice(-3000)}`);
			await sleep(250);
		}
	});
});
