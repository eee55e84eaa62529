/**
 * `ats-sync serve` with the real SmartRecruiters Trigger: SmartRecruiters POSTs an X-Hook-Secret handshake to the
 * callback URL *while* the trigger's create() is still waiting for the subscription call, so the runner's server must
 * already answer then. Signed deliveries start runs; stopping keeps the subscription (deregister removes it). A status
 * lookup that fails answers 5xx, so SmartRecruiters' redelivery of the same event runs it — once.
 */
import path from 'node:path';
import { writeFileSync } from 'node:fs';

import { setSrStatus } from '../recipes/srState';
import { SMARTRECRUITERS_SEED, startSmartRecruitersSimulator } from '../simulators/smartrecruiters';
import {
	buildPackageFromSources,
	ensureRunnerBuilt,
	repoRoot,
	runCli,
	tempDir,
	waitFor,
} from './cli';

type Simulator = Awaited<ReturnType<typeof startSmartRecruitersSimulator>>;

let sim: Simulator;
let packageDir: string;

beforeAll(async () => {
	await ensureRunnerBuilt();
	sim = await startSmartRecruitersSimulator({ rateLimit: false, allowInsecureWebhookUrls: true });
	packageDir = tempDir('ats-sync-sr-pkg-');
	await buildPackageFromSources(packageDir, {
		nodes: ['nodes/SmartRecruiters/SmartRecruitersTrigger.node'],
		credentials: [
			'credentials/SmartRecruitersApi.credentials',
			'credentials/SmartRecruitersOAuth2Api.credentials',
		],
	});
});

afterAll(async () => {
	await sim.close();
});

/** A workflow of one SmartRecruiters Trigger and a credentials file for `target` (the key from SR_API_KEY). */
function triggerWorkflow(
	target: Simulator,
	name: string,
	trigger: { name: string; webhookId: string; parameters: Record<string, unknown> },
) {
	const dir = tempDir();
	const workflow = path.join(dir, 'sr-trigger.json');
	const node = {
		id: 'trigger',
		type: 'n8n-nodes-ats-sync.smartRecruitersTrigger',
		typeVersion: 1,
		position: [0, 0],
		credentials: { smartRecruitersApi: { id: 'sr', name: 'SmartRecruiters' } },
		...trigger,
	};
	writeFileSync(workflow, JSON.stringify({ name, nodes: [node], connections: {} }));
	const credentials = path.join(dir, 'credentials.json');
	writeFileSync(
		credentials,
		JSON.stringify({
			SmartRecruiters: {
				apiKey: '${SR_API_KEY}',
				environment: 'custom',
				customUrl: target.baseUrl,
				allowHttpWebhookUrls: true,
			},
		}),
	);
	return {
		workflow,
		credentials,
		env: { SR_API_KEY: target.apiKey, NODE_PATH: path.join(repoRoot, 'node_modules') },
	};
}

