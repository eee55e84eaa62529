/** Bad input never runs anything: one clear line naming what is wrong, exit 2, no stack trace unless --verbose. */
import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import {
	ensureRunnerBuilt,
	fixturePackageDir,
	fixturesDir,
	hasStackTrace,
	runCli,
	runInProcess,
	tempDir,
} from './cli';

let dir: string;
const env = { FIXTURE_URL: 'http://127.0.0.1:9', FIXTURE_KEY: 'secret-key-0d9f2b' };

beforeAll(async () => {
	await ensureRunnerBuilt();
});

beforeEach(() => {
	dir = tempDir();
	copyFileSync(path.join(fixturesDir, 'input-upsert.json'), path.join(dir, 'input-upsert.json'));
	writeFileSync(path.join(dir, 'events.ndjson'), '{"email":"ada@example.com"}\n');
});

const workflow = () => path.join(dir, 'input-upsert.json');
const input = () => path.join(dir, 'events.ndjson');

function credentialsFile(data: Record<string, unknown>, name = 'credentials.json') {
	const file = path.join(dir, name);
	writeFileSync(file, JSON.stringify({ 'Fixture account': data }));
	return file;
}

/** In this process by default (fast); `spawned` runs the real CLI process for the cases that prove the wiring. */
async function expectUsageError(args: string[], message: RegExp | string, spawned = false) {
	const result = spawned ? await runCli(args, { env }) : await runInProcess(args, env);
	expect(result.code).toBe(2);
	const lines = result.stderr.trim().split('\n');
	expect(lines).toHaveLength(1);
	expect(lines[0]).toMatch(
		typeof message === 'string'
			? new RegExp(`^ats-sync: error: ${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)
			: message,
	);
	expect(hasStackTrace(result.stderr)).toBe(false);
	expect(result.stdout + result.stderr).not.toContain(env.FIXTURE_KEY);
	return result;
}

describe('ats-sync bad input', () => {
	it('malformed workflow JSON', async () => {
		writeFileSync(workflow(), '{"nodes": [ {"name": "A",, } ]}');
		await expectUsageError(
			['run', workflow(), '--input', input()],
			/^ats-sync: error: Workflow file .*input-upsert\.json is not valid JSON: /,
		);
	});

	it('unknown node type names the node and the package to install', async () => {
		writeFileSync(
			workflow(),
			JSON.stringify({
				nodes: [{ name: 'Set', type: 'n8n-nodes-base.set', typeVersion: 3, parameters: {} }],
				connections: {},
			}),
		);
		await expectUsageError(
			['run', workflow(), '--input', input()],
			'Node "Set" has type "n8n-nodes-base.set" from package "n8n-nodes-base", which is not loaded: install it and pass --nodes n8n-nodes-base',
			true,
		);
	});

	it('a workflow of a --nodes package without that package', async () => {
		await expectUsageError(
			['run', workflow(), '--input', input()],
			/Node "Route" has type "n8n-nodes-runner-fixtures\.fixtureRoute" from package "n8n-nodes-runner-fixtures", which is not loaded: install it and pass --nodes n8n-nodes-runner-fixtures/,
		);
	});

	it('a node whose file fails to load, and a node that cannot run headless', async () => {
		writeFileSync(
			workflow(),
			JSON.stringify({
				nodes: [
					{ name: 'Broken', type: 'n8n-nodes-runner-fixtures.fixtureBroken', parameters: {} },
					{ name: 'Code', type: 'n8n-nodes-base.code', parameters: {} },
				],
				connections: {},
			}),
		);
		const result = await expectUsageError(
			['run', workflow(), '--nodes', fixturePackageDir, '--input', input()],
			/^ats-sync: error: /,
		);
		expect(result.stderr).toContain(
			`Node "Broken" has type "n8n-nodes-runner-fixtures.fixtureBroken" from package "n8n-nodes-runner-fixtures", which failed to load: FixtureBroken.node.js: Cannot find module 'a-module-that-is-not-installed'`,
		);
		expect(result.stderr).toContain(
			`Node "Code" (n8n-nodes-base.code) cannot run in ats-sync: the Code node runs its code in n8n's task runner, which ats-sync does not have`,
		);
	});

	it('missing credential', async () => {
		await expectUsageError(
			['run', workflow(), '--nodes', fixturePackageDir, '--input', input()],
			'Credential "Fixture account" (fixtureApi, used by node "Upsert") is missing: add "Fixture account" to the credentials file, or set ATS_SYNC_CRED_FIXTURE_ACCOUNT_<FIELD> environment variables',
		);
	});

	it('bad credential fields: wrong option, wrong type, missing required, unknown field — named, values not shown', async () => {
		const file = credentialsFile({
			baseUrl: 'http://127.0.0.1:9',
			apiKey: '',
			region: 'mars',
			timeoutMs: 'soon',
			apiKye: 'secret-key-0d9f2b',
		});
		const result = await expectUsageError(
			['run', workflow(), '--nodes', fixturePackageDir, '--input', input(), '--credentials', file],
			/^ats-sync: error: /,
			true,
		);
		expect(result.stderr).toContain(
			'Credential "Fixture account" (fixtureApi, used by node "Upsert"): field "apiKey" (API Key) is required but missing',
		);
		expect(result.stderr).toContain('field "region" must be one of "us", "eu"');
		expect(result.stderr).toContain('field "timeoutMs" must be a number');
		expect(result.stderr).toContain(
			'field "apiKye" is not a field of fixtureApi (its fields: baseUrl, apiKey, region, timeoutMs)',
		);
	});

	it('a ${VAR} reference to an unset environment variable names the variable', async () => {
		const file = path.join(dir, 'credentials.yaml');
		writeFileSync(
			file,
			'Fixture account:\n  baseUrl: http://127.0.0.1:9\n  apiKey: ${MISSING_FIXTURE_KEY}\n',
		);
		await expectUsageError(
			['run', workflow(), '--nodes', fixturePackageDir, '--input', input(), '--credentials', file],
			'Credentials file credentials.yaml: credential "Fixture account" field.apiKey references ${MISSING_FIXTURE_KEY}, but the environment variable MISSING_FIXTURE_KEY is not set',
		);
	});

	it('missing --input file', async () => {
		const file = credentialsFile({ baseUrl: 'http://127.0.0.1:9', apiKey: '${FIXTURE_KEY}' });
		await expectUsageError(
			[
				'run',
				workflow(),
				'--nodes',
				fixturePackageDir,
				'--input',
				path.join(dir, 'nope.ndjson'),
				'--credentials',
				file,
			],
			/^ats-sync: error: Input file .*nope\.ndjson does not exist$/,
		);
	});

	it('an input file without one valid line names each broken line (one broken line among good ones: test/bad-input)', async () => {
		const file = credentialsFile({ baseUrl: 'http://127.0.0.1:9', apiKey: '${FIXTURE_KEY}' });
		writeFileSync(input(), '{"email": oops}\n\n["ada@example.com"]\n');
		await expectUsageError(
			['run', workflow(), '--nodes', fixturePackageDir, '--input', input(), '--credentials', file],
			/events\.ndjson line 1 is not valid JSON: .*; Input .*events\.ndjson line 3 is not a JSON object/,
		);
	});

	it('unknown option and unknown command are usage errors', async () => {
		await expectUsageError(
			['run', workflow(), '--frobnicate'],
			/^ats-sync: error: Unknown option '--frobnicate'.*\(see ats-sync --help\)$/,
		);
		await expectUsageError(
			['deploy', workflow()],
			'Unknown command "deploy": use run, serve, inbox, deregister, validate or n8n-setup (see ats-sync --help)',
		);
	});

	it('--verbose adds the stack trace', async () => {
		const result = await runCli(['run', path.join(dir, 'missing.json'), '--verbose'], { env });
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(
			/^ats-sync: error: Workflow file .*missing\.json does not exist$/m,
		);
		expect(hasStackTrace(result.stderr)).toBe(true);
	});
});

