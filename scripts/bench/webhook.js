/**
 * Issue #7 part 4: webhook acknowledgement. recipes/push-on-interested.lever.json under `ats-sync serve` (child
 * process) on loopback; a load driver (another child process) POSTs 200 signed contact events per second for 30 s
 * on a fixed schedule and times each acknowledgement (request sent → response status). Two runs:
 *   at Lever's limit   contact.interested events; the Lever simulator enforces 10 requests/s and our transport
 *                      paces, so the runs mostly wait for Lever (4 requests per contact, 2.5 contacts/s), as in
 *                      production. 6,000 events are 40 minutes of Lever work, so the server is killed after the
 *                      load and only the acknowledgements are measured.
 *   every event a run  contact.added events, which the recipe's sync policy ("replied") does not sync: each event
 *                      is one run that ends at the policy, so the queue drains in minutes and every acknowledged
 *                      event must have produced a run (0 lost). (Syncing 6,000 contacts with Lever's limit lifted
 *                      is bounded by the simulator: its email lookup scans every record, so it slows as it fills.)
 */
const { spawn } = require('node:child_process');
const { createHmac } = require('node:crypto');
const { writeFileSync } = require('node:fs');
const path = require('node:path');

const { contactEvent, percentile, result, round, serveCli, targets, tempDir, writeJson } = require('./lib');

const SECTION = 'webhook';
const RECIPE = path.join(__dirname, '..', '..', 'recipes', 'push-on-interested.lever.json');
const RATE = 200;
const SECONDS = Number(process.env.BENCH_WEBHOOK_SECONDS || 30);
const SECRET = 'bench-outreach-signing-secret';

function drive(url, bodiesFile) {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [path.join(__dirname, 'webhook-driver.js'), url, bodiesFile, String(RATE)], { stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		child.on('close', (code) => (code === 0 ? resolve(JSON.parse(stdout)) : reject(new Error(`load driver exited ${code}: ${stderr}`))));
	});
}

/** One load run; `limited`: events that sync to Lever at its limit, else events every run ends at the sync policy. */
async function loadRun(limited) {
	const { startLeverSimulator, LEVER_SEED } = require('../../test/simulators/lever');
	const label = limited ? "at Lever's limit" : 'every event a run';
	const prefix = limited ? 'paced' : 'hook';
	const dir = tempDir(`${SECTION}-${prefix}`);
	const count = RATE * SECONDS;
	const sim = await startLeverSimulator({ port: 0 });
	let server;
	try {
		const credentials = writeJson(dir, 'credentials.json', {
			'Lever account': {
				type: 'leverApi',
				data: { apiKey: sim.apiKey, environment: 'custom', customUrl: sim.baseUrl, defaultPerformAs: LEVER_SEED.users.recruiter },
			},
			'Outreach webhook': { type: 'contactEventWebhookApi', data: { signingSecret: SECRET } },
		});
		const bodiesFile = path.join(dir, 'bodies.ndjson');
		writeFileSync(
			bodiesFile,
			Array.from({ length: count }, (_, i) => {
				const body = JSON.stringify(contactEvent(i, { prefix, type: limited ? 'contact.interested' : 'contact.added' }));
				return JSON.stringify({ body, signature: `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}` });
			}).join('\n') + '\n',
		);
		server = await serveCli([RECIPE, '--port', '0', '--host', '127.0.0.1', '--credentials', credentials, '--state', path.join(dir, 'state.json')]);
		const driven = await drive(server.urlOf('Contact Event'), bodiesFile);
		const drivenAt = Date.now();
		const acknowledged = driven.results.filter((answer) => answer.status === 200);
		const ackMs = acknowledged.map((answer) => answer.ackMs).sort((a, b) => a - b);
		const statuses = [...new Set(driven.results.map((answer) => (answer.error ? `${answer.status} (${answer.error})` : answer.status)))].join(', ');
		const rows = [
			result(SECTION, `${label}: events acknowledged with 200`, acknowledged.length, `of ${count}`, targets.exactly(count), `statuses seen: ${statuses}; the driver ran at most ${round(driven.maxLateMs, 1)} ms behind its schedule`),
			result(SECTION, `${label}: time to acknowledgement p50`, round(percentile(ackMs, 50), 2), 'ms', undefined, `${RATE} signed requests/s for ${SECONDS} s on loopback`),
			result(
				SECTION,
				`${label}: time to acknowledgement p99`,
				round(percentile(ackMs, 99), 2),
				'ms',
				limited ? targets.below(5) : undefined,
				`max ${round(ackMs[ackMs.length - 1], 1)} ms; ${server.summaries.length} runs had finished when the load stopped (runs share serve's one event loop with the acknowledgements)`,
			),
		];
		if (limited) {
			// The rest of the backlog is Lever work at 10 requests/s; nothing more to learn about acknowledgements.
			await server.kill();
			server = undefined;
			return rows;
		}
		// Every acknowledged event must become a run; the queue drains after the load stops.
		let drainNote;
		let drained = true;
		try {
			await server.waitForSummaries(acknowledged.length, 10 * 60_000);
			drainNote = `the last run finished ${round((Date.now() - drivenAt) / 1000, 1)} s after the last request`;
		} catch (error) {
			drained = false;
			drainNote = error.message;
		}
		const runs = server.summaries.length;
		const succeeded = server.summaries.filter((summary) => summary.status === 'success').length;
		const notSynced = server.summaries.filter((summary) => summary.nodes?.find((node) => node.node === 'Sync Policy')?.itemsPerOutput?.[0] === 0).length;
		// Not drained in time: SIGTERM would wait for every queued run, so kill instead.
		const stopped = drained ? await server.stop() : { code: await server.kill(), usage: undefined };
		server = undefined;
		rows.push(
			result(SECTION, `${label}: events lost (acknowledged, no run)`, acknowledged.length - runs, 'count', targets.exactly(0), `${runs} runs (${succeeded} succeeded, ${notSynced} stopped at the sync policy as configured); ${drainNote}`),
			result(SECTION, `${label}: peak RSS of ats-sync serve`, stopped.usage ? round(stopped.usage.maxRssKb / 1024, 0) : 'n/a', 'MB', undefined, `${count} events taken in while runs were queued; exit ${stopped.code}`),
		);
		return rows;
	} finally {
		if (server) await server.kill();
		await sim.close();
	}
}

async function run() {
	return [...(await loadRun(true)), ...(await loadRun(false))];
}

module.exports = { name: SECTION, title: `ats-sync serve acknowledging ${RATE} signed events/s for ${SECONDS} s`, run };
