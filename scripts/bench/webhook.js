/**
 * Issue #12 (was #7 part 4): webhook acknowledgement and the durable inbox. recipes/push-on-interested.lever.json
 * under `ats-sync serve` (child process; its worker thread is in the same process, so its peak RSS counts) on
 * loopback; a load driver (another child process) POSTs 200 signed contact events per second for 30 s on a fixed
 * schedule and times each acknowledgement (request sent → response status). Two runs:
 *   at Lever's limit   contact.interested events: the worker syncs them to the Lever simulator at its 10 requests/s
 *                      (2.5 contacts/s) while the load goes on, so acknowledgements are measured with runs going on
 *                      and a backlog building up. Every acknowledged event must be in the inbox (0 lost). Then, with
 *                      that backlog queued, 10 unsigned 15 MB bodies arrive at once (streamed, no Content-Length);
 *                      serve's peak RSS is read when it exits (SIGTERM: the backlog stays in the inbox).
 *   every event a run  contact.added events, which the recipe's sync policy ("replied") does not sync: each event is
 *                      one short run, so the inbox drains in minutes and every acknowledged event must end done.
 * The inbox commits with synchronous=FULL: each acknowledgement waits for one fsync of the WAL, so the disk's own
 * commit latency (measured here on the same disk) is reported beside the acknowledgement figures.
 */
const { spawn } = require('node:child_process');
const { createHmac } = require('node:crypto');
const { writeFileSync } = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const {
	contactEvent,
	percentile,
	repoRoot,
	result,
	round,
	serveCli,
	targets,
	tempDir,
	writeJson,
} = require('./lib');

const SECTION = 'webhook';
const RECIPE = path.join(__dirname, '..', '..', 'recipes', 'push-on-interested.lever.json');
const RATE = 200;
const SECONDS = Number(process.env.BENCH_WEBHOOK_SECONDS || 30);
const SECRET = 'bench-outreach-signing-secret';
const FLOOD_BODIES = 10;
const FLOOD_BYTES = 15 * 1024 * 1024;

function drive(url, bodiesFile) {
	return new Promise((resolve, reject) => {
		const child = spawn(
			process.execPath,
			[path.join(__dirname, 'webhook-driver.js'), url, bodiesFile, String(RATE)],
			{ stdio: ['ignore', 'pipe', 'pipe'] },
		);
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		child.on('close', (code) =>
			code === 0
				? resolve(JSON.parse(stdout))
				: reject(new Error(`load driver exited ${code}: ${stderr}`)),
		);
	});
}

/** `ats-sync inbox <workflow> list --json` for the run's state file: the inbox counts. */
function inboxCounts(stateFile) {
	return new Promise((resolve, reject) => {
		const child = spawn(
			process.execPath,
			[
				path.join(repoRoot, 'runner', 'bin', 'ats-sync.js'),
				'inbox',
				RECIPE,
				'list',
				'--pending',
				'--json',
				'--state',
				stateFile,
			],
			{
				stdio: ['ignore', 'pipe', 'pipe'],
			},
		);
		let stdout = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.on('close', (code) =>
			code === 0
				? resolve(JSON.parse(stdout).counts)
				: reject(new Error(`ats-sync inbox exited ${code}`)),
		);
	});
}

/** `count` unsigned bodies of `bytes` each, streamed at once without a Content-Length; resolves with what each got. */
function flood(url, count, bytes) {
	const target = new URL(url);
	const chunk = Buffer.alloc(64 * 1024, 0x20);
	return Promise.all(
		Array.from(
			{ length: count },
			() =>
				new Promise((resolve) => {
					const request = http.request({
						host: target.hostname,
						port: target.port,
						path: target.pathname,
						method: 'POST',
						headers: { 'content-type': 'application/json' },
					});
					let settled = false;
					const done = (outcome) => {
						if (settled) return;
						settled = true;
						request.destroy();
						resolve(outcome);
					};
					request.on('response', (response) => {
						response.resume();
						done(String(response.statusCode));
					});
					request.on('error', (error) => done(error.code ?? 'error'));
					let sent = 0;
					const write = () => {
						while (sent < bytes) {
							sent += chunk.length;
							if (!request.write(chunk)) return request.once('drain', write);
						}
						request.end();
					};
					write();
				}),
		),
	);
}