describe('ats-sync validate', () => {
	it('reports each file: valid ones, and every problem of the invalid ones; exit 2 if any is invalid', async () => {
		const good = workflow();
		const bad = path.join(dir, 'bad.json');
		writeFileSync(
			bad,
			JSON.stringify({
				nodes: [
					{ name: 'Route', type: 'n8n-nodes-runner-fixtures.fixtureRoute', parameters: {} },
					{
						name: 'Upsert',
						type: 'n8n-nodes-runner-fixtures.fixtureUpsert',
						parameters: { email: '={{ $json.email }}' },
					},
				],
				connections: { Route: { main: [[{ node: 'Upsert', type: 'main', index: 0 }]] } },
			}),
		);
		const file = credentialsFile({ baseUrl: 'http://127.0.0.1:9', apiKey: '${FIXTURE_KEY}' });
		const result = await runInProcess(
			['validate', good, bad, '--nodes', fixturePackageDir, '--credentials', file],
			env,
		);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain(`ats-sync: ${good}: valid`);
		expect(result.stderr).toMatch(
			new RegExp(`ats-sync: ${bad.replace(/[.]/g, '\\.')}: Node "Route": .*Value`),
		);
		expect(result.stderr).toContain(
			`ats-sync: ${bad}: Node "Upsert" needs a credential of type "fixtureApi", but none is set in the workflow`,
		);

		const onlyGood = await runInProcess(
			['validate', good, '--nodes', fixturePackageDir, '--credentials', file, '--json'],
			env,
		);
		expect(onlyGood.code).toBe(0);
		expect(JSON.parse(onlyGood.stdout.trim())).toEqual({
			event: 'validated',
			file: good,
			valid: true,
			problems: [],
			hostAccess: [],
		});
	});
});
