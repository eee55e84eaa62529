/** The runner's building blocks in-process: input parsing, masking, credential resolution, state file, start node. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import type { IWorkflowBase } from 'n8n-workflow';

import {
	credentialUses,
	resolveCredentials,
	upperSnake,
} from '../../runner/src/credentials/sources';
import { RunnerCredentialsHelper } from '../../runner/src/credentials/helper';
import { UserError } from '../../runner/src/errors';
import { parseInput } from '../../runner/src/input';
import { guardedRegexEngine } from '../../runner/src/n8nServices';
import { loadNodePackages } from '../../runner/src/nodePackages';
import { Masker } from '../../runner/src/secrets';
import { StateFile } from '../../runner/src/state';
import { pickStart } from '../../runner/src/workflow/file';
import { fixturePackageDir, tempDir } from './cli';

const { types } = loadNodePackages([fixturePackageDir]);

describe('node packages', () => {
	it('loads a package with a dist/known index lazily: a broken node file costs nothing until a workflow uses it', () => {
		const loaded = loadNodePackages([fixturePackageDir]);
		expect(loaded.problems).toEqual([]);
		expect(loaded.types.hasNodeType('n8n-nodes-runner-fixtures.fixtureBroken')).toBe(true);
		expect(() => loaded.types.getByName('n8n-nodes-runner-fixtures.fixtureBroken')).toThrow(
			/^FixtureBroken\.node\.js: Cannot find module 'a-module-that-is-not-installed'/,
		);
		expect(loaded.types.getByName('n8n-nodes-runner-fixtures.fixtureRoute').description.name).toBe(
			'fixtureRoute',
		);
	});

	it('without an index, loads a node file when its type is used, found by its file name; other names by loading the rest', () => {
		const dir = tempDir();
		const node = (name: string) =>
			`module.exports = { Node: class { constructor() { this.description = { name: '${name}', displayName: '${name}', group: [], version: 1, defaults: {}, inputs: ['main'], outputs: ['main'], properties: [] }; } } };`;
		const files = {
			'Alpha.node.js': node('alpha'),
			'Unconventional.node.js': node('betaNode'),
			'Broken.node.js': "require('a-module-that-is-not-installed');",
		};
		for (const [file, source] of Object.entries(files)) writeFileSync(path.join(dir, file), source);
		writeFileSync(
			path.join(dir, 'package.json'),
			JSON.stringify({
				name: 'n8n-nodes-unindexed',
				n8n: { nodes: Object.keys(files), credentials: [] },
			}),
		);
		const loaded = (file: string) => require.cache[path.join(dir, file)] !== undefined;

		const { types: unindexed, problems } = loadNodePackages([dir]);
		expect(unindexed.getByName('n8n-nodes-unindexed.alpha').description.name).toBe('alpha');
		// Only the file the type needed, and nothing reported about the broken one yet.
		expect(Object.keys(files).filter(loaded)).toEqual(['Alpha.node.js']);
		expect(problems).toEqual([]);
		// A type no file name suggests: the remaining files load, the broken one is reported, the type is found.
		expect(unindexed.hasNodeType('n8n-nodes-unindexed.betaNode')).toBe(true);
		expect(unindexed.getByName('n8n-nodes-unindexed.betaNode').description.name).toBe('betaNode');
		expect(problems).toEqual([
			{
				packageName: 'n8n-nodes-unindexed',
				file: 'Broken.node.js',
				message: expect.stringMatching(/^Broken\.node\.js: Cannot find module/),
			},
		]);
		// The name the unconventional file suggested names nothing.
		expect(unindexed.hasNodeType('n8n-nodes-unindexed.unconventional')).toBe(false);
		expect(() => unindexed.getByName('n8n-nodes-unindexed.unconventional')).toThrow(
			'Unknown node type "n8n-nodes-unindexed.unconventional"',
		);
	});
});

describe('input', () => {
	it('reads NDJSON (blank lines skipped), a JSON array, and one pretty-printed object', () => {
		expect(parseInput('{"a":1}\n\n{"a":2}\n', 'x').map((item) => item.json)).toEqual([
			{ a: 1 },
			{ a: 2 },
		]);
		expect(parseInput('[{"a":1},{"a":2}]', 'x').map((item) => item.json)).toEqual([
			{ a: 1 },
			{ a: 2 },
		]);
		expect(parseInput('{\n  "a": 1\n}\n', 'x').map((item) => item.json)).toEqual([{ a: 1 }]);
		expect(parseInput('  \n', 'x')).toEqual([]);
	});

	it('names the line or item that is not an object', () => {
		expect(() => parseInput('{"a":1}\n[1]\n', 'in.ndjson')).toThrow(
			'Input in.ndjson line 2 is not a JSON object',
		);
		expect(() => parseInput('[{"a":1}, 3]', 'in.json')).toThrow(
			'Input in.json item #2 is not a JSON object',
		);
	});
});

describe('Masker', () => {
	it('masks known secrets anywhere, secret-looking keys and query parameters, and URL user info', () => {
		const masker = new Masker();
		masker.add({ apiKey: 'sk_live_abcdef', nested: ['tok-123456'] });
		expect(masker.text('auth failed for sk_live_abcdef (tok-123456)')).toBe(
			'auth failed for *** (***)',
		);
		expect(
			masker.value({ email: 'a@b.c', password: 'pw', token: 42, list: [{ secretValue: 'x' }] }),
		).toEqual({
			email: 'a@b.c',
			password: '***',
			token: '***',
			list: [{ secretValue: '***' }],
		});
		expect(masker.url('https://user:pw@api.example.com/v1/x?api_key=abc&page=2')).toBe(
			'https://***:***@api.example.com/v1/x?api_key=***&page=2',
		);
	});
});

describe('credentials', () => {
	const workflow = {
		nodes: [
			{
				name: 'Upsert',
				type: 'n8n-nodes-runner-fixtures.fixtureUpsert',
				typeVersion: 1,
				parameters: {},
				credentials: { fixtureApi: { id: 'c1', name: 'Fixture account' } },
			},
		],
		connections: {},
	} as unknown as IWorkflowBase;

	it('takes fields from ATS_SYNC_CRED_* variables, typed by the credential type', () => {
		expect(upperSnake('Fixture account')).toBe('FIXTURE_ACCOUNT');
		expect(upperSnake('timeoutMs')).toBe('TIMEOUT_MS');
		const { uses } = credentialUses(workflow, types);
		const masker = new Masker();
		const env = {
			ATS_SYNC_CREDENTIALS: JSON.stringify({
				'Fixture account': { baseUrl: 'http://blob', apiKey: 'from-blob-key' },
			}),
			ATS_SYNC_CRED_FIXTURE_ACCOUNT_BASE_URL: 'http://field',
			ATS_SYNC_CRED_FIXTURE_ACCOUNT_TIMEOUT_MS: '2500',
		};
		const { store, problems } = resolveCredentials(uses, { types, env, masker });
		expect(problems).toEqual([]);
		expect(store.resolve({ id: 'c1', name: 'Fixture account' }, 'fixtureApi')).toEqual({
			baseUrl: 'http://field',
			apiKey: 'from-blob-key',
			timeoutMs: 2500,
		});
		expect(masker.text('key from-blob-key at http://field')).toBe('key *** at http://field');
	});

	it('flags a credential whose declared type is not the one the node needs', () => {
		const { uses } = credentialUses(workflow, types);
		const file = new Map([
			[
				'c1',
				{
					type: 'leverApi',
					data: { baseUrl: 'http://x', apiKey: 'k-123456' },
					origin: 'Credentials file c.json',
				},
			],
		]);
		const { problems } = resolveCredentials(uses, { types, file, env: {}, masker: new Masker() });
		expect(problems).toEqual([
			'Credential "Fixture account" (fixtureApi, used by node "Upsert"): Credentials file c.json gives it type "leverApi", but the node needs "fixtureApi"',
		]);
	});

	it('evaluates expression defaults with $self, as n8n does for hidden OAuth2 URLs', () => {
		const helper = new RunnerCredentialsHelper(types, { resolve: () => undefined });
		expect(
			helper.resolveExpressions({
				environment: 'custom',
				customUrl: 'http://sim/token',
				tokenUrl: "={{ $self.environment === 'custom' ? $self.customUrl : 'https://prod/token' }}",
			}),
		).toEqual({
			environment: 'custom',
			customUrl: 'http://sim/token',
			tokenUrl: 'http://sim/token',
		});
	});
});

describe('state file', () => {
	it('locks against a second holder, writes atomically and refuses a corrupt file with advice', async () => {
		const file = path.join(tempDir(), 'w.state.json');
		const first = new StateFile(file);
		await first.lock(false);
		await expect(new StateFile(file).lock(false)).rejects.toThrow(
			/Another ats-sync run holds the lock/,
		);
		first.commitStaticData({}, { 'node:Poll': { cursor: 7 } });
		first.saveOauthTokens('Lever', { access_token: 'a', refresh_token: 'r' });
		expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
			staticData: { 'node:Poll': { cursor: 7 } },
			oauthTokens: { Lever: { refresh_token: 'r' } },
		});
		expect(readdirSync(path.dirname(file)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
		await first.unlock();

		writeFileSync(file, '{"staticData": ');
		expect(() => new StateFile(file).read()).toThrow(
			new UserError(
				`State file ${file} is not valid JSON: fix or delete it (deleting it resets poll cursors)`,
			),
		);
	});
});

describe('start node', () => {
	const node = (name: string, type: string) => ({
		name,
		type: `n8n-nodes-runner-fixtures.${type}`,
		typeVersion: 1,
		parameters: {},
		position: [0, 0],
	});
	const workflowOf = (...nodes: ReturnType<typeof node>[]) =>
		({ nodes, connections: {} }) as unknown as IWorkflowBase;

	it('prefers the polling trigger, honours --trigger, and asks to choose between several triggers', () => {
		expect(
			pickStart(workflowOf(node('Hook', 'fixtureWebhook'), node('Poll', 'fixturePoll')), types).node
				.name,
		).toBe('Poll');
		expect(
			pickStart(
				workflowOf(node('Hook', 'fixtureWebhook'), node('Poll', 'fixturePoll')),
				types,
				'Hook',
			).kind,
		).toBe('webhook');
		expect(() =>
			pickStart(workflowOf(node('A', 'fixtureWebhook'), node('B', 'fixtureWebhook')), types),
		).toThrow('The workflow has several triggers ("A", "B"): choose one with --trigger');
		expect(() => pickStart(workflowOf(node('A', 'fixturePoll')), types, 'Nope')).toThrow(
			'--trigger "Nope": the workflow has no node of that name (nodes: A)',
		);
	});
});

describe('regex guard', () => {
	it("runs patterns as n8n-workflow does, and still stops a runaway one, with n8n's message", () => {
		const engine = guardedRegexEngine(100);
		expect(engine.test('^[a-z]+$', 'abc')).toBe(true);
		expect(engine.exec('(\\d+)-(\\d+)', 'a 12-34', '')?.slice(1)).toEqual(['12', '34']);
		expect(engine.replace('o', 'foo', 'g', '0')).toBe('f00');
		expect(engine.matchAll('\\d', 'a1b2').map((match) => match[0])).toEqual(['1', '2']);
		expect(engine.split(',\\s*', 'a, b,c')).toEqual(['a', 'b', 'c']);
		expect(() => engine.test('^(a+)+$', `${'a'.repeat(40)}b`)).toThrow(
			'Regular expression execution timed out',
		);
	});
});
