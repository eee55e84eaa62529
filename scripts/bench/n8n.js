/**
 * Issue #7 part 2: the runner against real n8n for one cron-style run of the same recipe and input.
 *
 * recipes/push-on-interested.lever.json with the runner's recipe-test events (test/recipes/inputs.ts), against the
 * Lever simulator reset to its seed before every run:
 *   A  `ats-sync run <recipe> --input events.ndjson` (a fresh process, as cron starts it)
 *   B  `n8n execute --id <workflow>` in the n8n that `npm run test:n8n` installs (scripts/n8n/install.js), with this
 *      package installed as a community package. `n8n execute` only starts at a Manual Trigger and ignores pinned
 *      data outside the editor, so n8n's copy of the recipe gets two nodes in front of its unchanged nodes: a Manual
 *      Trigger and a Code node that emits the same events into the recipe's Contact Event node.
 * Alternating A/B/A/B, BENCH_N8N_PAIRS pairs (default 5); wall time and peak RSS (GNU time's maximum resident set,
 * which for n8n covers its largest process) per run, median of the per-pair ratios.
 */
const { spawn } = require('node:child_process');
const path = require('node:path');

const { result, round, runCli, targets, tempDir, writeJson, writeNdjson } = require('./lib');

const SECTION = 'n8n';
const RECIPE = path.join(__dirname, '..', '..', 'recipes', 'push-on-interested.lever.json');
const PAIRS = Number(process.env.BENCH_N8N_PAIRS || 5);
const WORKFLOW_ID = 'atsSyncBench1';

const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** The recipe, its nodes unchanged, started by a Manual Trigger and a Code node that emits `events`. */
function executableInN8n(recipe, events) {
	const workflow = structuredClone(recipe);
	const trigger = workflow.nodes.find(
		(node) => node.type === 'n8n-nodes-ats-sync-toolkit.contactEventTrigger',
	);
	workflow.nodes.push(
		{
			id: 'bench-start',
			name: 'Start (bench)',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [-400, 300],
			parameters: {},
		},
		{
			id: 'bench-events',
			name: 'Events (bench)',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: [-200, 300],
			// A fresh event id suffix per execution: the recipe ignores event ids it has processed, and every run
			// here must do the full work on a simulator reset to its seed (the runner gets a fresh state file).
			parameters: {
				jsCode: `const run = Date.now();\nreturn ${JSON.stringify(events)}.map((json) => ({ json: { ...json, eventId: json.eventId + '-' + run } }));`,
			},
		},
	);
	workflow.connections['Start (bench)'] = {
		main: [[{ node: 'Events (bench)', type: 'main', index: 0 }]],
	};
	workflow.connections['Events (bench)'] = {
		main: [[{ node: trigger.name, type: 'main', index: 0 }]],
	};
	return { ...workflow, id: WORKFLOW_ID, name: `${workflow.name} (bench)` };
}

/** `n8n execute` under GNU time: wall seconds and peak RSS (kB). */
function timedN8nExecute(n8n) {
	const command = n8n.command(['execute', `--id=${WORKFLOW_ID}`]);
	return new Promise((resolve, reject) => {
		const child = spawn(
			'/usr/bin/time',
			['-f', 'BENCH_TIME %e %M', command.file, ...command.args],
			{ env: command.env, cwd: command.cwd },
		);
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		child.on('error', reject);
		child.on('close', (code) => {
			const measured = /BENCH_TIME ([\d.]+) (\d+)/.exec(output);
			if (!measured)
				return reject(
					new Error(`n8n execute printed no timing (exit ${code}): ${output.slice(-2000)}`),
				);
			resolve({ code, seconds: Number(measured[1]), maxRssKb: Number(measured[2]), output });
		});
	});
}

