/**
 * One real n8n (the version scripts/n8n/install.js pins) with a throwaway user folder and SQLite database, driven the
 * way an ops person's instance is: both node packages installed as community packages, credentials and workflows imported
 * with n8n's own CLI, workflows activated and executions read through n8n's REST API (what the editor uses).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

import { parse } from 'flatted';
import type { IRunExecutionData } from 'n8n-workflow';

import { repoRoot, tempDir } from '../runner/cli';
import { listeningPorts } from './listeners';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureN8n } = require('../../scripts/n8n/install') as { ensureN8n: () => N8nInstallation };

export interface N8nInstallation {
	version: string;
	dir: string;
	node: string;
	n8nBin: string;
	path: string;
	installSeconds: number;
	cached: boolean;
}

/** The node packages installed into n8n: the ATS nodes (repository root) and the recipes' helper nodes. */
const PACKAGE_DIRS = [repoRoot, path.join(repoRoot, 'packages', 'toolkit')];
/** What n8n Cloud can install: only the verified package, n8n-nodes-ats-sync (the Cloud editions of the recipes). */
export const ROOT_PACKAGE_ONLY = [repoRoot];
export const OWNER = {
	email: 'ops@example.com',
	firstName: 'Ops',
	lastName: 'Person',
	password: 'Local-n8n-test-1',
};
/** n8n's auth cookie is bound to the browser that logged in; every REST call sends the same id. */
const BROWSER_ID = 'ats-sync-test-n8n';

export async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}

export interface Execution {
	id: string;
	workflowId: string;
	status: string;
	mode: string;
}

/** The names of the credentials the workflows' nodes reference, each once. */
export function credentialNamesIn(
	workflows: Array<{ nodes: Array<{ credentials?: Record<string, { name: string }> }> }>,
): string[] {
	return [
		...new Set(
			workflows.flatMap((workflow) =>
				workflow.nodes.flatMap((node) =>
					Object.values(node.credentials ?? {}).map((reference) => reference.name),
				),
			),
		),
	];
}

export class N8nInstance {
	readonly userFolder = tempDir('n8n-user-');
	readonly installation = ensureN8n();
	protected server?: ReturnType<typeof spawn>;
	protected serverLog = '';
	private cookie = '';
	/**
	 * The task broker's port (n8n's N8N_RUNNERS_BROKER_PORT, 5679 by default): a free one, chosen when n8n is first
	 * launched unless the settings name one. With the main port, the only ports n8n 2.41 opens in regular mode.
	 */
	brokerPort?: number;

	constructor(
		readonly port: number,
		private readonly settings: NodeJS.ProcessEnv = {},
	) {}

	get baseUrl() {
		return `http://127.0.0.1:${this.port}`;
	}

	/** Production webhook URL of a trigger node: n8n serves `<webhookId>/<path>` under /webhook/. */
	webhookUrl(webhookId: string, webhookPath: string) {
		return `${this.baseUrl}/webhook/${webhookId}/${webhookPath}`;
	}

