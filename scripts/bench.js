#!/usr/bin/env node
/**
 * `npm run bench` (builds first; never part of `npm test`): throughput at the vendors' rate limits, memory at scale
 * and webhook acknowledgement, measured on the built package through the real `ats-sync` CLI against the simulators.
 * Every figure is a ratio or a rate measured within one run, so a slow machine does not change the verdict.
 *
 *   npm run bench -- [section …]        default: every section, in this order
 *
 * Sections (one module each in scripts/bench/, exporting { name, title, run(): Promise<Result[]> }; the result
 * shape is documented in scripts/bench/lib.js):
 *   lever    push-on-interested, new and existing contacts, at Lever's limit and with the limit lifted
 *   sr       the same against SmartRecruiters' per-endpoint and concurrency limits
 *   n8n      the runner against a real n8n instance (scripts/bench/n8n.js, when present)
 *   queueMode  the recipes in n8n's queue mode: main, 2 workers, Redis, PostgreSQL (about 25 minutes)
 *   memory   peak RSS of the Lever hire-to-onboarding poll over 100 vs 10,000 hires
 *   webhook  `ats-sync serve` acknowledging 200 signed contact events/s for 30 s
 *   engine   5,000 events through the generic chain (engine overhead, no HTTP)
 *
 * Prints a markdown table on stdout, writes bench/results/<timestamp>.json, merges the sections run into
 * bench/results/latest.json and regenerates bench/results/README.md from it. BENCH_CONTACTS=<n> shortens the
 * throughput runs for a trial (the committed results use the default 1,000). QUEUE_MODE_FROM=<file> records the figures
 * of an `npm run test:scale` run as the queueMode section instead of running it again. Exit code 1 when a target is
 * missed.
 */
