/**
 * `ats-sync serve` with the real SmartRecruiters Trigger: SmartRecruiters POSTs an X-Hook-Secret handshake to the
 * callback URL *while* the trigger's create() is still waiting for the subscription call, so the runner's server must
 * already answer then. Signed deliveries start runs; stopping removes the subscription.
 */
import path from 'node:path';
import { writeFileSync } from 'node:fs';

import { startSmartRecruitersSimulator } from '../simulators/smartrecruiters';
import { buildPackageFromSources, ensureRunnerBuilt, repoRoot, runCli, tempDir, waitFor } from './cli';

type Simulator = Awaited<ReturnType<typeof startSmartRecruitersSimulator>>;

let sim: Simulator;
let packageDir: string;

beforeAll(async () => {
	await ensureRunnerBuilt();
	sim = await startSmartRecruitersSimulator({ rateLimit: false });
	packageDir = tempDir('ats-sync-sr-pkg-');
	await buildPackageFromSources(packageDir, {
		nodes: ['nodes/SmartRecruiters/SmartRecruitersTrigger.node'],
		credentials: ['credentials/SmartRecruitersApi.credentials', 'credentials/SmartRecruitersOAuth2Api.credentials'],
	});
});

afterAll(async () => {
	await sim.close();
});

describe('ats-sync serve with the SmartRecruiters Trigger', () => {
	it('answers the handshake during registration, runs signed deliveries, keeps the subscription on SIGTERM until deregister', async () => {
		const dir = tempDir();
		const workflow = path.join(dir, 'sr-events.json');
		writeFileSync(
			workflow,
			JSON.stringify({
				name: 'SmartRecruiters events',
				nodes: [
					{
						id: 'trigger',
						name: 'New Candidate',
						type: 'n8n-nodes-ats-sync.smartRecruitersTrigger',
						typeVersion: 1,
						position: [0, 0],
						webhookId: '0d7f5a3e-9c1b-4e52-8f0a-3b6d2c1e4f70',
						parameters: { events: ['candidate.created'] },
						credentials: { smartRecruitersApi: { id: 'sr', name: 'SmartRecruiters' } },
					},
				],
				connections: {},
			}),
		);
		const credentials = path.join(dir, 'credentials.json');
		writeFileSync(credentials, JSON.stringify({ SmartRecruiters: { apiKey: '${SR_API_KEY}', environment: 'custom', customUrl: sim.baseUrl } }));
		let stdout = '';
		const env = { SR_API_KEY: sim.apiKey, NODE_PATH: path.join(repoRoot, 'node_modules') };
		const serving = await runCli(['serve', workflow, '--port', '0', '--credentials', credentials, '--nodes', packageDir, '--json'], {
			env,
			until: /serving http|error/,
			onSpawn: (child) => child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString())),
		});
		const exited = new Promise<number | null>((resolve) => serving.child.on('close', (code) => resolve(code)));
		try {
			expect(serving.stderr).not.toContain('error');
			const url = /"New Candidate" listens at POST (\S+)/.exec(serving.stderr)![1];
			expect(sim.state.subscriptions).toEqual([expect.objectContaining({ callbackUrl: url, status: 'active' })]);

			const [delivered] = await sim.deliverEvent('candidate.created', { id: sim.seed.candidates.jane }, { eventId: 'evt-runner-1' });
			expect(delivered.status).toBeGreaterThanOrEqual(200);
			expect(delivered.status).toBeLessThan(300);
			const summaries = () =>
				stdout
					.split('\n')
					.filter((line) => line.startsWith('{'))
					.map((line) => JSON.parse(line) as { event: string; status?: string; nodes?: Array<{ itemsOut: number }> })
					.filter((line) => line.event === 'summary');
			await waitFor(() => summaries().length > 0, 'the run summary');
			expect(summaries()).toEqual([expect.objectContaining({ status: 'success', nodes: [expect.objectContaining({ node: 'New Candidate', itemsOut: 1 })] })]);
			expect(stdout + serving.stderr).not.toContain(sim.apiKey);
		} finally {
			serving.child.kill('SIGTERM');
			expect(await exited).toBe(0);
		}
		const active = () => sim.state.subscriptions.filter((subscription) => subscription.status === 'active');
		expect(active()).toHaveLength(1);
		const removed = await runCli(['deregister', workflow, '--credentials', credentials, '--nodes', packageDir], { env });
		expect(removed.code).toBe(0);
		expect(active()).toEqual([]);
	});
});
