/**
 * The interruption test with the real Lever node (Create or Update) against the Lever simulator, as a cron
 * user runs it: `ats-sync run` on a recipe-like workflow (input items → Lever upsert), killed mid-batch, rerun.
 * Lever creates a new opportunity on every POST, so a duplicate would show as a second opportunity for one email.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import { LEVER_OAUTH_SCOPES } from '../../credentials/LeverOAuth2Api.credentials';
import { startLeverSimulator, type LeverSimulator } from '../simulators/lever';
import {
	buildPackageFromSources,
	ensureRunnerBuilt,
	repoRoot,
	runCli,
	tempDir,
	waitFor,
} from './cli';

/** Forwards to the simulator; calls `afterWrite` once Lever has applied a POST /opportunities, before answering. */
async function startProxy(target: string, afterWrite: (count: number) => void) {
	let writes = 0;
	const server = http.createServer((req, res) => {
		const upstream = http.request(
			new URL(req.url!, target),
			{ method: req.method, headers: req.headers },
			(answer) => {
				const chunks: Buffer[] = [];
				answer.on('data', (chunk: Buffer) => chunks.push(chunk));
				answer.on('end', () => {
					if (
						req.method === 'POST' &&
						/\/v1\/opportunities$/.test(req.url!.split('?')[0]) &&
						answer.statusCode === 201
					)
						afterWrite(++writes);
					res.writeHead(answer.statusCode!, answer.headers).end(Buffer.concat(chunks));
				});
			},
		);
		req.pipe(upstream);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

let sim: LeverSimulator;
let packageDir: string;

beforeAll(async () => {
	await ensureRunnerBuilt();
	sim = await startLeverSimulator({ rateLimit: false, allowInsecureWebhookUrls: true });
	packageDir = tempDir('ats-sync-lever-pkg-');
	await buildPackageFromSources(packageDir, {
		nodes: [
			'nodes/Lever/Lever.node',
			'nodes/Lever/LeverTrigger.node',
			'nodes/Lever/LeverPollTrigger.node',
		],
		credentials: ['credentials/LeverApi.credentials', 'credentials/LeverOAuth2Api.credentials'],
	});
});

afterAll(async () => {
	await sim.close();
});

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** A recipe-like workflow: the run's input items → Lever "Create or Update" by email. */
function upsertWorkflow(
	file: string,
	credentials: Record<string, { id: string; name: string }>,
	authentication = 'apiKey',
) {
	writeFileSync(
		file,
		JSON.stringify({
			name: 'Push candidates to Lever',
			nodes: [
				{
					id: 'lever',
					name: 'Create or Update in Lever',
					type: 'n8n-nodes-ats-sync.lever',
					typeVersion: 1,
					position: [0, 0],
					parameters: {
						authentication,
						resource: 'opportunity',
						operation: 'upsert',
						profileInput: 'fields',
						email: '={{ $json.email }}',
						name: '={{ $json.name }}',
						posting: byId(sim.seed.postings.published),
						performAs: byId(sim.seed.users.recruiter),
					},
					credentials,
				},
			],
			connections: {},
		}),
	);
}

/** Lever Connect's authorization-code flow against the simulator, as n8n's "Connect" button runs it. */
async function connectLever(): Promise<{ access_token: string; refresh_token: string }> {
	const redirectUri = 'http://127.0.0.1/rest/oauth2-credential/callback';
	const authorize = new URL(sim.oauth.authorizeUrl);
	authorize.search = new URLSearchParams({
		client_id: sim.oauth.clientId,
		redirect_uri: redirectUri,
		response_type: 'code',
		state: 'n8n-state',
		audience: sim.oauth.audience,
		scope: LEVER_OAUTH_SCOPES.join(' '),
	}).toString();
	const code = new URL(
		(await fetch(authorize, { redirect: 'manual' })).headers.get('location')!,
	).searchParams.get('code')!;
	const token = await fetch(sim.oauth.tokenUrl, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({
			grant_type: 'authorization_code',
			client_id: sim.oauth.clientId,
			client_secret: sim.oauth.clientSecret,
			code,
			redirect_uri: redirectUri,
		}),
	});
	return (await token.json()) as { access_token: string; refresh_token: string };
}

describe('ats-sync run with the Lever node', () => {
	it('a run killed after 5 candidate creations, then rerun, leaves exactly one opportunity per email', async () => {
		sim.reset();
		const dir = tempDir();
		const workflow = path.join(dir, 'push-to-lever.json');
		upsertWorkflow(workflow, { leverApi: { id: 'lever-prod', name: 'Lever' } });
		const emails = Array.from({ length: 12 }, (_, i) => `candidate${i + 1}@example.com`);
		const input = path.join(dir, 'candidates.ndjson');
		writeFileSync(
			input,
			emails.map((email, i) => JSON.stringify({ email, name: `Candidate ${i + 1}` })).join('\n'),
		);

		let child: ChildProcess | undefined;
		const proxy = await startProxy(sim.baseUrl.replace(/\/v1$/, ''), (count) => {
			if (count === 5) child?.kill('SIGKILL');
		});
		try {
			mkdirSync(path.join(dir, 'config'));
			const credentials = path.join(dir, 'config', 'credentials.yaml');
			writeFileSync(
				credentials,
				`Lever:\n  type: leverApi\n  data:\n    apiKey: \${LEVER_API_KEY}\n    environment: custom\n    customUrl: ${proxy.url}/v1\n`,
			);
			const env = {
				LEVER_API_KEY: sim.apiKey,
				NODE_PATH: path.join(repoRoot, 'node_modules'),
				ATS_SYNC_LOCK_STALE_MS: '2000',
			};
			const args = [
				'run',
				workflow,
				'--credentials',
				credentials,
				'--input',
				input,
				'--nodes',
				packageDir,
			];

			const killed = await runCli(args, { env, onSpawn: (spawned) => (child = spawned) });
			expect(killed.signal).toBe('SIGKILL');
			const opportunitiesPerEmail = () =>
				emails.map(
					(email) =>
						sim.state.opportunities.filter((opportunity) =>
							sim.state.contacts.some(
								(contact) => contact.id === opportunity.contact && contact.emails.includes(email),
							),
						).length,
				);
			expect(opportunitiesPerEmail()).toEqual([1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]);

			const rerun = await runCli([...args, '--wait-lock', '--json'], { env });
			expect(rerun.stderr).not.toContain('error');
			expect(rerun.code).toBe(0);
			expect(opportunitiesPerEmail()).toEqual(emails.map(() => 1));
			const summary = rerun.stdout
				.trim()
				.split('\n')
				.map((line) => JSON.parse(line) as { event: string; nodes?: unknown })
				.find((line) => line.event === 'summary');
			expect(summary?.nodes).toEqual([
				{
					node: 'Create or Update in Lever',
					runs: 1,
					itemsIn: 12,
					itemsOut: 12,
					itemsPerOutput: [12],
					errors: 0,
				},
			]);
			expect(killed.stdout + killed.stderr + rerun.stdout + rerun.stderr).not.toContain(sim.apiKey);
		} finally {
			await proxy.close();
		}
	});

	it('OAuth2: a refreshed (rotated) token goes to the state file, not the credentials file, and the next run uses it', async () => {
		sim.reset();
		const dir = tempDir();
		const workflow = path.join(dir, 'push-to-lever.json');
		upsertWorkflow(
			workflow,
			{ leverOAuth2Api: { id: 'lever-oauth', name: 'Lever OAuth' } },
			'oAuth2',
		);
		const tokens = await connectLever();
		const credentials = path.join(dir, 'credentials.json');
		writeFileSync(
			credentials,
			JSON.stringify({
				'Lever OAuth': {
					type: 'leverOAuth2Api',
					data: {
						environment: 'custom',
						customUrl: sim.baseUrl,
						customAuthUrl: sim.oauth.authorizeUrl,
						customAccessTokenUrl: sim.oauth.tokenUrl,
						customAudience: sim.oauth.audience,
						clientId: sim.oauth.clientId,
						clientSecret: '${LEVER_CLIENT_SECRET}',
						oauthTokenData: {
							access_token: 'expired-or-revoked',
							refresh_token: tokens.refresh_token,
							token_type: 'Bearer',
						},
					},
				},
			}),
		);
		const credentialsBefore = readFileSync(credentials, 'utf8');
		const input = (name: string) => {
			const file = path.join(dir, `${name}.ndjson`);
			writeFileSync(file, JSON.stringify({ email: `${name}@example.com`, name }));
			return file;
		};
		const env = {
			LEVER_CLIENT_SECRET: sim.oauth.clientSecret,
			NODE_PATH: path.join(repoRoot, 'node_modules'),
		};
		const args = [
			'run',
			workflow,
			'--credentials',
			credentials,
			'--nodes',
			packageDir,
			'--verbose',
		];

		const tokenCalls = () =>
			sim.requests.filter((request) => request.path === '/oauth/token').length;
		const connectCalls = tokenCalls();
		const first = await runCli([...args, '--input', input('ada')], { env });
		expect(first.stderr).toContain('success');
		expect(first.code).toBe(0);
		expect(tokenCalls()).toBe(connectCalls + 1);
		const saved = JSON.parse(readFileSync(path.join(dir, 'push-to-lever.state.json'), 'utf8'))
			.oauthTokens['Lever OAuth'];
		expect(saved.refresh_token).toEqual(expect.any(String));
		expect(saved.refresh_token).not.toBe(tokens.refresh_token);
		expect(saved.access_token).not.toBe('expired-or-revoked');
		expect(readFileSync(credentials, 'utf8')).toBe(credentialsBefore);

		// The credentials file still holds the old, now rotated-away refresh token: only the state file's works.
		const second = await runCli([...args, '--input', input('grace')], { env });
		expect(second.code).toBe(0);
		expect(tokenCalls()).toBe(connectCalls + 1);
		expect(sim.state.contacts.some((contact) => contact.emails.includes('grace@example.com'))).toBe(
			true,
		);
		for (const secret of [
			tokens.refresh_token,
			saved.refresh_token,
			saved.access_token,
			sim.oauth.clientSecret,
		]) {
			expect(first.stdout + first.stderr + second.stdout + second.stderr).not.toContain(secret);
		}
	});

	it('serve: the Lever Trigger registers its webhook, a Lever-signed stage change runs the workflow, a tampered one is refused; deregister removes the webhook', async () => {
		sim.reset();
		const dir = tempDir();
		const workflow = path.join(dir, 'tag-on-stage-change.json');
		const credentialRef = { leverApi: { id: 'lever-prod', name: 'Lever' } };
		writeFileSync(
			workflow,
			JSON.stringify({
				name: 'Tag on stage change',
				nodes: [
					{
						id: 'trigger',
						name: 'Stage Changed',
						type: 'n8n-nodes-ats-sync.leverTrigger',
						typeVersion: 1,
						position: [0, 0],
						webhookId: '4b8f0c52-5d3e-4d4c-9a43-0f6f0b7f2a11',
						parameters: { events: ['candidateStageChange'] },
						credentials: credentialRef,
					},
					{
						id: 'tag',
						name: 'Tag Opportunity',
						type: 'n8n-nodes-ats-sync.lever',
						typeVersion: 1,
						position: [200, 0],
						parameters: {
							resource: 'opportunity',
							operation: 'addTags',
							opportunity: { __rl: true, mode: 'id', value: '={{ $json.data.opportunityId }}' },
							tags: ['Stage changed'],
						},
						credentials: credentialRef,
					},
				],
				connections: {
					'Stage Changed': { main: [[{ node: 'Tag Opportunity', type: 'main', index: 0 }]] },
				},
			}),
		);
		const credentials = path.join(dir, 'credentials.json');
		writeFileSync(
			credentials,
			JSON.stringify({
				Lever: {
					apiKey: '${LEVER_API_KEY}',
					environment: 'custom',
					customUrl: sim.baseUrl,
					allowHttpWebhookUrls: true,
				},
			}),
		);
		const env = { LEVER_API_KEY: sim.apiKey, NODE_PATH: path.join(repoRoot, 'node_modules') };
		const serving = await runCli(
			['serve', workflow, '--port', '0', '--credentials', credentials, '--nodes', packageDir],
			{ env, until: /serving http|error/ },
		);
		const exited = new Promise<number | null>((resolve) =>
			serving.child.on('close', (code) => resolve(code)),
		);
		try {
			expect(serving.stderr).not.toContain('error');
			expect(sim.state.webhooks.map((webhook) => webhook.event)).toEqual(['candidateStageChange']);
			const opportunityId = sim.seed.opportunities.adaBackend;
			const data = {
				opportunityId,
				candidateId: opportunityId,
				contactId: sim.seed.contacts.ada,
				toStageId: sim.seed.stages.onsite,
				fromStageId: sim.seed.stages.phoneInterview,
			};

			const [tampered] = await sim.sendWebhook('candidateStageChange', data, { tamper: true });
			expect(tampered.status).toBe(401);
			const [delivered] = await sim.sendWebhook('candidateStageChange', data);
			expect(delivered.status).toBe(200);
			const tagged = () =>
				sim.state.opportunities
					.find((opportunity) => opportunity.id === opportunityId)
					?.tags.includes('Stage changed') ?? false;
			await waitFor(tagged, 'the run to tag the opportunity');
		} finally {
			serving.child.kill('SIGTERM');
			expect(await exited).toBe(0);
		}
		// The webhook outlives serve (a restart reuses it); removing it is explicit.
		expect(sim.state.webhooks).toHaveLength(1);
		const removed = await runCli(
			['deregister', workflow, '--credentials', credentials, '--nodes', packageDir],
			{ env },
		);
		expect(removed.stderr).toContain('"Stage Changed" deregistered its webhook');
		expect(removed.code).toBe(0);
		expect(sim.state.webhooks).toEqual([]);
	});

	it('cron-style polling with the Lever Poll Trigger: first run sets the cursor, a new hire is processed once', async () => {
		sim.reset();
		const dir = tempDir();
		const workflow = path.join(dir, 'tag-hires.json');
		const credentialRef = { leverApi: { id: 'lever-prod', name: 'Lever' } };
		writeFileSync(
			workflow,
			JSON.stringify({
				name: 'Tag new hires',
				nodes: [
					{
						id: 'poll',
						name: 'New Hires',
						type: 'n8n-nodes-ats-sync.leverPollTrigger',
						typeVersion: 1,
						position: [0, 0],
						parameters: { event: 'candidateHired', pollTimes: { item: [{ mode: 'everyMinute' }] } },
						credentials: credentialRef,
					},
					{
						id: 'tag',
						name: 'Tag Hire',
						type: 'n8n-nodes-ats-sync.lever',
						typeVersion: 1,
						position: [200, 0],
						parameters: {
							resource: 'opportunity',
							operation: 'addTags',
							opportunity: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
							tags: ['Synced hire'],
						},
						credentials: credentialRef,
					},
				],
				connections: { 'New Hires': { main: [[{ node: 'Tag Hire', type: 'main', index: 0 }]] } },
			}),
		);
		const credentials = path.join(dir, 'credentials.json');
		writeFileSync(
			credentials,
			JSON.stringify({
				Lever: {
					apiKey: '${LEVER_API_KEY}',
					environment: 'custom',
					customUrl: sim.baseUrl,
					allowHttpWebhookUrls: true,
				},
			}),
		);
		const env = { LEVER_API_KEY: sim.apiKey, NODE_PATH: path.join(repoRoot, 'node_modules') };
		const run = async () => {
			const result = await runCli(
				['run', workflow, '--credentials', credentials, '--nodes', packageDir, '--json'],
				{ env },
			);
			const summary = result.stdout
				.trim()
				.split('\n')
				.map(
					(line) =>
						JSON.parse(line) as {
							event: string;
							status?: string;
							nodes?: Array<{ node: string; itemsOut: number }>;
						},
				)
				.find((line) => line.event === 'summary')!;
			return {
				code: result.code,
				status: summary.status,
				tagged: summary.nodes?.find((node) => node.node === 'Tag Hire')?.itemsOut ?? 0,
			};
		};
		const tagged = (id: string) =>
			sim.state.opportunities
				.find((opportunity) => opportunity.id === id)!
				.tags.filter((tag) => tag === 'Synced hire').length;

		expect(await run()).toEqual({ code: 0, status: 'no-data', tagged: 0 });
		const state = path.join(dir, 'tag-hires.state.json');
		expect(JSON.parse(readFileSync(state, 'utf8')).staticData['node:New Hires'].cursor).toEqual(
			expect.anything(),
		);

		const hired = await fetch(
			`${sim.baseUrl}/opportunities/${sim.seed.opportunities.adaBackend}/archived?perform_as=${sim.seed.users.recruiter}`,
			{
				method: 'PUT',
				headers: {
					Authorization: `Basic ${Buffer.from(`${sim.apiKey}:`).toString('base64')}`,
					'Content-Type': 'application/json',
				},
				body: JSON.stringify({ reason: sim.seed.archiveReasons.hired }),
			},
		);
		expect(hired.status).toBe(200);
		expect(await run()).toEqual({ code: 0, status: 'success', tagged: 1 });
		expect(tagged(sim.seed.opportunities.adaBackend)).toBe(1);
		expect(await run()).toEqual({ code: 0, status: 'no-data', tagged: 0 });
	});
});