const { existsSync, mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const repoRoot = path.join(__dirname, '..');
// The simulators are TypeScript test code.
require('ts-node').register({
	transpileOnly: true,
	project: path.join(repoRoot, 'tsconfig.test.json'),
});
const os = require('node:os');
const { machine, round } = require('./bench/lib');

/** Every section, in table order; a section whose module is not there (yet) is left out of the default run. */
const SECTIONS = ['lever', 'sr', 'n8n', 'queueMode', 'memory', 'webhook', 'engine'];
const sectionFile = (name) => path.join(__dirname, 'bench', `${name}.js`);
const resultsDir = path.join(repoRoot, 'bench', 'results');

const cell = (value) =>
	String(value ?? '')
		.replace(/\|/g, '\\|')
		.replace(/\n/g, ' ');
const VERDICT = { pass: 'pass', miss: '**MISS**', info: '' };

function table(results) {
	const lines = [
		'| Section | Measure | Figure | Target | Verdict | How / why |',
		'|---|---|---|---|---|---|',
	];
	for (const row of results) {
		const figure = row.unit ? `${row.figure} ${row.unit}` : row.figure;
		lines.push(
			`| ${cell(row.section)} | ${cell(row.name)} | ${cell(figure)} | ${cell(row.target)} | ${VERDICT[row.verdict] ?? row.verdict} | ${cell(row.note)} |`,
		);
	}
	return lines.join('\n');
}

const machineLine = (m) => `${m.cpu}, ${m.cores} cores, ${m.ramGb} GB RAM, Node ${m.node}, ${m.os}`;

function readLatest() {
	const file = path.join(resultsDir, 'latest.json');
	if (!existsSync(file)) return { sections: {} };
	try {
		return JSON.parse(readFileSync(file, 'utf8'));
	} catch {
		return { sections: {} };
	}
}

/** bench/results/README.md: the latest figures of every section, with the machine each was measured on. */
function resultsReadme(latest) {
	const names = Object.keys(latest.sections).sort((a, b) => order(a) - order(b));
	const machines = [...new Set(names.map((name) => machineLine(latest.sections[name].machine)))];
	const rows = names.flatMap((name) => latest.sections[name].results);
	return [
		'# Benchmark results',
		'',
		'Written by `npm run bench` (`npm run bench -- <section …>` for some); do not edit by hand. `latest.json` holds the',
		'newest figures of each section; timestamped files of single runs are not committed.',
		'',
		...names.map((name) => {
			const section = latest.sections[name];
			const load = section.loadAverage1m
				? `, 1-minute load average ${section.loadAverage1m.before} before / ${section.loadAverage1m.after} after`
				: '';
			return `- \`${name}\`: measured ${section.measuredAt} in ${Math.round(section.seconds)} s${load}`;
		}),
		'',
		`Machine: ${machines.join('; ')}.`,
		'',
		table(rows),
		'',
	].join('\n');
}

const order = (name) => (SECTIONS.includes(name) ? SECTIONS.indexOf(name) : SECTIONS.length);

async function main() {
	const chosen = process.argv.slice(2);
	const names =
		chosen.length > 0 ? chosen : SECTIONS.filter((name) => existsSync(sectionFile(name)));
	const unknown = names.filter((name) => !existsSync(sectionFile(name)));
	if (unknown.length > 0)
		throw new Error(
			`Unknown bench section(s) ${unknown.join(', ')} (known: ${SECTIONS.join(', ')})`,
		);

	const startedAt = new Date().toISOString();
	const host = machine();
	const runs = [];
	for (const name of names) {
		const section = require(`./bench/${name}`);
		process.stderr.write(`bench ${name}: ${section.title}…\n`);
		const started = Date.now();
		// Other work on the machine shows in latencies (less in the ratios): keep the load beside the figures.
		const loadBefore = os.loadavg()[0];
		let results;
		// A section may hand back figures measured earlier (e.g. queueMode from `npm run test:scale`) with when, how
		// long and at what load they were measured.
		let measured = {};
		try {
			const outcome = await section.run();
			({ results, ...measured } = Array.isArray(outcome) ? { results: outcome } : outcome);
		} catch (error) {
			results = [
				{
					section: name,
					name: 'section ran',
					figure: 'failed',
					unit: '',
					target: 'completes',
					verdict: 'miss',
					note: error.message,
				},
			];
		}
		const seconds = (Date.now() - started) / 1000;
		process.stderr.write(`bench ${name}: done in ${Math.round(seconds)} s\n`);
		const load = { before: round(loadBefore), after: round(os.loadavg()[0]) };
		runs.push({
			name,
			measuredAt: new Date().toISOString(),
			seconds,
			machine: host,
			loadAverage1m: load,
			...measured,
			results,
		});
	}

	const results = runs.flatMap((run) => run.results);
	const loads = runs
		.map((run) => `${run.name} ${run.loadAverage1m.before}→${run.loadAverage1m.after}`)
		.join(', ');
	process.stdout.write(
		`Machine: ${machineLine(host)}; 1-minute load average per section: ${loads}\n\n${table(results)}\n`,
	);

	mkdirSync(resultsDir, { recursive: true });
	const stamp = startedAt.replace(/[:.]/g, '-');
	writeFileSync(
		path.join(resultsDir, `${stamp}.json`),
		JSON.stringify({ startedAt, machine: host, sections: runs }, null, 2) + '\n',
	);
	const latest = readLatest();
	for (const run of runs) latest.sections[run.name] = run;
	latest.updatedAt = new Date().toISOString();
	writeFileSync(path.join(resultsDir, 'latest.json'), JSON.stringify(latest, null, 2) + '\n');
	writeFileSync(path.join(resultsDir, 'README.md'), resultsReadme(latest));

	return results.some((row) => row.verdict === 'miss') ? 1 : 0;
}

/** Regenerates bench/results/README.md from latest.json (after merging branches that each measured a section). */
function rewriteReadme() {
	writeFileSync(path.join(resultsDir, 'README.md'), resultsReadme(readLatest()));
	return 0;
}

(process.argv[2] === '--readme-only' ? Promise.resolve(rewriteReadme()) : main())
	.then((code) => process.exit(code))
	.catch((error) => {
		process.stderr.write(`${error.message}\n`);
		process.exit(2);
	});