	private env(): NodeJS.ProcessEnv {
		return {
			PATH: this.installation.path,
			HOME: this.userFolder,
			N8N_USER_FOLDER: this.userFolder,
			N8N_PORT: String(this.port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_WEBHOOK_URL: `${this.baseUrl}/`,
			N8N_ENCRYPTION_KEY: 'ats-sync-throwaway-n8n-encryption-key',
			DB_TYPE: 'sqlite',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_VERIFIED_PACKAGES_ENABLED: 'false',
			N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
			N8N_SECURE_COOKIE: 'false',
			N8N_RUNNERS_TASK_TIMEOUT: '300',
			EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
			N8N_LOG_LEVEL: 'info',
			N8N_LOG_OUTPUT: 'console',
			...(this.brokerPort === undefined
				? {}
				: { N8N_RUNNERS_BROKER_PORT: String(this.brokerPort) }),
			...this.settings,
		};
	}

	/** How to start `n8n <args>` against this instance (for callers that time or watch the process themselves). */
	command(args: string[]) {
		return {
			file: this.installation.node,
			args: [this.installation.n8nBin, ...args],
			env: this.env(),
			cwd: this.userFolder,
		};
	}

	/** Runs an n8n CLI command to completion; throws with its output when it fails. */
	cli(args: string[]): string {
		const command = this.command(args);
		const result = spawnSync(command.file, command.args, {
			env: command.env,
			cwd: command.cwd,
			encoding: 'utf8',
			timeout: 5 * 60_000,
		});
		const output = `${result.stdout}${result.stderr}`;
		if (result.status !== 0)
			throw new Error(`n8n ${args.join(' ')} failed (exit ${result.status}):\n${output}`);
		return output;
	}

	/**
	 * Installs the built packages (n8n-nodes-ats-sync and n8n-nodes-ats-sync-toolkit, or only the root package with
	 * ROOT_PACKAGE_ONLY) the way n8n's Settings → Community Nodes does: each `npm pack` tarball unpacked into
	 * `<user folder>/.n8n/nodes/node_modules/<name>`, peer and dev dependencies stripped, then `npm install`.
	 */
	installPackage(packageDirs: string[] = PACKAGE_DIRS) {
		const nodesDir = path.join(this.userFolder, '.n8n', 'nodes');
		const installed: Record<string, string> = {};
		for (const sourceDir of packageDirs) {
			const { name, version } = this.installOnePackage(nodesDir, sourceDir);
			installed[name] = version;
		}
		writeFileSync(
			path.join(nodesDir, 'package.json'),
			JSON.stringify({ name: 'installed-nodes', private: true, dependencies: installed }, null, 2),
		);
	}

	private installOnePackage(
		nodesDir: string,
		sourceDir: string,
	): { name: string; version: string } {
		const packDir = tempDir('n8n-pack-');
		const packed = spawnSync(
			'npm',
			['pack', '--silent', '--ignore-scripts', '--pack-destination', packDir],
			{ cwd: sourceDir, encoding: 'utf8' },
		);
		if (packed.status !== 0) throw new Error(`npm pack in ${sourceDir} failed: ${packed.stderr}`);
		const tarball = path.join(packDir, packed.stdout.trim().split('\n').pop()!);
		const { name } = JSON.parse(readFileSync(path.join(sourceDir, 'package.json'), 'utf8')) as {
			name: string;
		};
		const packageDir = path.join(nodesDir, 'node_modules', name);
		mkdirSync(packageDir, { recursive: true });
		const untar = spawnSync('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1'], {
			encoding: 'utf8',
		});
		if (untar.status !== 0) throw new Error(`tar failed: ${untar.stderr}`);
		const manifestPath = path.join(packageDir, 'package.json');
		const { devDependencies, peerDependencies, ...manifest } = JSON.parse(
			readFileSync(manifestPath, 'utf8'),
		) as Record<string, unknown>;
		void devDependencies;
		void peerDependencies;
		writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
		const installed = spawnSync(
			'npm',
			[
				'install',
				'--audit=false',
				'--fund=false',
				'--ignore-scripts',
				'--package-lock=false',
				'--omit=dev',
			],
			{
				cwd: packageDir,
				encoding: 'utf8',
			},
		);
		if (installed.status !== 0)
			throw new Error(`npm install in ${packageDir} failed: ${installed.stderr}`);
		rmSync(packDir, { recursive: true, force: true });
		return { name, version: String(manifest.version) };
	}

	/**
	 * `n8n import:credentials` of decrypted credentials (n8n encrypts them with the instance key), under ids no recipe
	 * knows: the recipes reference credentials by name only (`"id": null`), and n8n links them by name on import.
	 */
	importCredentials(
		credentials: Array<{ name: string; type: string; data: Record<string, unknown> }>,
	) {
		const file = path.join(this.userFolder, 'credentials-to-import.json');
		writeFileSync(
			file,
			JSON.stringify(
				credentials.map((credential, index) => ({
					id: `atsSyncCredential${index + 1}`,
					...credential,
				})),
			),
		);
		try {
			this.cli(['import:credentials', `--input=${file}`]);
		} finally {
			rmSync(file, { force: true });
		}
	}

	/** `n8n import:workflow --separate` of one file per workflow, in one CLI run (each run boots n8n). */
	importWorkflows(workflows: Array<{ id: string } & Record<string, unknown>>) {
		const dir = path.join(this.userFolder, 'workflows-to-import');
		mkdirSync(dir, { recursive: true });
		for (const workflow of workflows)
			writeFileSync(path.join(dir, `${workflow.id}.json`), JSON.stringify(workflow));
		this.cli(['import:workflow', '--separate', `--input=${dir}`]);
	}

	async start() {
		await this.launch(['start'], async () => {
			const ready = await fetch(`${this.baseUrl}/healthz/readiness`).then(
				(response) => response.ok,
				() => false,
			);
			return ready && /Editor is now accessible/.test(this.serverLog);
		});
		await this.login();
	}

