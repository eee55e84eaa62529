/**
 * What a recipe file may make the runner do (issue 13, items 5–7): a failing or blocked expression fails its item
 * and the run, node types that reach the host are refused unless allowed one by one, and n8n's user folder (its
 * encryption key) is private and not at a fixed name in the shared temp directory. The real CLI, the fixture node
 * package and a local records service.
 */
import { execFileSync } from 'node:child_process';
import {
	chmodSync,
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import path from 'node:path';

import type { FixtureServer } from './fixtureServer';
import { startFixtureServer } from './fixtureServer';
import {
	ensureRunnerBuilt,
	fixturePackageDir,
	fixturesDir,
	repoRoot,
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
});

afterAll(async () => {
	await server.close();
});

beforeEach(() => {
	server.candidates.length = 0;
	server.writes.length = 0;
	dir = tempDir();
	// Each run gets its own cache and temp directory, so what the runner creates there can be checked.
	mkdirSync(path.join(dir, 'tmp'));
	env = {
		FIXTURE_URL: server.url,
		FIXTURE_KEY: server.apiKey,
		N8N_USER_FOLDER: '',
		XDG_CACHE_HOME: path.join(dir, 'cache'),
		TMPDIR: path.join(dir, 'tmp'),
	};
	writeFileSync(
		path.join(dir, 'events.ndjson'),
		`${JSON.stringify({ email: 'ada@example.com', name: 'Ada Lovelace' })}\n`,
	);
});

const nodes = ['--nodes', fixturePackageDir];

/** The fixture workflow "Input to upsert" with the Upsert node's `name` parameter set to `expression`. */
function workflowWithName(expression: string, { continueOnFail = false } = {}): string {
	const workflow = JSON.parse(readFileSync(path.join(fixturesDir, 'input-upsert.json'), 'utf8'));
	const upsert = workflow.nodes.find((node: { name: string }) => node.name === 'Upsert');
	upsert.parameters.name = expression;
	upsert.continueOnFail = continueOnFail;
	const file = path.join(dir, 'workflow.json');
	writeFileSync(file, JSON.stringify(workflow));
	return file;
}

function run(workflow: string, ...extra: string[]) {
	return runCli(
		[
			'run',
			workflow,
			'--input',
			path.join(dir, 'events.ndjson'),
			'--credentials',
			writeFixtureCredentials(dir),
			...nodes,
			...extra,
		],
		{ env },
	);
}

describe('expressions that fail or reach what n8n blocks', () => {
	it.each([
		[
			'require',
			'={{ require("child_process").execSync("id").toString() }}',
			'the expression calls require, which n8n blocks in expressions',
		],
		[
			'Function',
			'={{ Function("return process")().env.FIXTURE_KEY }}',
			'the expression calls Function, which n8n blocks in expressions',
		],
		[
			'eval',
			'={{ eval("process.env.FIXTURE_KEY") }}',
			'the expression calls eval, which n8n blocks in expressions',
		],
		[
			'Reflect.construct',
			'={{ Reflect.construct(Function, ["return process"])() }}',
			'the expression calls Reflect.construct, which n8n blocks in expressions',
		],
		[
			'a missing field',
			'={{ $json.profile.name.trim() }}',
			"the expression failed: Cannot read properties of undefined (reading 'name')",
		],
	])(
		'%s: the item fails with the node, the parameter and the cause, nothing is written, exit 1',
		async (_construct, expression, cause) => {
			// With "continue on fail" the failure is the item's, traced to its input record.
			const result = await run(workflowWithName(expression, { continueOnFail: true }), '--json');
			expect(result.code).toBe(1);
			const summary = result.stdout
				.split('\n')
				.filter((line) => line.trim())
				.map((line) => JSON.parse(line) as Record<string, any>)
				.find((line) => line.event === 'summary')!;
			expect(summary.status).toBe('failed');
			expect(summary.stateSaved).toBe(false);
			expect(summary.failedItems).toEqual([
				{
					node: 'Upsert',
					inputItem: 0,
					email: 'ada@example.com',
					message: `Parameter "name": ${cause}`,
				},
			]);
			// Not one request: the item stopped at its parameter, not with an empty name sent to the service.
			expect(server.writes).toEqual([]);
			expect(server.candidates).toEqual([]);
			expect(result.stdout + result.stderr).not.toContain(server.apiKey);
		},
	);

	it('without "continue on fail" the node stops the run, saying the same in the human-readable summary', async () => {
		const result = await run(
			workflowWithName('={{ require("fs").readFileSync("/etc/passwd", "utf8") }}'),
		);
		expect(result.code).toBe(1);
		expect(result.stderr).toContain(
			'failed: Upsert: Parameter "name": the expression calls require, which n8n blocks in expressions',
		);
		expect(server.writes).toEqual([]);
	});

	it('a working expression still runs (the check is on failures, not on expressions)', async () => {
		const result = await run(workflowWithName('={{ $json.name.toUpperCase() }}'));
		expect(result.code).toBe(0);
		expect(server.candidates).toEqual([
			{ id: expect.any(String), email: 'ada@example.com', name: 'ADA LOVELACE' },
		]);
	});
});