/** p50/p99 of a commit to a SQLite database in WAL with synchronous=FULL on the disk the inbox is on. */
function diskCommitLatency(dir) {
	const { DatabaseSync } = require('node:sqlite');
	const db = new DatabaseSync(path.join(dir, 'fsync-probe.db'));
	db.exec(
		'PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)',
	);
	const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
	const times = [];
	for (let i = 0; i < 300; i++) {
		const started = process.hrtime.bigint();
		db.exec('BEGIN IMMEDIATE');
		insert.run('x'.repeat(800));
		db.exec('COMMIT');
		times.push(Number(process.hrtime.bigint() - started) / 1e6);
	}
	db.close();
	times.sort((a, b) => a - b);
	return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

/**
 * The machine's own floor for the same load: the driver against a bare node:http server (another process) that
 * answers 200 at once, for 5 s. On a shared, loaded machine this is far from zero, and serve cannot be faster.
 */
async function bareServerAck(dir) {
	const server = spawn(
		process.execPath,
		[
			'-e',
			"require('node:http').createServer((q, r) => q.resume().on('end', () => r.end('{}'))).listen(0, '127.0.0.1', function () { console.log(this.address().port) })",
		],
		{ stdio: ['ignore', 'pipe', 'inherit'] },
	);
	try {
		const port = await new Promise((resolve) =>
			server.stdout.once('data', (chunk) => resolve(Number(String(chunk).trim()))),
		);
		const bodiesFile = path.join(dir, 'bare.ndjson');
		writeFileSync(
			bodiesFile,
			Array.from({ length: RATE * 5 }, (_, i) =>
				JSON.stringify({ body: JSON.stringify(contactEvent(i)), signature: 'sha256=0' }),
			).join('\n') + '\n',
		);
		const driven = await drive(`http://127.0.0.1:${port}/`, bodiesFile);
		const ackMs = driven.results.map((answer) => answer.ackMs).sort((a, b) => a - b);
		return { p50: percentile(ackMs, 50), p99: percentile(ackMs, 99) };
	} finally {
		server.kill();
	}
}

const countsText = (counts) =>
	`${counts.pending} pending, ${counts.done} done, ${counts.dead} dead`;

/** One load run; `limited`: events that sync to Lever at its limit, else events every run ends at the sync policy. */
async function loadRun(limited) {
	const { startLeverSimulator, LEVER_SEED } = require('../../test/simulators/lever');
	const label = limited ? "at Lever's limit" : 'every event a run';
	const prefix = limited ? 'paced' : 'hook';
	const dir = tempDir(`${SECTION}-${prefix}`);
	const count = RATE * SECONDS;
	const stateFile = path.join(dir, 'state.json');
	const sim = await startLeverSimulator({ port: 0 });
	let server;
	try {
		const credentials = writeJson(dir, 'credentials.json', {
			'Lever account': {
				type: 'leverApi',
				data: {
					apiKey: sim.apiKey,
					environment: 'custom',
					customUrl: sim.baseUrl,
					defaultPerformAs: LEVER_SEED.users.recruiter,
				},
			},
			'Outreach webhook': { type: 'contactEventWebhookApi', data: { signingSecret: SECRET } },
		});
		const bodiesFile = path.join(dir, 'bodies.ndjson');
		writeFileSync(
			bodiesFile,
			Array.from({ length: count }, (_, i) => {
				const body = JSON.stringify(
					contactEvent(i, { prefix, type: limited ? 'contact.interested' : 'contact.added' }),
				);
				return JSON.stringify({
					body,
					signature: `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`,
				});
			}).join('\n') + '\n',
		);
		const disk = diskCommitLatency(dir);
		const bare = await bareServerAck(dir);
		server = await serveCli([
			RECIPE,
			'--port',
			'0',
			'--host',
			'127.0.0.1',
			'--credentials',
			credentials,
			'--state',
			stateFile,
		]);
		const url = server.urlOf('Contact Event');
		const driven = await drive(url, bodiesFile);
		const drivenAt = Date.now();
		const acknowledged = driven.results.filter((answer) => answer.status === 200);
		const unanswered = driven.results.filter((answer) => answer.error);
		const ackMs = acknowledged.map((answer) => answer.ackMs).sort((a, b) => a - b);
		const statuses = [
			...new Set(
				driven.results.map((answer) =>
					answer.error ? `${answer.status} (${answer.error})` : answer.status,
				),
			),
		].join(', ');
		const stored = await inboxCounts(stateFile);
		const runsDuringLoad = server.summaries.length;
		const rows = [
			result(
				SECTION,
				`${label}: requests without an answer`,
				unanswered.length,
				`of ${count}`,
				targets.exactly(0),
				`statuses seen: ${statuses}; ${acknowledged.length} acknowledged with 200; the driver ran at most ${round(driven.maxLateMs, 1)} ms behind its schedule`,
			),
			result(
				SECTION,
				`${label}: time to acknowledgement p50`,
				round(percentile(ackMs, 50), 2),
				'ms',
				undefined,
				`${RATE} signed requests/s for ${SECONDS} s on loopback, runs going on (${runsDuringLoad} finished during the load)`,
			),
			result(
				SECTION,
				`${label}: time to acknowledgement p99`,
				round(percentile(ackMs, 99), 2),
				'ms',
				targets.below(5),
				`max ${round(ackMs[ackMs.length - 1], 1)} ms (SmartRecruiters' limit is 5 s); each acknowledgement waits for its inbox commit: a synchronous=FULL commit on this disk takes p50 ${round(disk.p50, 2)} / p99 ${round(disk.p99, 2)} ms measured alone; a bare node:http server answering at once gets p50 ${round(bare.p50, 2)} / p99 ${round(bare.p99, 2)} ms from the same driver on this machine now`,
			),
			result(
				SECTION,
				`${label}: events lost (acknowledged, not in the inbox)`,
				acknowledged.length - (stored.pending + stored.done + stored.dead),
				'count',
				targets.exactly(0),
				`inbox right after the load: ${countsText(stored)}`,
			),
		];
		if (limited) {
			// The backlog stays queued on disk while bodies far over the 1 MB limit arrive at once.
			const outcomes = await flood(url, FLOOD_BODIES, FLOOD_BYTES);
			const queued = (await inboxCounts(stateFile)).pending;
			const stopStarted = Date.now();
			const stopped = await server.stop();
			server = undefined;
			const afterStop = await inboxCounts(stateFile);
			const seen = [...new Set(outcomes)]
				.map((outcome) => `${outcomes.filter((other) => other === outcome).length}× ${outcome}`)
				.join(', ');
			rows.push(
				result(
					SECTION,
					`${label}: peak RSS of ats-sync serve (worker thread included)`,
					stopped.usage ? round(stopped.usage.maxRssKb / 1024, 0) : 'n/a',
					'MB',
					targets.below(250),
					`${count} events taken in while runs went on; then ${FLOOD_BODIES} unsigned ${FLOOD_BYTES / 1024 / 1024} MB bodies streamed at once with ${queued} events queued (answers: ${seen}); SIGTERM: exit ${stopped.code} after ${round((Date.now() - stopStarted) / 1000, 1)} s, ${afterStop.pending} events left in the inbox for the next start`,
				),
			);
			return rows;
		}
		// Every acknowledged event must end done; the inbox drains after the load stops.
		let counts = stored;
		const deadline = Date.now() + 10 * 60_000;
		while (counts.done + counts.dead < acknowledged.length && Date.now() < deadline) {
			await new Promise((resolve) => setTimeout(resolve, 2000));
			counts = await inboxCounts(stateFile);
		}
		const drainNote =
			counts.done + counts.dead >= acknowledged.length
				? `the last run finished within ${round((Date.now() - drivenAt) / 1000, 0)} s after the last request`
				: 'not drained within 10 minutes';
		const notSynced = server.summaries.filter(
			(summary) =>
				summary.nodes?.find((node) => node.node === 'Sync Policy')?.itemsPerOutput?.[0] === 0,
		).length;
		const stopped = await server.stop();
		server = undefined;
		rows.push(
			result(
				SECTION,
				`${label}: events acknowledged but not run to the end`,
				acknowledged.length - counts.done,
				'count',
				targets.exactly(0),
				`inbox: ${countsText(counts)}; ${notSynced} runs stopped at the sync policy as configured; ${drainNote}`,
			),
			result(
				SECTION,
				`${label}: peak RSS of ats-sync serve (worker thread included)`,
				stopped.usage ? round(stopped.usage.maxRssKb / 1024, 0) : 'n/a',
				'MB',
				undefined,
				`${count} events taken in and run; exit ${stopped.code}`,
			),
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

module.exports = {
	name: SECTION,
	title: `ats-sync serve acknowledging ${RATE} signed events/s for ${SECONDS} s into its durable inbox`,
	run,
};
