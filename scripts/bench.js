#!/usr/bin/env node
/**
 * `npm run bench` (builds first): speed and memory targets, measured on the built package through the real
 * `ats-sync` CLI. Tests never assert timings; these targets live here. Exit code 1 when a target is missed.
 *
 *   engine   5,000 contact events through Contact Event Trigger → JSON Logic sync policy → ATS Field Map
 *            target: ≥ 500 events/s end to end, peak RSS ≤ 600 MB
 *   lever    150 new contacts through the push-on-interested Lever recipe against the Lever simulator
 *            target: zero 429s, ≥ 7.5 requests/s sustained (the transport paces at 9/s under Lever's 10/s)
 *
 *   node scripts/bench.js [engine|lever]...
 */
const { mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');

const repoRoot = path.join(__dirname, '..');
require('ts-node').register({ transpileOnly: true, project: path.join(repoRoot, 'tsconfig.test.json') });
const { main } = require('../runner/dist/cli.js');

const PACKAGE = 'n8n-nodes-ats-sync';
const workDir = mkdtempSync(path.join(tmpdir(), 'ats-sync-bench-'));

/** Runs the CLI in this process; returns its exit code and the parsed summary line. */
async function runCli(args) {
	const lines = [];
	const stdout = { write: (chunk) => (lines.push(...String(chunk).split('\n').filter(Boolean)), true) };
	const stderr = { write: () => true };
	const exitCode = await main([...args, '--json'], { stdout, stderr });
	const summary = lines.map((line) => JSON.parse(line)).find((event) => event.event === 'summary');
	return { exitCode, summary };
}

function contactEvent(index, type = 'contact.interested') {
	return {
		eventId: `bench-${index}`,
		type,
		occurredAt: '2026-11-20T09:00:00Z',
		campaign: { id: 'sw-backend-berlin', name: 'Backend Berlin Q4' },
		outreachType: 'email',
		message: 'Happy to talk',
		contact: {
			email: `bench.person${index}@example.net`,
			firstName: 'Bench',
			lastName: `Person ${index}`,
			headline: 'Engineer',
			location: 'Berlin',
			links: [`https://www.linkedin.com/in/bench${index}`, `https://github.com/bench${index}`],
		},
	};
}

function writeNdjson(name, events) {
	const file = path.join(workDir, name);
	writeFileSync(file, events.map((event) => JSON.stringify(event)).join('\n') + '\n');
	return file;
}

async function benchEngine() {
	const count = 5000;
	const workflow = {
		name: 'bench: generic chain',
		nodes: [
			{ id: '1', name: 'Contact Event', type: `${PACKAGE}.contactEventTrigger`, typeVersion: 1, position: [0, 0], parameters: { authentication: 'none' } },
			{ id: '2', name: 'Sync Policy', type: `${PACKAGE}.jsonLogicRules`, typeVersion: 1, position: [200, 0], parameters: { mode: 'syncPolicy', defaultPolicy: 'replied' } },
			{
				id: '3',
				name: 'Candidate Profile',
				type: `${PACKAGE}.atsFieldMap`,
				typeVersion: 1,
				position: [400, 0],
				parameters: { mode: 'candidate', baseProfile: '={{ $json.candidate }}', mandatoryFields: ['email'] },
			},
		],
		connections: {
			'Contact Event': { main: [[{ node: 'Sync Policy', type: 'main', index: 0 }]] },
			'Sync Policy': { main: [[{ node: 'Candidate Profile', type: 'main', index: 0 }], []] },
		},
		settings: {},
	};
	const workflowFile = path.join(workDir, 'engine.json');
	writeFileSync(workflowFile, JSON.stringify(workflow));
	const input = writeNdjson('engine.ndjson', Array.from({ length: count }, (_, i) => contactEvent(i, i % 4 === 0 ? 'contact.added' : 'contact.interested')));

	const started = process.hrtime.bigint();
	const { exitCode, summary } = await runCli(['run', workflowFile, '--input', input, '--state', path.join(workDir, 'engine.state.json')]);
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	const rate = count / seconds;
	const rssMb = process.resourceUsage().maxRSS / 1024;
	const profiles = summary?.nodes?.find((node) => node.node === 'Candidate Profile')?.itemsOut;
	return [
		{ name: 'engine: run succeeded', value: exitCode, unit: 'exit code', pass: exitCode === 0 },
		{ name: 'engine: profiles built', value: profiles, unit: `of ${count * 0.75} synced`, pass: profiles === count * 0.75 },
		{ name: 'engine: throughput', value: Math.round(rate), unit: 'events/s (≥ 500)', pass: rate >= 500 },
		{ name: 'engine: peak RSS', value: Math.round(rssMb), unit: 'MB (≤ 600)', pass: rssMb <= 600 },
	];
}

async function benchLever() {
	const count = 150;
	const { startLeverSimulator, LEVER_SEED } = require('../test/simulators/lever');
	const sim = await startLeverSimulator({ port: 0 });
	try {
		const credentials = path.join(workDir, 'lever-credentials.json');
		writeFileSync(
			credentials,
			JSON.stringify({
				'Lever account': {
					type: 'leverApi',
					data: { apiKey: sim.apiKey, environment: 'custom', customUrl: sim.baseUrl, defaultPerformAs: LEVER_SEED.users.recruiter },
				},
				// The recipe's trigger checks signatures on webhooks; replayed --input events are validated, not signed.
				'Outreach webhook': { type: 'contactEventWebhookApi', data: { signingSecret: 'bench-only-secret' } },
			}),
		);
		const input = writeNdjson('lever.ndjson', Array.from({ length: count }, (_, i) => contactEvent(i)));
		const before = sim.requests.length;
		const started = process.hrtime.bigint();
		const { exitCode } = await runCli([
			'run',
			path.join(repoRoot, 'recipes', 'push-on-interested.lever.json'),
			'--input',
			input,
			'--credentials',
			credentials,
			'--state',
			path.join(workDir, 'lever.state.json'),
		]);
		const seconds = Number(process.hrtime.bigint() - started) / 1e9;
		const requests = sim.requests.length - before;
		const rate = requests / seconds;
		const created = sim.state.contacts.filter((contact) => contact.emails.some((email) => email.startsWith('bench.person'))).length;
		return [
			{ name: 'lever: run succeeded', value: exitCode, unit: 'exit code', pass: exitCode === 0 },
			{ name: 'lever: candidates created', value: created, unit: `of ${count}`, pass: created === count },
			{ name: 'lever: 429 responses', value: sim.rateLimited, unit: '(= 0)', pass: sim.rateLimited === 0 },
			{ name: 'lever: sustained request rate', value: Math.round(rate * 10) / 10, unit: `req/s over ${requests} requests (≥ 7.5)`, pass: rate >= 7.5 },
		];
	} finally {
		await sim.close();
	}
}

const benches = { engine: benchEngine, lever: benchLever };

async function mainBench() {
	const chosen = process.argv.slice(2);
	const names = chosen.length ? chosen : Object.keys(benches);
	const results = [];
	for (const name of names) {
		if (!benches[name]) throw new Error(`Unknown bench "${name}" (known: ${Object.keys(benches).join(', ')})`);
		process.stderr.write(`running ${name}…\n`);
		results.push(...(await benches[name]()));
	}
	for (const result of results) {
		process.stdout.write(`${result.pass ? 'ok  ' : 'MISS'}  ${result.name}: ${result.value} ${result.unit}\n`);
	}
	return results.every((result) => result.pass) ? 0 : 1;
}

mainBench()
	.then((code) => {
		rmSync(workDir, { recursive: true, force: true });
		process.exit(code);
	})
	.catch((error) => {
		rmSync(workDir, { recursive: true, force: true });
		process.stderr.write(`${error.message}\n`);
		process.exit(2);
	});