describe('node types that reach the host', () => {
	/** The fixture workflow with an Execute Command node after the upsert (n8n-nodes-base need not be installed). */
	function workflowWithCommand(): string {
		const workflow = JSON.parse(readFileSync(path.join(fixturesDir, 'input-upsert.json'), 'utf8'));
		workflow.nodes.push({
			id: 'command',
			name: 'Run Command',
			type: 'n8n-nodes-base.executeCommand',
			typeVersion: 1,
			position: [0, 0],
			parameters: { command: `touch ${path.join(dir, 'ran')}` },
		});
		workflow.connections.Upsert = { main: [[{ node: 'Run Command', type: 'main', index: 0 }]] };
		const file = path.join(dir, 'command.json');
		writeFileSync(file, JSON.stringify(workflow));
		return file;
	}

	const refusal =
		'Node "Run Command" (n8n-nodes-base.executeCommand) runs shell commands on this host: refused unless you allow it with --allow-node-type n8n-nodes-base.executeCommand';

	it('run refuses Execute Command before anything is sent (exit 2), even with n8n-nodes-base named', async () => {
		const workflow = workflowWithCommand();
		const result = await run(workflow, '--nodes', 'n8n-nodes-base');
		expect(result.code).toBe(2);
		expect(result.stderr).toContain(refusal);
		expect(server.writes).toEqual([]);
		expect(existsSync(path.join(dir, 'ran'))).toBe(false);
	});

	it('validate lists the node, refused or allowed by --allow-node-type', async () => {
		const workflow = workflowWithCommand();
		const refused = await runCli(['validate', workflow, ...nodes, '--json'], { env });
		expect(refused.code).toBe(2);
		expect(JSON.parse(refused.stdout)).toEqual({
			event: 'validated',
			file: workflow,
			valid: false,
			problems: [refusal],
			hostAccess: [
				{
					node: 'Run Command',
					type: 'n8n-nodes-base.executeCommand',
					risk: 'runs shell commands on this host',
					allowed: false,
				},
			],
		});

		// Allowed, the type is listed again; the workflow is still invalid here only because n8n-nodes-base is absent.
		const allowed = await runCli(
			['validate', workflow, ...nodes, '--allow-node-type', 'n8n-nodes-base.executeCommand'],
			{ env },
		);
		expect(allowed.stderr).toContain(
			'Node "Run Command" (n8n-nodes-base.executeCommand) runs shell commands on this host: allowed by --allow-node-type',
		);
		expect(allowed.stderr).not.toContain('refused');
		expect(allowed.stderr).toContain(
			'n8n-nodes-base.executeCommand" from package "n8n-nodes-base", which is not loaded',
		);
	});

	it('--allow-node-type takes only a type of the list, by its full name', async () => {
		const result = await run(workflowWithCommand(), '--allow-node-type', 'executeCommand');
		expect(result.code).toBe(2);
		expect(result.stderr).toContain(
			'--allow-node-type executeCommand: not a node type ats-sync refuses (those are: n8n-nodes-base.executeCommand,',
		);
		expect(server.writes).toEqual([]);
	});
});

describe("n8n's user folder", () => {
	const mode = (file: string) => statSync(file).mode & 0o777;

	it('is private (0700) in the user cache directory, and nothing is left in the temp directory', async () => {
		// A folder an earlier version left open to others is made private.
		mkdirSync(path.join(dir, 'cache', 'ats-sync', 'n8n'), { recursive: true });
		chmodSync(path.join(dir, 'cache', 'ats-sync', 'n8n'), 0o755);
		const result = await run(workflowWithName('={{ $json.name }}'));
		expect(result.code).toBe(0);
		const folder = path.join(dir, 'cache', 'ats-sync', 'n8n');
		expect(mode(folder)).toBe(0o700);
		// n8n-core wrote its encryption key there, in no folder another user can enter.
		expect(existsSync(path.join(folder, '.n8n', 'config'))).toBe(true);
		expect(readdirSync(path.join(dir, 'tmp'))).toEqual([]);
	});

	it('without a usable cache directory: a private folder with a random name in the temp directory, removed at exit', () => {
		const notADirectory = path.join(dir, 'a-file');
		writeFileSync(notADirectory, '');
		const script = `
			const { statSync, readdirSync } = require('node:fs');
			require(${JSON.stringify(path.join(repoRoot, 'runner', 'dist', 'n8nServices.js'))}).useOwnN8nUserFolder();
			const folder = process.env.N8N_USER_FOLDER;
			process.stdout.write(JSON.stringify({ folder, mode: statSync(folder).mode & 0o777, listed: readdirSync(process.env.TMPDIR) }));`;
		const seen = JSON.parse(
			execFileSync(process.execPath, ['-e', script], {
				env: {
					...process.env,
					...env,
					N8N_USER_FOLDER: '',
					XDG_CACHE_HOME: path.join(notADirectory, 'cache'),
					HOME: notADirectory,
				},
			}).toString(),
		) as { folder: string; mode: number; listed: string[] };
		expect(path.dirname(seen.folder)).toBe(path.join(dir, 'tmp'));
		expect(path.basename(seen.folder)).toMatch(/^ats-sync-n8n-[A-Za-z0-9]{6}$/);
		expect(seen.mode).toBe(0o700);
		expect(seen.listed).toEqual([path.basename(seen.folder)]);
		expect(readdirSync(path.join(dir, 'tmp'))).toEqual([]);
	});
});
