/**
 * Running the shipped recipe files, unchanged, in the real `ats-sync` CLI against the simulators.
 * The CLI loads both node packages from their dist/ (as installed packages are loaded), so they must be built
 * first: `npm test` builds before jest; when running this folder alone, run `npm run build` once.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import type { CliResult } from '../runner/cli';
import { ensureRunnerBuilt, repoRoot, runCli, tempDir, watchForSecrets } from '../runner/cli';

export const recipesDir = path.join(repoRoot, 'recipes');
/** A shipped recipe by file name, or any workflow file by absolute path (e.g. a test's edited copy). */
export const recipeFile = (name: string) => (path.isAbsolute(name) ? name : path.join(recipesDir, name));

export interface NodePackage {
	dir: string;
	name: string;
	n8n: { nodes: string[]; credentials: string[] };
}

/** The repository's two node packages, which the recipes use together: the ATS nodes (root) and the toolkit. */
export const nodePackages = (): NodePackage[] =>
	[repoRoot, path.join(repoRoot, 'packages', 'toolkit')].map((dir) => ({
		dir,
		...(JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Omit<NodePackage, 'dir'>),
	}));

/**
 * Fails with what to do when dist/ lacks a node or credential file the manifest lists. (Whether dist is current is
 * not checked: tsc's incremental build leaves unchanged outputs untouched, so file times cannot tell.)
 */
export async function ensureBuilt() {
	await ensureRunnerBuilt();
	const missing = nodePackages().flatMap(({ dir, n8n }) =>
		[...n8n.nodes, ...n8n.credentials].map((file) => path.join(dir, file)).filter((file) => !existsSync(file)),
	);
	if (missing.length > 0) throw new Error(`Build the package first (npm run build): dist lacks ${missing.join(', ')}`);
}

export interface RecipeRun extends CliResult {
	summary: RunSummaryJson;
	failedItems: Array<{ node: string; inputItem?: number; message: string }>;
}

export interface RunSummaryJson {
	status: string;
	trigger: string;
	nodes: Array<{ node: string; itemsIn: number; itemsOut: number; itemsPerOutput: number[]; errors: number }>;
	failedItems: Array<{ node: string; inputItem?: number; message: string }>;
	stateSaved: boolean;
	batches: number;
}

/** `ats-sync run <recipe> --json …`; the summary event is parsed from stdout. */
export async function runRecipe(recipe: string, args: string[]): Promise<RecipeRun> {
	const result = await runCli(['run', recipeFile(recipe), '--json', ...args]);
	const events = result.stdout
		.split('\n')
		.filter((line) => line.startsWith('{'))
		.map((line) => JSON.parse(line) as { event: string } & Record<string, unknown>);
	const summary = events.find((event) => event.event === 'summary') as unknown as RunSummaryJson | undefined;
	if (!summary) throw new Error(`ats-sync produced no summary (exit ${result.code}): ${result.stderr}`);
	return { ...result, summary, failedItems: summary.failedItems };
}

/** Items per output of one node in a run's summary, e.g. [mapped, unmapped]. */
export function outputsOf(run: RecipeRun, node: string): number[] {
	const found = run.summary.nodes.find((entry) => entry.node === node);
	if (!found) throw new Error(`Node "${node}" did not run (ran: ${run.summary.nodes.map((entry) => entry.node).join(', ')})`);
	return found.itemsPerOutput;
}

export function writeJson(dir: string, name: string, value: unknown): string {
	const file = path.join(dir, name);
	writeFileSync(file, JSON.stringify(value, null, 2));
	return file;
}

export function writeNdjson(dir: string, name: string, events: unknown[]): string {
	const file = path.join(dir, name);
	writeFileSync(file, events.map((event) => JSON.stringify(event)).join('\n') + '\n');
	return file;
}

export { tempDir };