	/** Starts `n8n <args>` and resolves once `isReady()`; throws with its log when it exits or takes 3 minutes. */
	protected async launch(args: string[], isReady: () => Promise<boolean>) {
		if (this.settings.N8N_RUNNERS_BROKER_PORT !== undefined)
			this.brokerPort = Number(this.settings.N8N_RUNNERS_BROKER_PORT);
		while (this.brokerPort === undefined || this.brokerPort === this.port)
			this.brokerPort = await freePort();
		const command = this.command(args);
		const server = spawn(command.file, command.args, {
			env: command.env,
			cwd: command.cwd,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		this.server = server;
		const append = (chunk: Buffer) => (this.serverLog += chunk.toString());
		server.stdout?.on('data', append);
		server.stderr?.on('data', append);
		const deadline = Date.now() + 3 * 60_000;
		for (;;) {
			if (server.exitCode !== null)
				throw new Error(
					`n8n ${args[0]} exited while starting (${server.exitCode}):\n${this.serverLog}`,
				);
			if (await isReady()) break;
			if (Date.now() > deadline)
				throw new Error(`n8n ${args[0]} did not become ready in 3 minutes:\n${this.serverLog}`);
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
	}

	log() {
		return this.serverLog;
	}

	/** TCP ports the running n8n and its task runners listen on. */
	listeningPorts(): number[] {
		if (this.server?.pid === undefined || this.server.exitCode !== null) return [];
		return listeningPorts(this.server.pid);
	}

	async stop() {
		const server = this.server;
		if (!server || server.exitCode !== null) return;
		const exited = new Promise((resolve) => server.once('exit', resolve));
		server.kill('SIGTERM');
		const timer = setTimeout(() => server.kill('SIGKILL'), 30_000);
		await exited;
		clearTimeout(timer);
	}

	/** Sets up the owner on first start (a fresh instance has none), then logs in. */
	private async login() {
		const setup = await this.request('POST', '/rest/owner/setup', OWNER, { allowError: true });
		if (setup.status >= 400) {
			const login = await this.request('POST', '/rest/login', {
				emailOrLdapLoginId: OWNER.email,
				password: OWNER.password,
			});
			if (login.status >= 400) throw new Error(`n8n login failed: ${JSON.stringify(login.body)}`);
		}
	}

	async request(method: string, route: string, body?: unknown, { allowError = false } = {}) {
		const response = await fetch(`${this.baseUrl}${route}`, {
			method,
			headers: {
				'content-type': 'application/json',
				'browser-id': BROWSER_ID,
				...(this.cookie ? { cookie: this.cookie } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
			// A hung call fails the step that made it instead of the whole suite's time.
			signal: AbortSignal.timeout(2 * 60_000),
		});
		const setCookie = response.headers
			.getSetCookie()
			.find((cookie) => cookie.startsWith('n8n-auth='));
		if (setCookie) this.cookie = setCookie.split(';')[0];
		const text = await response.text();
		let parsed: unknown = text;
		try {
			parsed = JSON.parse(text);
		} catch {
			// not JSON: keep the text for the error message
		}
		if (response.status >= 400 && !allowError)
			throw new Error(`n8n ${method} ${route} → ${response.status}: ${text.slice(0, 500)}`);
		return {
			status: response.status,
			body: parsed as { data?: unknown } & Record<string, unknown>,
		};
	}

	/** Node and credential type names n8n lists (what the editor's node panel and credential picker offer). */
	async listedTypes() {
		const nodes = (await this.request('GET', '/types/nodes.json')).body as unknown as Array<{
			name: string;
		}>;
		const credentials = (await this.request('GET', '/types/credentials.json'))
			.body as unknown as Array<{ name: string }>;
		return {
			nodes: nodes.map((node) => node.name),
			credentials: credentials.map((credential) => credential.name),
		};
	}

	async activate(workflowId: string) {
		const workflow = (await this.request('GET', `/rest/workflows/${workflowId}`)).body.data as {
			versionId: string;
		};
		await this.request('POST', `/rest/workflows/${workflowId}/activate`, {
			versionId: workflow.versionId,
		});
	}

	/**
	 * Whether n8n serves a POST webhook at `url` yet. n8n 2.x publishes activations through an outbox, so a webhook goes
	 * live a moment after the activate call returns. A GET probe never starts a run: n8n answers "not registered for
	 * GET … did you mean POST" once the POST route exists, and "not registered" before.
	 */
	async webhookLive(url: string) {
		const response = await fetch(url, { method: 'GET' });
		const text = await response.text();
		return !(response.status === 404 && !/Did you mean to make a POST request/.test(text));
	}

	/** n8n's publication status of a workflow: 'in_progress' while the outbox applies an (de)activation. */
	async publicationStatus(workflowId: string): Promise<string> {
		const body = (await this.request('GET', `/rest/workflows/${workflowId}/publication-status`))
			.body;
		return ((body.data ?? body) as { status: string }).status;
	}

	async deactivate(workflowId: string) {
		await this.request('POST', `/rest/workflows/${workflowId}/deactivate`, {});
	}

	async executions(workflowId: string): Promise<Execution[]> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const body = (await this.request('GET', `/rest/executions?filter=${filter}&limit=100`)).body
			.data as { results: Execution[] };
		return body.results;
	}

	/** How many executions of a workflow have one of `statuses` (the count the editor's executions list shows). */
	async countExecutions(workflowId: string, statuses: string[]): Promise<number> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId, status: statuses }));
		return (
			(await this.request('GET', `/rest/executions?filter=${filter}&limit=1`)).body.data as {
				count: number;
			}
		).count;
	}

	/** One execution's run data, as the editor opens it (n8n sends it flatted). */
	async executionData(id: string): Promise<IRunExecutionData> {
		const body = (await this.request('GET', `/rest/executions/${id}`)).body.data as {
			data: string;
		};
		return parse(body.data) as IRunExecutionData;
	}

	cleanup() {
		rmSync(this.userFolder, { recursive: true, force: true });
	}
}
