/**
 * What the bench sections share: the result shape, running `ats-sync` in a child process (its own peak RSS),
 * timestamps on the simulators' request logs, endpoint breakdowns, contact events and machine facts.
 *
 * Result shape (one row of the table; every section returns an array of these):
 *   { section, name, figure, unit, target, verdict, note }
 *   section  the section's name ('lever', 'sr', 'memory', 'webhook', 'engine', 'n8n', …)
 *   name     what was measured, e.g. 'requests/s ÷ allowed requests/s'
 *   figure   a number (or short string) measured in this run
 *   unit     the figure's unit ('ratio', 'req/s', 'ms', 'MB', 'count', …)
 *   target   e.g. '≥ 0.95', or '' when the row is informational
 *   verdict  'pass' | 'miss' | 'info'
 *   note     how it was measured / why a target was missed ('' if nothing to add)
 */
const { spawn } = require('node:child_process');
const { mkdtempSync, readFileSync, writeFileSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const repoRoot = path.join(__dirname, '..', '..');
/** The package of the recipes' helper nodes (contact event trigger, rules, field map…). */
const TOOLKIT_PACKAGE = 'n8n-nodes-ats-sync-toolkit';

/** Contacts per throughput run: 1,000 per issue #7; BENCH_CONTACTS makes a quicker trial run. */
const contactCount = () => Number(process.env.BENCH_CONTACTS || 1000);

const targets = {
	atLeast: (threshold) => ({ text: `≥ ${threshold}`, pass: (figure) => figure >= threshold }),
	atMost: (threshold) => ({ text: `≤ ${threshold}`, pass: (figure) => figure <= threshold }),
	below: (threshold) => ({ text: `< ${threshold}`, pass: (figure) => figure < threshold }),
	exactly: (value) => ({ text: `= ${value}`, pass: (figure) => figure === value }),
};

/** One table row. Without a target the row is informational. */
function result(section, name, figure, unit, target, note = '') {
	const verdict = target ? (target.pass(figure) ? 'pass' : 'miss') : 'info';
	return { section, name, figure, unit, target: target ? target.text : '', verdict, note };
}

const round = (value, digits = 2) =>
	typeof value === 'number' && Number.isFinite(value) ? Number(value.toFixed(digits)) : value;

function tempDir(prefix) {
	return mkdtempSync(path.join(os.tmpdir(), `ats-sync-bench-${prefix}-`));
}

function writeJson(dir, name, value) {
	const file = path.join(dir, name);
	writeFileSync(file, JSON.stringify(value, null, 2));
	return file;
}

function writeNdjson(dir, name, events) {
	const file = path.join(dir, name);
	writeFileSync(file, events.map((event) => JSON.stringify(event)).join('\n') + '\n');
	return file;
}

/** An outreach tool's contact event, as the Contact Event Trigger receives it. */
function contactEvent(
	index,
	{ prefix = 'bench', type = 'contact.interested', headline = 'Engineer', campaign } = {},
) {
	return {
		eventId: `${prefix}-${index}-${headline}`,
		type,
		occurredAt: '2026-11-20T09:00:00Z',
		campaign: campaign ?? { id: 'sw-backend-berlin', name: 'Backend Berlin Q4' },
		outreachType: 'email',
		message: 'Happy to talk',
		contact: {
			email: `${prefix}.person${index}@example.net`,
			firstName: 'Bench',
			lastName: `Person ${index}`,
			headline,
			location: 'Berlin',
			links: [`https://www.linkedin.com/in/${prefix}${index}`],
		},
	};
}

const CLI_CHILD = path.join(__dirname, 'cli-child.js');

/**
 * `ats-sync <args> --json` in a child process (this Node). Resolves when it exits with its exit code, wall time,
 * JSON events, the run summary and the child's own resource usage (peak RSS).
 */
async function runCli(args, { env = {} } = {}) {
	const dir = tempDir('usage');
	const usageFile = path.join(dir, 'usage.json');
	const started = process.hrtime.bigint();
	const child = spawn(process.execPath, [CLI_CHILD, ...args, '--json'], {
		cwd: repoRoot,
		env: { ...process.env, ...env, ATS_SYNC_BENCH_USAGE: usageFile },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk) => (stdout += chunk));
	child.stderr.on('data', (chunk) => (stderr += chunk));
	const code = await new Promise((resolve) => child.on('close', resolve));
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	const events = stdout
		.split('\n')
		.filter((line) => line.startsWith('{'))
		.map((line) => JSON.parse(line));
	const summary = events.find((event) => event.event === 'summary');
	let usage;
	try {
		usage = JSON.parse(readFileSync(usageFile, 'utf8'));
	} catch {
		usage = undefined;
	}
	if (!summary)
		throw new Error(
			`ats-sync ${args[0]} produced no summary (exit ${code}): ${stderr.slice(-2000)}`,
		);
	return { code, seconds, events, summary, usage, stderr };
}

/** `ats-sync serve <args> --json` in a child process until it says it is serving; `stop()` sends SIGTERM. */
async function serveCli(args, { env = {} } = {}) {
	const dir = tempDir('usage');
	const usageFile = path.join(dir, 'usage.json');
	const child = spawn(process.execPath, [CLI_CHILD, 'serve', ...args, '--json'], {
		cwd: repoRoot,
		env: { ...process.env, ...env, ATS_SYNC_BENCH_USAGE: usageFile },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	const summaries = [];
	const listeners = new Set();
	// stdout (JSON lines) and stderr are split into lines each on its own: a chunk of one may end mid-line.
	const lineReader = () => {
		let pending = '';
		return (chunk) => {
			output += chunk;
			pending += chunk;
			const lines = pending.split('\n');
			pending = lines.pop();
			for (const line of lines) {
				if (!line.startsWith('{')) continue;
				try {
					const event = JSON.parse(line);
					if (event.event === 'summary') summaries.push(event);
				} catch {
					// a plain note line
				}
			}
			for (const listener of [...listeners]) listener();
		};
	};
	child.stdout.on('data', lineReader());
	child.stderr.on('data', lineReader());
	const exited = new Promise((resolve) => child.on('close', resolve));
	const waitUntil = (check, what, timeoutMs) =>
		new Promise((resolve, reject) => {
			const timer = setTimeout(() => {
				listeners.delete(listener);
				reject(new Error(`ats-sync serve: timed out waiting for ${what}`));
			}, timeoutMs);
			const listener = () => {
				if (!check()) return;
				clearTimeout(timer);
				listeners.delete(listener);
				resolve();
			};
			listeners.add(listener);
			void exited.then(() => {
				clearTimeout(timer);
				reject(new Error(`ats-sync serve exited before ${what}: ${output.slice(-2000)}`));
			});
			listener();
		});
	await waitUntil(() => /serving http/.test(output), 'it served', 60_000);
	return {
		output: () => output,
		summaries,
		urlOf: (nodeName) => {
			const found = new RegExp(`"${nodeName}" listens at POST (\\S+?)(\\\\n|"|\\s)`).exec(
				output,
			)?.[1];
			if (!found) throw new Error(`"${nodeName}" is not served: ${output.slice(-2000)}`);
			return found;
		},
		waitForSummaries: (count, timeoutMs) =>
			waitUntil(() => summaries.length >= count, `${count} run summaries`, timeoutMs),
		/** SIGKILL: for a server whose queued runs would take too long to finish. */
		kill: async () => {
			child.kill('SIGKILL');
			return await exited;
		},
		stop: async () => {
			child.kill('SIGTERM');
			const code = await exited;
			let usage;
			try {
				usage = JSON.parse(readFileSync(usageFile, 'utf8'));
			} catch {
				usage = undefined;
			}
			return { code, usage };
		},
	};
}

/** Stamps each entry a simulator logs with the time it was logged (ms, sub-millisecond resolution). */
function timestampRequests(sim) {
	const log = sim.requests;
	const push = log.push.bind(log);
	log.push = (...entries) => {
		const at = performance.timeOrigin + performance.now();
		for (const entry of entries) entry.at = at;
		return push(...entries);
	};
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** `POST /v1/opportunities/:id/notes` — the endpoint of a logged request, ids replaced. */
const endpointOf = (entry) => `${entry.method} ${entry.path.replace(UUID, ':id')}`;

/** Requests per endpoint, most used first. */
function breakdown(entries) {
	const counts = new Map();
	for (const entry of entries)
		counts.set(endpointOf(entry), (counts.get(endpointOf(entry)) ?? 0) + 1);
	return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}

const describeBreakdown = (entries, per) =>
	breakdown(entries)
		.map(([endpoint, count]) => `${endpoint} ${round(count / per, 2)}`)
		.join(', ');

/** Requests the vendor answered: a 429 used none of its allowance. */
const answered = (entries) => entries.filter((entry) => entry.status !== 429);

/**
 * Lever's token bucket (`ratePerSecond` steady, `burst` at once): the share of what it lets through between the
 * first and the last request (burst + rate × seconds) that the requests it answered used.
 */
function bucketShare(entries, { ratePerSecond, burst }) {
	const seconds =
		entries.length > 1 ? (entries[entries.length - 1].at - entries[0].at) / 1000 : NaN;
	const used = answered(entries).length;
	const allowed = burst + ratePerSecond * seconds;
	return { share: used / allowed, used, allowed, seconds };
}

/**
 * SmartRecruiters' window per endpoint (`perSecond` requests in any one second): each endpoint answered at least
 * `minCalls` times, against the most such a window lets through from its first to its last call, perSecond ×
 * (⌊seconds⌋ + 1); `share` is over all of them, weighted by requests. `busiest` is the endpoint called most: where a
 * recipe calls one endpoint more often per contact than the others (the upsert's email search, twice per new
 * candidate with its check after the create), that endpoint's limit is the one that paces the whole recipe.
 */
function endpointShares(entries, minCalls, perSecond) {
	const ok = answered(entries);
	const rates = breakdown(ok)
		.filter(([, calls]) => calls >= minCalls)
		.map(([endpoint, calls]) => {
			const times = ok.filter((entry) => endpointOf(entry) === endpoint).map((entry) => entry.at);
			const seconds = (times[times.length - 1] - times[0]) / 1000;
			return { endpoint, calls, seconds, allowed: perSecond * (Math.floor(seconds) + 1) };
		});
	const sum = (key) => rates.reduce((total, rate) => total + rate[key], 0);
	const busiest = rates.reduce(
		(most, rate) => (most === undefined || rate.calls > most.calls ? rate : most),
		undefined,
	);
	return {
		share: sum('calls') / sum('allowed'),
		rates,
		busiest: busiest && { endpoint: busiest.endpoint, share: busiest.calls / busiest.allowed },
	};
}

function percentile(sorted, p) {
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function machine() {
	let cpu = os.cpus()[0]?.model ?? 'unknown';
	try {
		cpu = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpu;
	} catch {
		// not Linux: os.cpus() has the model
	}
	return {
		cpu,
		cores: os.cpus().length,
		ramGb: round(os.totalmem() / 1024 ** 3, 1),
		node: process.version,
		os: `${os.type()} ${os.release()} ${os.arch()}`,
	};
}

module.exports = {
	TOOLKIT_PACKAGE,
	breakdown,
	bucketShare,
	contactCount,
	contactEvent,
	describeBreakdown,
	endpointOf,
	endpointShares,
	machine,
	percentile,
	repoRoot,
	result,
	round,
	runCli,
	serveCli,
	targets,
	tempDir,
	timestampRequests,
	writeJson,
	writeNdjson,
};
