/**
 * Cron safety: a second run of the same workflow is refused (or waits) while one holds the state lock, and a run
 * killed mid-batch leaves neither duplicates nor gaps after the rerun (upsert by email + cursor saved on success).
 */
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import type { FixtureServer } from './fixtureServer';
import { startFixtureServer } from './fixtureServer';
import {
	ensureRunnerBuilt,
	fixturePackageDir,
	fixturesDir,
	runCli,
	tempDir,
	waitFor,
	writeFixtureCredentials,
} from './cli';

let server: FixtureServer;
let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
	await ensureRunnerBuilt();
	server = await startFixtureServer();
	// A killed run's lock turns stale after 2 s instead of 10 s, to keep the rerun quick.
	env = { FIXTURE_URL: server.url, FIXTURE_KEY: server.apiKey, ATS_SYNC_LOCK_STALE_MS: '2000' };
});

afterAll(async () => {
	await server.close();
});

beforeEach(() => {
	server.source.length = 0;
	server.candidates.length = 0;
	server.writes.length = 0;
	server.onWrite = undefined;
	dir = tempDir();
	for (const name of ['poll-route-upsert.json', 'input-upsert.json'])
		copyFileSync(path.join(fixturesDir, name), path.join(dir, name));
});

describe('state lock', () => {
	it('refuses a second overlapping run with exit 2, and --wait-lock waits for the first', async () => {
		const credentials = writeFixtureCredentials(dir);
		const input = path.join(dir, 'events.ndjson');
		writeFileSync(input, '{"email":"ada@example.com","name":"Ada"}\n');
		let release!: () => void;
		const gate = new Promise<void>((resolve) => (release = resolve));
		server.onWrite = async () => await gate;
		const args = [
			'run',
			path.join(dir, 'input-upsert.json'),
			'--credentials',
			credentials,
			'--nodes',
			fixturePackageDir,
			'--input',
			input,
		];

		const first = runCli(args, { env });
		await waitFor(() => server.writes.length === 1, 'the first run to write');
		const refused = await runCli(args, { env });
		expect(refused.code).toBe(2);
		expect(refused.stderr.trim()).toMatch(
			/^ats-sync: error: Another ats-sync run holds the lock on .*input-upsert\.state\.json.*Use --wait-lock to wait for it$/,
		);

		let isWaiting = false;
		const waiting = runCli([...args, '--wait-lock'], {
			env,
			onSpawn: (child) =>
				child.stderr?.on(
					'data',
					(chunk: Buffer) => (isWaiting ||= chunk.toString().includes('waiting for another run')),
				),
		});
		await waitFor(() => isWaiting, 'the third run to wait for the lock');
		expect(server.writes).toHaveLength(1);
		release();
		server.onWrite = undefined;
		expect((await first).code).toBe(0);
		expect((await waiting).code).toBe(0);
		expect(server.candidates).toHaveLength(1);
		expect(server.writes.map((w) => w.method)).toEqual(['POST', 'PUT']);
	});
});

describe('interrupted run', () => {
	it('a run killed after 5 writes, then rerun, leaves every record exactly once', async () => {
		const credentials = writeFixtureCredentials(dir);
		const emails = Array.from({ length: 12 }, (_, i) => `person${i + 1}@example.com`);
		server.source.push(
			...emails.map((email, i) => ({ seq: i + 1, email, first: `P${i + 1}`, last: 'X' })),
		);
		let child: ChildProcess | undefined;
		server.onWrite = (_write, count) => {
			// The 5th write is applied on the server, but the runner dies before it hears back.
			if (count === 5) child?.kill('SIGKILL');
		};
		const args = [
			'run',
			path.join(dir, 'poll-route-upsert.json'),
			'--credentials',
			credentials,
			'--nodes',
			fixturePackageDir,
		];

		const killed = await runCli(args, { env, onSpawn: (spawned) => (child = spawned) });
		expect(killed.signal).toBe('SIGKILL');
		expect(server.candidates).toHaveLength(5);
		expect(existsSync(path.join(dir, 'poll-route-upsert.state.json'))).toBe(false);
		server.onWrite = undefined;

		const rerun = await runCli([...args, '--wait-lock'], { env });
		expect(rerun.stderr).toContain('success');
		expect(rerun.code).toBe(0);
		const created = server.candidates.map((c) => c.email);
		expect(created.sort()).toEqual([...emails].sort());
		expect(new Set(created).size).toBe(created.length);
	});
});
