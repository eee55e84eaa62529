/**
 * The bad-input corpus: every folder of test/bad-input/corpus/ is one bad input (a broken or wrong workflow,
 * credentials or event file) with an expect.json saying which `ats-sync` command runs it, the exit code, a pattern
 * the output must match (naming the field or file and what is wrong) and what must hold afterwards so nothing is
 * half-written: the simulator unchanged or changed by exactly the listed records, the state file absent or saved,
 * no temp or lock file left. The real CLI runs each case against its own fresh Lever or SmartRecruiters simulator.
 * Large files (the 50 MB CV) are generated into a temp folder at test time, never committed.
 */
import {
	createReadStream,
	existsSync,
	readdirSync,
	readFileSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import { ensureBuilt, recipeFile } from '../recipes/helpers';
import type { LeverView } from '../recipes/leverState';
import { leverView } from '../recipes/leverState';
import { srView } from '../recipes/srState';
import { hasStackTrace, runCli, tempDir } from '../runner/cli';
import { LEVER_SEED, startLeverSimulator, type LeverSimulator } from '../simulators/lever';
import {
	SMARTRECRUITERS_SEED,
	startSmartRecruitersSimulator,
	type SmartRecruitersSimulator,
} from '../simulators/smartrecruiters';

const corpusDir = path.join(__dirname, 'corpus');

interface Expectation {
	about: string;
	ats: 'lever' | 'smartrecruiters' | null;
	command: 'run' | 'validate';
	/** A file of the case folder, or a shipped recipe with node types and parameters changed. */
	workflow:
		| string
		| {
				recipe: string;
				nodeTypes?: Record<string, string>;
				parameters?: Record<string, Record<string, unknown>>;
		  };
	/** Relative to the case folder; may not exist (that is the case). `${VAR}`s in it are the CLI's to expand. */
	credentials?: string;
	/** An event file of the case folder; `${FILES}` in it becomes the test file server's URL. */
	input?: string;
	/** A state file of the case folder the run starts from (a cursor an earlier good run saved). */
	initialState?: string;
	/** Files generated into the served temp folder: name → size in MB. */
	generate?: Record<string, number>;
	exitCode: number;
	/** Must match stdout + stderr. */
	error: string;
	/** Must not appear in the output (a rejected key); `${VAR}`s are the test environment's values. */
	mustNotContain?: string[];
	after: {
		simulator?: 'unchanged';
		/** Emails of the records created, one record each; every record that existed before is untouched. */
		newRecords?: string[];
		/** Existing people matched (maybe updated): their number of records stays the same. */
		sameCount?: string[];
		nameLength?: Record<string, number>;
		files?: Record<string, string[]>;
		/** absent: never written; saved: written by a successful run; unchanged: the initial state, byte for byte. */
		stateFile?: 'absent' | 'saved' | 'unchanged';
	};
}

/** One record per candidacy, the same shape for both ATSs. */
interface RecordView {
	id: string;
	emails: string[];
	name: string;
	files: string[];
	full: unknown;
}

const cases = readdirSync(corpusDir)
	.filter((name) => !name.startsWith('_') && existsSync(path.join(corpusDir, name, 'expect.json')))
	.sort();

/** Serves the generated files from a folder, streamed (a 50 MB string would sit in this worker's memory). */
async function startFolderServer(folder: string) {
	const server = http.createServer((req, res) => {
		const file = path.join(folder, path.basename((req.url ?? '').split('?')[0]));
		if (!existsSync(file)) return void res.writeHead(404).end();
		res.writeHead(200, {
			'content-type': 'application/pdf',
			'content-length': statSync(file).size,
		});
		createReadStream(file).pipe(res);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

/** What one case left behind, collected while the cases run side by side; the its below judge it. */
interface Outcome {
	expected: Expectation;
	exitCode: number | null;
	output: string;
	before: RecordView[];
	after: RecordView[];
	leftovers: string[];
	state: 'absent' | 'saved' | 'unchanged';
	contractViolations: unknown[];
}

/** Each case gets its own simulator (a few ms to start), so cases run side by side and compare whole simulator states. */
const CONCURRENT_CASES = 2;

function records(
	sim: LeverSimulator | SmartRecruitersSimulator,
	ats: 'lever' | 'smartrecruiters',
): RecordView[] {
	if (ats === 'lever') {
		return leverView(sim as LeverSimulator).map((view: LeverView) => ({
			id: view.id,
			emails: view.emails,
			name: view.name,
			files: view.files,
			full: view,
		}));
	}
	return srView(sim as SmartRecruitersSimulator).map((view) => ({
		id: view.id,
		emails: [view.email],
		name: `${view.firstName} ${view.lastName}`,
		files: view.applications.flatMap((application) =>
			application.attachments.map((attachment) => attachment.name),
		),
		full: view,
	}));
}

const hasEmail = (record: RecordView, email: string) =>
	record.emails.some((known) => known.toLowerCase() === email.toLowerCase());

function workflowFor(caseDir: string, workDir: string, workflow: Expectation['workflow']): string {
	if (typeof workflow === 'string') return path.join(caseDir, workflow);
	const data = JSON.parse(readFileSync(recipeFile(workflow.recipe), 'utf8')) as {
		nodes: Array<{ name: string; type: string; parameters: Record<string, unknown> }>;
	};
	const nodeNamed = (name: string) => {
		const node = data.nodes.find((candidate) => candidate.name === name);
		if (!node) throw new Error(`${workflow.recipe} has no node "${name}"`);
		return node;
	};
	for (const [name, type] of Object.entries(workflow.nodeTypes ?? {})) nodeNamed(name).type = type;
	for (const [name, parameters] of Object.entries(workflow.parameters ?? {})) {
		const node = nodeNamed(name);
		for (const [parameter, value] of Object.entries(parameters)) {
			const current = node.parameters[parameter];
			const merge =
				current &&
				typeof current === 'object' &&
				value &&
				typeof value === 'object' &&
				!Array.isArray(value);
			node.parameters[parameter] = merge ? { ...current, ...value } : value;
		}
	}
	const file = path.join(workDir, workflow.recipe);
	writeFileSync(file, JSON.stringify(data, null, '\t'));
	return file;
}

const SIGNING_SECRET = 'outreach-signing-secret-of-the-bad-input-corpus';

async function runCase(name: string, filesUrl: string, filesDir: string): Promise<Outcome> {
	const caseDir = path.join(corpusDir, name);
	const expected = JSON.parse(
		readFileSync(path.join(caseDir, 'expect.json'), 'utf8'),
	) as Expectation;
	const workDir = tempDir(`bad-input-${name}-`);
	for (const [file, megabytes] of Object.entries(expected.generate ?? {})) {
		const target = path.join(filesDir, file);
		if (!existsSync(target))
			writeFileSync(target, Buffer.alloc(megabytes * 1024 * 1024, '%PDF-1.4 generated CV '));
	}
	const lever =
		expected.ats === 'lever' ? await startLeverSimulator({ rateLimit: false }) : undefined;
	const sr = expected.ats === 'smartrecruiters' ? await startSmartRecruitersSimulator() : undefined;
	const sim = lever ?? sr;
	try {
		const env: NodeJS.ProcessEnv = {
			LEVER_URL: lever?.baseUrl ?? 'http://127.0.0.1:9/v1',
			LEVER_API_KEY: LEVER_SEED.apiKey,
			LEVER_RECRUITER: LEVER_SEED.users.recruiter,
			SR_URL: sr?.baseUrl ?? 'http://127.0.0.1:9',
			SR_API_KEY: SMARTRECRUITERS_SEED.apiKey,
			OUTREACH_SIGNING_SECRET: SIGNING_SECRET,
		};
		const stateFile = path.join(workDir, 'state.json');
		const initialState = expected.initialState
			? readFileSync(path.join(caseDir, expected.initialState))
			: undefined;
		if (initialState) writeFileSync(stateFile, initialState);
		const args: string[] = [expected.command, workflowFor(caseDir, workDir, expected.workflow)];
		if (expected.credentials) args.push('--credentials', path.join(caseDir, expected.credentials));
		if (expected.input) {
			// Byte for byte (latin1), so a non-UTF-8 case stays exactly as committed.
			const input = path.join(workDir, expected.input);
			writeFileSync(
				input,
				Buffer.from(
					readFileSync(path.join(caseDir, expected.input), 'latin1')
						.split('${FILES}')
						.join(filesUrl),
					'latin1',
				),
			);
			args.push('--input', input);
		}
		if (expected.command === 'run') args.push('--state', stateFile);
		if (expected.mustNotContain) {
			expected.mustNotContain = expected.mustNotContain.map((text) =>
				text.replace(/\$\{(\w+)\}/g, (_match, variable: string) => env[variable] ?? ''),
			);
		}

		const before = sim && expected.ats ? records(sim, expected.ats) : [];
		const result = await runCli(args, { env });
		return {
			expected,
			exitCode: result.code,
			output: `${result.stdout}${result.stderr}`,
			before,
			after: sim && expected.ats ? records(sim, expected.ats) : [],
			leftovers: readdirSync(workDir).filter((file) => /\.tmp$|\.lock$/.test(file)),
			state: !existsSync(stateFile)
				? 'absent'
				: initialState && readFileSync(stateFile).equals(initialState)
					? 'unchanged'
					: 'saved',
			contractViolations: sr?.contractViolations ?? [],
		};
	} finally {
		await sim?.close();
	}
}

describe('bad-input corpus', () => {
	const outcomes = new Map<string, Outcome>();
	const figures = { tried: 0, passed: 0 };

	beforeAll(async () => {
		await ensureBuilt();
		const filesDir = tempDir('bad-input-files-');
		const files = await startFolderServer(filesDir);
		try {
			const queue = [...cases];
			const worker = async () => {
				for (let name = queue.shift(); name !== undefined; name = queue.shift())
					outcomes.set(name, await runCase(name, files.baseUrl, filesDir));
			};
			await Promise.all(Array.from({ length: CONCURRENT_CASES }, worker));
		} finally {
			await files.close();
		}
	}, 300_000);
	afterAll(() => {
		process.stdout.write(
			`bad-input corpus: ${figures.tried} inputs tried, ${figures.passed} passed\n`,
		);
	});

	it.each(cases)('%s', (name) => {
		figures.tried++;
		const outcome = outcomes.get(name)!;
		const { expected, output } = outcome;

		expect({ exitCode: outcome.exitCode, output }).toEqual({
			exitCode: expected.exitCode,
			output: expect.stringMatching(new RegExp(expected.error, 'm')),
		});
		expect(hasStackTrace(output)).toBe(false);
		for (const forbidden of expected.mustNotContain ?? []) expect(output).not.toContain(forbidden);

		// Nothing half-written: no temp or lock file left, the state file only after a successful run.
		expect(outcome.leftovers).toEqual([]);
		if (expected.after.stateFile) expect(outcome.state).toBe(expected.after.stateFile);
		// Whatever reached SmartRecruiters was a request its OpenAPI spec allows.
		expect(outcome.contractViolations).toEqual([]);
		const { before, after } = outcome;
		if (expected.after.simulator === 'unchanged') expect(after).toEqual(before);
		if (expected.after.newRecords) {
			const created = after.filter((record) => !before.some((known) => known.id === record.id));
			expect(created.map((record) => record.emails[0].toLowerCase()).sort()).toEqual(
				[...expected.after.newRecords].sort(),
			);
			const matched = expected.after.sameCount ?? [];
			const untouched = (list: RecordView[]) =>
				list
					.filter(
						(record) =>
							before.some((known) => known.id === record.id) &&
							!matched.some((email) => hasEmail(record, email)),
					)
					.map((record) => record.full);
			expect(untouched(after)).toEqual(untouched(before));
		}
		for (const email of expected.after.sameCount ?? []) {
			expect(after.filter((record) => hasEmail(record, email)).length).toBe(
				before.filter((record) => hasEmail(record, email)).length,
			);
		}
		for (const [email, length] of Object.entries(expected.after.nameLength ?? {})) {
			expect(
				after.filter((record) => hasEmail(record, email)).map((record) => record.name.length),
			).toEqual([length]);
		}
		for (const [email, names] of Object.entries(expected.after.files ?? {})) {
			expect(
				after.filter((record) => hasEmail(record, email)).map((record) => record.files),
			).toEqual([names]);
		}
		figures.passed++;
	});
});