describe('ats-sync serve with the SmartRecruiters Trigger', () => {
	it('answers the handshake during registration, runs signed deliveries, keeps the subscription on SIGTERM until deregister', async () => {
		const { workflow, credentials, env } = triggerWorkflow(sim, 'SmartRecruiters events', {
			name: 'New Candidate',
			webhookId: '0d7f5a3e-9c1b-4e52-8f0a-3b6d2c1e4f70',
			parameters: { events: ['candidate.created'] },
		});
		let stdout = '';
		const serving = await runCli(
			[
				'serve',
				workflow,
				'--port',
				'0',
				'--credentials',
				credentials,
				'--nodes',
				packageDir,
				'--json',
			],
			{
				env,
				until: /serving http|error/,
				onSpawn: (child) =>
					child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString())),
			},
		);
		const exited = new Promise<number | null>((resolve) =>
			serving.child.on('close', (code) => resolve(code)),
		);
		try {
			expect(serving.stderr).not.toContain('error');
			const url = /"New Candidate" listens at POST (\S+)/.exec(serving.stderr)![1];
			expect(sim.state.subscriptions).toEqual([
				expect.objectContaining({ callbackUrl: url, status: 'active' }),
			]);

			const [delivered] = await sim.deliverEvent(
				'candidate.created',
				{ id: sim.seed.candidates.jane },
				{ eventId: 'evt-runner-1' },
			);
			expect(delivered.status).toBeGreaterThanOrEqual(200);
			expect(delivered.status).toBeLessThan(300);
			const summaries = () =>
				stdout
					.split('\n')
					.filter((line) => line.startsWith('{'))
					.map(
						(line) =>
							JSON.parse(line) as {
								event: string;
								status?: string;
								nodes?: Array<{ itemsOut: number }>;
							},
					)
					.filter((line) => line.event === 'summary');
			await waitFor(() => summaries().length > 0, 'the run summary');
			expect(summaries()).toEqual([
				expect.objectContaining({
					status: 'success',
					nodes: [expect.objectContaining({ node: 'New Candidate', itemsOut: 1 })],
				}),
			]);
			expect(stdout + serving.stderr).not.toContain(sim.apiKey);
		} finally {
			serving.child.kill('SIGTERM');
			expect(await exited).toBe(0);
		}
		const active = () =>
			sim.state.subscriptions.filter((subscription) => subscription.status === 'active');
		expect(active()).toHaveLength(1);
		const removed = await runCli(
			['deregister', workflow, '--credentials', credentials, '--nodes', packageDir],
			{ env },
		);
		expect(removed.code).toBe(0);
		expect(active()).toEqual([]);
	});

	it('answers 5xx when the status lookup fails, so the redelivery of the hire runs, and runs it once', async () => {
		const S = SMARTRECRUITERS_SEED;
		const hiring = await startSmartRecruitersSimulator({
			rateLimit: false,
			allowInsecureWebhookUrls: true,
		});
		const { workflow, credentials, env } = triggerWorkflow(hiring, 'SmartRecruiters hires', {
			name: 'Hired',
			webhookId: '7c1e0b8a-3f52-4d0e-9a61-5b2c8d4e6f13',
			parameters: { events: ['application.status.updated'], options: { onlyStatuses: ['HIRED'] } },
		});
		const serving = await runCli(
			['serve', workflow, '--port', '0', '--credentials', credentials, '--nodes', packageDir],
			{ env, until: /serving http|error/ },
		);
		const exited = new Promise<number | null>((resolve) =>
			serving.child.on('close', (code) => resolve(code)),
		);
		let stderr = serving.stderr;
		serving.child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		const summaries = () => stderr.match(/run of "SmartRecruiters hires"[^\n]*/g) ?? [];
		try {
			expect(
				await setSrStatus(hiring, S.candidates.jane, S.jobs.backendEngineer, { status: 'HIRED' }),
			).toBe(204);
			const event = {
				job_id: S.jobs.backendEngineer,
				candidate_id: S.candidates.jane,
				application_id: S.applications.janeBackendEngineer,
			};
			// SmartRecruiters' API is down for longer than the trigger's own retries ride out: the lookup fails.
			hiring.setFaults({ seed: 12, outage: { after: 0, requests: 6 } });
			const [delivery] = await hiring.deliverEvent('application.status.updated', event, {
				eventId: 'evt-hire-jane',
			});
			expect(delivery.status).toBe(202);
			const attempts = hiring.state.deliveries
				.find((candidate) => candidate.eventId === 'evt-hire-jane')!
				.attempts.map((attempt) => attempt.status);
			expect(attempts.length).toBeGreaterThan(1);
			expect(attempts[0]).not.toBe(202);
			expect(hiring.faults.outage).toBe(6);
			await waitFor(() => summaries().length > 0, 'the run of the hire');
			// Delivered once more later (the event-id is unchanged): acknowledged, not run again.
			expect(
				(
					await hiring.deliverEvent('application.status.updated', event, {
						eventId: 'evt-hire-jane',
					})
				)[0].status,
			).toBe(202);
		} finally {
			serving.child.kill('SIGTERM');
			expect(await exited).toBe(0);
			await hiring.close();
		}
		expect(summaries()).toEqual([expect.stringMatching(/: success in/)]);
		const listed = await runCli(['inbox', workflow, 'list', '--json']);
		expect(JSON.parse(listed.stdout)).toMatchObject({ counts: { done: 1, pending: 0, dead: 0 } });
	});
});