/** A tiny file host for CVs and interview reports the recipes download (port 0: a free one). */
export async function startFileServer(files: Record<string, { type: string; body: string }>, port = 0) {
	const server = http.createServer((req, res) => {
		const file = files[(req.url ?? '').split('?')[0]];
		if (file) res.writeHead(200, { 'content-type': file.type }).end(file.body);
		else res.writeHead(404).end();
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return { baseUrl, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export interface ServingRecipe {
	/** Everything the server wrote to stderr so far. */
	stderr(): string;
	/** The URL a webhook trigger node listens at, as `serve` announced it. */
	urlOf(nodeName: string): string;
	/** Resolves once stderr matches `pattern` `times` times (e.g. the second run summary). */
	waitFor(pattern: RegExp, times?: number): Promise<void>;
	/** SIGTERM: the run in progress finishes, the rest stays in the inbox; resolves with the exit code. */
	stop(): Promise<number | null>;
	/** SIGKILL; resolves once the process is gone. */
	kill(): Promise<void>;
	/** Resolves with the exit code when the process ends. */
	exited: Promise<number | null>;
}

/**
 * `ats-sync serve <recipe> --port 0 …` until it says it is serving (a `--port` in `args` wins). `env` is added to
 * this process's environment (e.g. ATS_SYNC_CRASH_AT for the crash suite).
 */
export async function serveRecipe(recipe: string, args: string[], options: { env?: NodeJS.ProcessEnv } = {}): Promise<ServingRecipe> {
	const { spawn } = await import('node:child_process');
	const cliArgs = ['serve', recipeFile(recipe), ...(args.includes('--port') ? [] : ['--port', '0']), ...args];
	const recordResult = watchForSecrets(cliArgs, options.env);
	const child = spawn(process.execPath, [path.join(repoRoot, 'runner', 'bin', 'ats-sync.js'), ...cliArgs], {
		cwd: repoRoot,
		env: { ...process.env, ...options.env },
		stdio: ['ignore', 'ignore', 'pipe'],
	});
	let stderr = '';
	const waiters: Array<() => void> = [];
	child.stderr.on('data', (chunk: Buffer) => {
		stderr += chunk.toString();
		for (const check of [...waiters]) check();
	});
	const exited = new Promise<number | null>((resolve) =>
		child.on('close', (code) => {
			recordResult({ stderr });
			resolve(code);
		}),
	);
	const waitFor = (pattern: RegExp, times = 1) =>
		new Promise<void>((resolve, reject) => {
			const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
			const check = () => {
				if ((stderr.match(global) ?? []).length >= times) {
					waiters.splice(waiters.indexOf(check), 1);
					resolve();
				}
			};
			waiters.push(check);
			void exited.then(() => reject(new Error(`ats-sync serve exited before ${pattern} (stderr: ${stderr})`)));
			check();
		});
	await waitFor(/serving http/);
	return {
		stderr: () => stderr,
		urlOf: (nodeName) => {
			const found = new RegExp(`"${nodeName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" listens at POST (\\S+)`).exec(stderr)?.[1];
			if (!found) throw new Error(`"${nodeName}" is not served (stderr: ${stderr})`);
			return found;
		},
		waitFor,
		stop: async () => {
			child.kill('SIGTERM');
			return await exited;
		},
		kill: async () => {
			child.kill('SIGKILL');
			await exited;
		},
		exited,
	};
}

/** POSTs a JSON body signed like an outreach tool / interview platform does (`x-signature: sha256=<hmac>`). */
export async function postSigned(url: string, secret: string, body: unknown): Promise<{ status: number; body: unknown }> {
	const { createHmac } = await import('node:crypto');
	const raw = JSON.stringify(body);
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'x-signature': `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}` },
		body: raw,
	});
	return { status: response.status, body: (await response.json().catch(() => undefined)) as unknown };
}

/** A stand-in for an interview platform's status endpoint: records each POST (idempotency key, auth, JSON body). */
export async function startReceiver(port = 0) {
	const received: Array<{ key: unknown; auth: unknown; body: unknown }> = [];
	const server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (chunk: Buffer) => (body += chunk.toString()));
		req.on('end', () => {
			received.push({ key: req.headers['idempotency-key'], auth: req.headers.authorization, body: JSON.parse(body) as unknown });
			res.writeHead(202, { 'content-type': 'application/json' }).end('{"accepted":true}');
		});
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/ats-status`;
	return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export type RecipeWorkflow = { nodes: Array<{ name: string; type: string; parameters: Record<string, unknown>; credentials?: Record<string, { id: string | null; name: string }>; webhookId?: string }> } &
	Record<string, unknown>;

/** A shipped recipe with one node parameter changed (the URL of a system only the ops person knows). */
export function editedRecipe(recipe: string, nodeName: string, parameter: string, value: unknown): RecipeWorkflow {
	const workflow = JSON.parse(readFileSync(recipeFile(recipe), 'utf8')) as RecipeWorkflow;
	const node = workflow.nodes.find((candidate) => candidate.name === nodeName);
	if (!node) throw new Error(`${recipe} has no node "${nodeName}"`);
	node.parameters[parameter] = value;
	return workflow;
}

/** editedRecipe, written to `dir`; returns the file. */
export function recipeWith(dir: string, recipe: string, nodeName: string, parameter: string, value: unknown): string {
	return writeJson(dir, recipe, editedRecipe(recipe, nodeName, parameter, value));
}

/**
 * The tests' CV and report servers listen on loopback, which Download File refuses unless told otherwise (recipes
 * ship with private addresses refused). This turns on "Allow Private Network Addresses" in every Download File
 * node of `workflow` (a shipped recipe's name or a workflow object), as an ops person with an on-premises file
 * server would; nothing else changes.
 */
export function allowingLocalFiles(workflow: string | RecipeWorkflow): RecipeWorkflow {
	const copy = (typeof workflow === 'string' ? JSON.parse(readFileSync(recipeFile(workflow), 'utf8')) : structuredClone(workflow)) as RecipeWorkflow;
	for (const node of copy.nodes.filter((candidate) => candidate.type.endsWith('.downloadFile'))) {
		node.parameters.options = { ...(node.parameters.options as object | undefined), allowPrivateNetwork: true };
	}
	return copy;
}

/** A shipped recipe with local file servers allowed (see allowingLocalFiles), written to `dir`; returns the file. */
export function recipeWithLocalFiles(dir: string, recipe: string): string {
	return writeJson(dir, path.basename(recipe), allowingLocalFiles(recipe));
}
