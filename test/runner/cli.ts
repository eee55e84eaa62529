/** Spawning the real `ats-sync` CLI in tests (built from runner/src when runner/dist is stale). */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { build } from 'esbuild';
import lockfile from 'proper-lockfile';

import { inboxPathFor } from '../../runner/src/serve/inbox';
import {
	recordOutput,
	recordStateFile,
	registerCredentialsFile,
	registerEnvironmentSecrets,
} from '../secrets/record';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const fixturesDir = path.join(__dirname, 'fixtures');
export const fixturePackageDir = path.join(fixturesDir, 'n8n-nodes-runner-fixtures');
const bin = path.join(repoRoot, 'runner', 'bin', 'ats-sync.js');

/** The newest modification time of any file under dir, at any depth (a directory's own changes only on renames). */
function newestMtime(dir: string): number {
	return Math.max(
		0,
		...readdirSync(dir, { recursive: true, encoding: 'utf8' }).map(
			(name) => statSync(path.join(dir, name)).mtimeMs,
		),
	);
}

/** Compiles runner/ unless dist is newer than every source file; one compile even with parallel jest workers. */
export async function ensureRunnerBuilt() {
	const release = await lockfile.lock(path.join(repoRoot, 'runner', 'tsconfig.json'), {
		retries: { retries: 120, minTimeout: 500, maxTimeout: 1000 },
		stale: 60_000,
	});
	try {
		const distCli = path.join(repoRoot, 'runner', 'dist', 'cli.js');
		let built = 0;
		try {
			built = statSync(distCli).mtimeMs;
		} catch {
			// not built yet
		}
		if (built < newestMtime(path.join(repoRoot, 'runner', 'src'))) {
			execFileSync(
				process.execPath,
				[
					path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'),
					'-p',
					path.join(repoRoot, 'runner', 'tsconfig.json'),
				],
				{ stdio: 'pipe' },
			);
		}
	} finally {
		await release();
	}
}

export interface CliResult {
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
}

export interface CliOptions {
	env?: NodeJS.ProcessEnv;
	cwd?: string;
	/** Called with the child right after it started (e.g. to kill it later). */
	onSpawn?: (child: import('node:child_process').ChildProcess) => void;
	/** Resolve once stderr contains this text (for `serve`), leaving the process running. */
	until?: RegExp;
}

/** The value of `--<name> <value>` in CLI arguments. */
const optionValue = (args: string[], name: string) => {
	const index = args.indexOf(`--${name}`);
	return index >= 0 ? args[index + 1] : undefined;
};

/**
 * The state a command keeps: the state file of `run` (--state, else `<workflow>.state.json` beside the workflow, as
 * runner/src/state.ts), and for `serve` and `deregister` also its inbox database and write-ahead log beside it.
 */
function stateFilesOf(args: string[], cwd: string): string[] {
	if (!['run', 'serve', 'deregister'].includes(args[0])) return [];
	const explicit = optionValue(args, 'state');
	const workflow = args[1];
	const stateFile = explicit
		? path.resolve(cwd, explicit)
		: workflow && !workflow.startsWith('--')
			? path.resolve(cwd, workflow.replace(/\.json$/i, '') + '.state.json')
			: undefined;
	if (!stateFile) return [];
	if (args[0] === 'run') return [stateFile];
	const inbox = inboxPathFor(stateFile);
	return [stateFile, inbox, `${inbox}-wal`];
}

/**
 * For the secrets scan (test/secrets/): the secrets a CLI call is given (credentials file, environment) before it
 * starts, and what it printed and its state file after it ends.
 */
export function watchForSecrets(
	args: string[],
	env: NodeJS.ProcessEnv | undefined,
	cwd = repoRoot,
) {
	const credentials = optionValue(args, 'credentials');
	if (credentials) registerCredentialsFile(path.resolve(cwd, credentials));
	registerEnvironmentSecrets(env);
	return (output: { stdout?: string; stderr: string }) => {
		recordOutput(
			`ats-sync ${args.join(' ')}`,
			[output.stdout, output.stderr].filter(Boolean).join('\n'),
		);
		for (const file of stateFilesOf(args, cwd)) recordStateFile(file);
	};
}

