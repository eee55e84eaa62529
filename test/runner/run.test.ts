/**
 * `ats-sync run` end to end: the real CLI process, the fixture node package loaded with --nodes, and a local
 * records service whose state the assertions read.
 */
import {
	existsSync,
	readFileSync,
	symlinkSync,
	mkdirSync,
	writeFileSync,
	copyFileSync,
} from 'node:fs';
import path from 'node:path';

import type { FixtureServer } from './fixtureServer';
import { startFixtureServer } from './fixtureServer';
import {
	ensureRunnerBuilt,
	fixturePackageDir,
	fixturesDir,
	runCli,
	tempDir,
	writeFixtureCredentials,
} from './cli';

let server: FixtureServer;
let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
	await ensureRunnerBuilt();
	server = await startFixtureServer();
	env = { FIXTURE_URL: server.url, FIXTURE_KEY: server.apiKey };
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

const workflow = (name: string) => path.join(dir, name);
const nodes = ['--nodes', fixturePackageDir];

function jsonLines(stdout: string): Array<Record<string, any>> {
	return stdout
		.split('\n')
		.filter((line) => line.trim() !== '')
		.map((line) => JSON.parse(line) as Record<string, any>);
}

function expectNoSecret(...outputs: string[]) {
	for (const output of outputs) expect(output).not.toContain(server.apiKey);
}

const person = (seq: number, email: string) => ({
	seq,
	email,
	first: `First${seq}`,
	last: `Last${seq}`,
});