async function run() {
	const { credentialNamesIn, N8nInstance, freePort } = require('../../test/n8n/instance');
	const { credentialsFor } = require('../../test/n8n/scenarios');
	const { pushLever } = require('../../test/recipes/inputs');
	const { startFileServer } = require('../../test/recipes/helpers');
	const { startLeverSimulator } = require('../../test/simulators/lever');

	const ports = {
		lever: await freePort(),
		smartRecruiters: await freePort(),
		onboarding: await freePort(),
		files: await freePort(),
		receiver: await freePort(),
	};
	const sim = await startLeverSimulator({ port: ports.lever });
	const files = await startFileServer(pushLever.files, ports.files);
	const n8n = new N8nInstance(await freePort());
	const dir = tempDir(SECTION);
	try {
		const events = pushLever.events(files.baseUrl);
		const input = writeNdjson(dir, 'events.ndjson', events);
		const credentials = credentialsFor(ports);
		const credentialsFile = writeJson(dir, 'credentials.json', credentials);
		const recipe = require(RECIPE);
		n8n.installPackage();
		n8n.importCredentials(
			credentialNamesIn([recipe]).map((name) => ({ name, ...credentials[name] })),
		);
		n8n.importWorkflows([executableInN8n(recipe, events)]);

		const created = () => sim.state.opportunities.length;
		const pairs = [];
		for (let pair = 0; pair < PAIRS; pair++) {
			sim.reset();
			const seeded = created();
			const runner = await runCli([
				'run',
				RECIPE,
				'--input',
				input,
				'--credentials',
				credentialsFile,
				'--state',
				path.join(dir, `state-${pair}.json`),
			]);
			const runnerCreated = created() - seeded;
			sim.reset();
			const inN8n = await timedN8nExecute(n8n);
			const n8nCreated = created() - seeded;
			if (!runner.usage) throw new Error('ats-sync reported no resource usage');
			if (runnerCreated !== n8nCreated || runnerCreated === 0) {
				throw new Error(
					`Runs differ: ats-sync created ${runnerCreated} opportunities, n8n ${n8nCreated} (n8n exit ${inN8n.code}): ${inN8n.output.slice(-1500)}`,
				);
			}
			pairs.push({
				runner: { seconds: runner.seconds, rssMb: runner.usage.maxRssKb / 1024 },
				n8n: { seconds: inN8n.seconds, rssMb: inN8n.maxRssKb / 1024 },
				created: runnerCreated,
			});
			process.stderr.write(
				`bench n8n: pair ${pair + 1}/${PAIRS}: ats-sync ${round(runner.seconds, 1)} s ${round(runner.usage.maxRssKb / 1024, 0)} MB, n8n ${round(inN8n.seconds, 1)} s ${round(inN8n.maxRssKb / 1024, 0)} MB\n`,
			);
		}
		const speed = median(pairs.map((pair) => pair.n8n.seconds / pair.runner.seconds));
		const memory = median(pairs.map((pair) => pair.n8n.rssMb / pair.runner.rssMb));
		const medianOf = (side, key) => round(median(pairs.map((pair) => pair[side][key])), 1);
		const how = `${PAIRS} alternating pairs, ${events.length} contact events (${pairs[0].created} new candidate${pairs[0].created === 1 ? '' : 's'} per run) through push-on-interested (Lever), n8n ${n8n.installation.version}`;
		return [
			result(
				SECTION,
				'n8n execute wall time ÷ ats-sync run wall time (median of pairs)',
				round(speed, 1),
				'×',
				targets.atLeast(10),
				`${how}; medians ats-sync ${medianOf('runner', 'seconds')} s, n8n ${medianOf('n8n', 'seconds')} s`,
			),
			result(
				SECTION,
				'n8n peak RSS ÷ ats-sync peak RSS (median of pairs)',
				round(memory, 1),
				'×',
				targets.atLeast(4),
				`medians ats-sync ${medianOf('runner', 'rssMb')} MB, n8n ${medianOf('n8n', 'rssMb')} MB`,
			),
		];
	} finally {
		await sim.close();
		await files.close();
		n8n.cleanup();
	}
}

module.exports = { title: 'ats-sync run vs real n8n execute, same recipe and input', run };