/** Runs `ats-sync <args>` to completion (or until `until` matches stderr). */
export function runCli(
	args: string[],
	options: CliOptions = {},
): Promise<CliResult & { child: import('node:child_process').ChildProcess }> {
	const recordResult = watchForSecrets(args, options.env, options.cwd ?? repoRoot);
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [bin, ...args], {
			cwd: options.cwd ?? repoRoot,
			env: { ...process.env, ...options.env },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		options.onSpawn?.(child);
		let stdout = '';
		let stderr = '';
		let settled = false;
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => {
			stderr += chunk.toString();
			if (!settled && options.until?.test(stderr)) {
				settled = true;
				resolve({ code: null, signal: null, stdout, stderr, child });
			}
		});
		child.on('error', reject);
		child.on('close', (code, signal) => {
			recordResult({ stdout, stderr });
			if (!settled) resolve({ code, signal, stdout, stderr, child });
			settled = true;
		});
	});
}

export function tempDir(prefix = 'ats-sync-test-'): string {
	return mkdtempSync(path.join(tmpdir(), prefix));
}

/** A credentials file for the fixture service that reads its values from the environment (${VAR} references). */
export function writeFixtureCredentials(dir: string, extra: Record<string, unknown> = {}): string {
	const file = path.join(dir, 'credentials.json');
	writeFileSync(
		file,
		JSON.stringify({
			'Fixture account': {
				type: 'fixtureApi',
				data: { baseUrl: '${FIXTURE_URL}', apiKey: '${FIXTURE_KEY}', ...extra },
			},
		}),
	);
	return file;
}

/** No line looks like a stack frame. */
export const hasStackTrace = (text: string) =>
	/^\s+at .+\(.+:\d+:\d+\)$/m.test(text) || /^\s+at .+:\d+:\d+$/m.test(text);

/** Runs the CLI's `main` in this process (no Node start-up, n8n-core loaded once): for the many quick error cases. */
export async function runInProcess(
	args: string[],
	env: NodeJS.ProcessEnv = {},
): Promise<CliResult> {
	const { Writable } = await import('node:stream');
	const { main } = await import('../../runner/src/cli');
	let stdout = '';
	let stderr = '';
	const sink = (append: (text: string) => void) =>
		new Writable({
			write(chunk: Buffer, _encoding, done) {
				append(chunk.toString());
				done();
			},
		});
	const saved = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
	Object.assign(process.env, env);
	const recordResult = watchForSecrets(args, env);
	try {
		const code = await main(args, {
			stdout: sink((text) => (stdout += text)),
			stderr: sink((text) => (stderr += text)),
		});
		return { code, signal: null, stdout, stderr };
	} finally {
		recordResult({ stdout, stderr });
		for (const [name, value] of Object.entries(saved)) {
			if (value === undefined) delete process.env[name];
			else process.env[name] = value;
		}
	}
}

/** What n8n provides to node code at runtime; everything else is bundled into the built file. */
const N8N_PROVIDED = ['n8n-workflow', 'zod', 'crypto', 'lodash', 'luxon', 'moment', 'p-limit'];

/**
 * Some of this package's nodes and credentials compiled from the current sources into a package folder named
 * n8n-nodes-ats-sync, so a test does not depend on a fresh `npm run build`; passed with --nodes it replaces the
 * installed package. The spawned CLI needs NODE_PATH=<repo>/node_modules to find n8n-workflow from there.
 */
export async function buildPackageFromSources(
	dir: string,
	files: { nodes: string[]; credentials: string[] },
) {
	for (const file of [...files.nodes, ...files.credentials]) {
		await build({
			entryPoints: [path.join(repoRoot, `${file}.ts`)],
			outfile: path.join(dir, 'dist', `${file}.js`),
			bundle: true,
			platform: 'node',
			format: 'cjs',
			target: 'node20',
			external: N8N_PROVIDED.flatMap((name) => [name, `${name}/*`]),
			logLevel: 'error',
		});
	}
	writeFileSync(
		path.join(dir, 'package.json'),
		JSON.stringify({
			name: 'n8n-nodes-ats-sync',
			n8n: {
				nodes: files.nodes.map((f) => `dist/${f}.js`),
				credentials: files.credentials.map((f) => `dist/${f}.js`),
			},
		}),
	);
}

/** Polls `condition` until it holds (a generous bound for loaded CI machines; not a timing assertion). */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 30_000) {
	const deadline = Date.now() + timeoutMs;
	while (!condition() && Date.now() < deadline)
		await new Promise((resolve) => setTimeout(resolve, 25));
	if (!condition()) throw new Error(`timed out waiting for ${what}`);
}