describe('ats-sync run', () => {
	it('polls once per run and persists the cursor between runs', async () => {
		const credentials = writeFixtureCredentials(dir);
		server.source.push(person(1, 'ada@example.com'), person(2, 'grace@example.com'));

		const first = await runCli(
			['run', workflow('poll-route-upsert.json'), '--credentials', credentials, ...nodes],
			{ env },
		);
		expect(first.stderr).toContain('success');
		expect(first.code).toBe(0);
		expect(server.candidates.map((c) => c.email)).toEqual(['ada@example.com', 'grace@example.com']);
		const statePath = workflow('poll-route-upsert.state.json');
		expect(JSON.parse(readFileSync(statePath, 'utf8')).staticData).toEqual({
			'node:Poll': { cursor: 2 },
		});

		server.source.push(person(3, 'linus@example.com'));
		const second = await runCli(
			['run', workflow('poll-route-upsert.json'), '--credentials', credentials, ...nodes, '--json'],
			{ env },
		);
		expect(second.code).toBe(0);
		const summary = jsonLines(second.stdout).find((line) => line.event === 'summary')!;
		expect(summary.nodes.find((n: { node: string }) => n.node === 'Poll').itemsOut).toBe(1);
		expect(server.candidates.map((c) => c.email)).toEqual([
			'ada@example.com',
			'grace@example.com',
			'linus@example.com',
		]);
		expect(server.writes.filter((w) => w.method === 'POST')).toHaveLength(3);
		expect(JSON.parse(readFileSync(statePath, 'utf8')).staticData).toEqual({
			'node:Poll': { cursor: 3 },
		});

		const third = await runCli(
			['run', workflow('poll-route-upsert.json'), '--credentials', credentials, ...nodes],
			{ env },
		);
		expect(third.code).toBe(0);
		expect(third.stderr).toContain('no new data');
		expect(server.writes).toHaveLength(3);
		expectNoSecret(first.stdout, first.stderr, second.stdout, second.stderr);
	});

	it('runs expressions, a two-output branch and continueOnFail; failed items are reported, exit 1, cursor kept', async () => {
		const credentials = writeFixtureCredentials(dir);
		server.source.push(
			person(1, 'Ada@Example.com'),
			person(2, 'not-an-email'),
			person(3, 'bob@blocked.example'),
			person(4, 'grace@example.com'),
		);

		const result = await runCli(
			[
				'run',
				workflow('poll-route-upsert.json'),
				'--credentials',
				credentials,
				...nodes,
				'--json',
				'--verbose',
			],
			{ env },
		);
		expect(result.code).toBe(1);
		const lines = jsonLines(result.stdout);
		const summary = lines.find((line) => line.event === 'summary')!;
		expect(summary.status).toBe('failed');
		expect(summary.nodes).toEqual([
			{ node: 'Poll', runs: 1, itemsIn: 4, itemsOut: 4, itemsPerOutput: [4], errors: 0 },
			{ node: 'Route', runs: 1, itemsIn: 4, itemsOut: 4, itemsPerOutput: [3, 1], errors: 0 },
			{ node: 'Upsert', runs: 1, itemsIn: 3, itemsOut: 3, itemsPerOutput: [3], errors: 1 },
		]);
		const failed = lines.filter((line) => line.event === 'failedItem');
		expect(failed).toEqual([
			expect.objectContaining({ node: 'Upsert', inputItem: 2, email: 'bob@blocked.example' }),
		]);
		// The expression lower-cases nothing: the node does; the name is built by an expression from two fields.
		expect(server.candidates).toEqual([
			{ id: expect.any(String), email: 'ada@example.com', name: 'First1 Last1' },
			{ id: expect.any(String), email: 'grace@example.com', name: 'First4 Last4' },
		]);
		expect(existsSync(workflow('poll-route-upsert.state.json'))).toBe(false);
		expectNoSecret(result.stdout, result.stderr);

		// The rerun sees the same records again (cursor not advanced) and updates instead of duplicating.
		const rerun = await runCli(
			['run', workflow('poll-route-upsert.json'), '--credentials', credentials, ...nodes],
			{ env },
		);
		expect(rerun.code).toBe(1);
		expect(rerun.stderr).toMatch(/failed: Upsert input item #3 \(bob@blocked\.example\)/);
		expect(server.candidates).toHaveLength(2);
	});

	it('replays --input items (NDJSON and JSON array) and reruns without duplicates', async () => {
		const credentials = writeFixtureCredentials(dir);
		const ndjson = path.join(dir, 'events.ndjson');
		writeFileSync(
			ndjson,
			'{"email":"ada@example.com","name":"Ada"}\n\n{"email":"grace@example.com","name":"Grace"}\n',
		);
		const first = await runCli(
			[
				'run',
				workflow('input-upsert.json'),
				'--credentials',
				credentials,
				...nodes,
				'--input',
				ndjson,
			],
			{ env },
		);
		expect(first.code).toBe(0);
		expect(server.candidates.map((c) => [c.email, c.name])).toEqual([
			['ada@example.com', 'Ada'],
			['grace@example.com', 'Grace'],
		]);

		const array = path.join(dir, 'events.json');
		writeFileSync(
			array,
			JSON.stringify([
				{ email: 'ada@example.com', name: 'Ada Lovelace' },
				{ email: 'grace@example.com', name: 'Grace' },
			]),
		);
		const second = await runCli(
			[
				'run',
				workflow('input-upsert.json'),
				'--credentials',
				credentials,
				...nodes,
				'--input',
				array,
			],
			{ env },
		);
		expect(second.code).toBe(0);
		expect(server.candidates.map((c) => [c.email, c.name])).toEqual([
			['ada@example.com', 'Ada Lovelace'],
			['grace@example.com', 'Grace'],
		]);
		expect(server.writes.map((w) => w.method)).toEqual(['POST', 'POST', 'PUT', 'PUT']);
	});

	it('--dry-run sends no writes, lists the planned ones with secrets masked, and saves no state', async () => {
		const credentials = writeFixtureCredentials(dir);
		server.candidates.push({ id: 'c-old', email: 'ada@example.com', name: 'Ada' });
		server.source.push(person(1, 'ada@example.com'), person(2, 'grace@example.com'));

		const result = await runCli(
			[
				'run',
				workflow('poll-route-upsert.json'),
				'--credentials',
				credentials,
				...nodes,
				'--dry-run',
			],
			{ env },
		);
		expect(result.code).toBe(0);
		expect(server.writes).toEqual([]);
		expect(server.candidates).toEqual([{ id: 'c-old', email: 'ada@example.com', name: 'Ada' }]);
		expect(result.stdout.trim().split('\n')).toEqual([
			`PUT ${server.url}/candidates/c-old {"email":"ada@example.com","name":"First1 Last1"}`,
			`POST ${server.url}/candidates {"email":"grace@example.com","name":"First2 Last2"}`,
		]);
		expect(result.stderr).toContain('2 planned write(s)');
		expect(existsSync(workflow('poll-route-upsert.state.json'))).toBe(false);

		const json = await runCli(
			[
				'run',
				workflow('poll-route-upsert.json'),
				'--credentials',
				credentials,
				...nodes,
				'--dry-run',
				'--json',
			],
			{ env },
		);
		const planned = jsonLines(json.stdout).filter((line) => line.event === 'plannedWrite');
		expect(planned.map((line) => line.method)).toEqual(['PUT', 'POST']);
		expectNoSecret(result.stdout, result.stderr, json.stdout, json.stderr);
	});

	it('takes credentials from environment variables alone, and loads --nodes by package name', async () => {
		// A project folder with the fixture package installed under node_modules, as `npm install` would leave it.
		mkdirSync(path.join(dir, 'node_modules'));
		symlinkSync(
			fixturePackageDir,
			path.join(dir, 'node_modules', 'n8n-nodes-runner-fixtures'),
			'dir',
		);
		const input = path.join(dir, 'events.ndjson');
		writeFileSync(input, '{"email":"ada@example.com","name":"Ada"}\n');
		const result = await runCli(
			['run', 'input-upsert.json', '--nodes', 'n8n-nodes-runner-fixtures', '--input', input],
			{
				cwd: dir,
				env: {
					ATS_SYNC_CRED_FIXTURE_ACCOUNT_BASE_URL: server.url,
					ATS_SYNC_CRED_FIXTURE_ACCOUNT_API_KEY: server.apiKey,
					ATS_SYNC_CRED_FIXTURE_ACCOUNT_TIMEOUT_MS: '5000',
				},
			},
		);
		expect(result.stderr).toContain('success');
		expect(result.code).toBe(0);
		expect(server.candidates.map((c) => c.email)).toEqual(['ada@example.com']);
		expectNoSecret(result.stdout, result.stderr);
	});

	it('never prints a secret, even when the API rejects it with --verbose --json', async () => {
		const credentials = path.join(dir, 'credentials.yaml');
		writeFileSync(
			credentials,
			`Fixture account:\n  type: fixtureApi\n  data:\n    baseUrl: ${server.url}\n    apiKey: wrong-key-8f3a91c2\n`,
		);
		const result = await runCli(
			[
				'run',
				workflow('poll-route-upsert.json'),
				'--credentials',
				credentials,
				...nodes,
				'--verbose',
				'--json',
			],
			{ env },
		);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/ats-sync: error: .*(401|[Aa]uthori[sz]ation)/);
		expect(result.stdout + result.stderr).not.toContain('wrong-key-8f3a91c2');
	});
});
