/**
 * Issue #7 part 1, Lever: recipes/push-on-interested.lever.json in `ats-sync run` (child process) against the Lever
 * simulator enforcing Lever's documented limit (token bucket per API key: 10 requests/s steady, bursts up to 20).
 *   new       N contacts Lever has never seen (the upsert looks up by email, then creates)
 *   updated   the same N contacts again, each with one new link (lookup, add link, re-read)
 *   unlimited N new contacts with the simulator's limit lifted and our pacing off: our own overhead per item
 * The achieved rate is measured on the simulator's clock (first to last request it answered) and compared with
 * the most Lever's bucket lets through in that time: burst + rate × seconds.
 */
const path = require('node:path');

const {
	bucketShare,
	contactCount,
	contactEvent,
	describeBreakdown,
	endpointOf,
	result,
	round,
	runCli,
	targets,
	tempDir,
	timestampRequests,
	writeJson,
	writeNdjson,
} = require('./lib');

const SECTION = 'lever';
const RECIPE = path.join(__dirname, '..', '..', 'recipes', 'push-on-interested.lever.json');
const LEVER_LIMIT = { ratePerSecond: 10, burst: 20 };
const UPSERT_ENDPOINTS = new Set(['GET /v1/opportunities', 'POST /v1/opportunities']);

function credentialsFor(dir, sim, seed) {
	return writeJson(dir, `credentials-${sim.baseUrl.replace(/\W/g, '')}.json`, {
		'Lever account': {
			type: 'leverApi',
			data: {
				apiKey: sim.apiKey,
				environment: 'custom',
				customUrl: sim.baseUrl,
				defaultPerformAs: seed.users.recruiter,
			},
		},
		// The recipe's trigger checks signatures on webhooks; replayed --input events are validated, not signed.
		'Outreach webhook': {
			type: 'contactEventWebhookApi',
			data: { signingSecret: 'bench-only-secret' },
		},
	});
}

/** One recipe run over `events`; what the simulator saw during it. */
async function recipeRun(sim, dir, name, events, credentials, env = {}) {
	const input = writeNdjson(dir, `${name}.ndjson`, events);
	const before = sim.requests.length;
	const limitedBefore = sim.rateLimited;
	const cli = await runCli(
		[
			'run',
			RECIPE,
			'--input',
			input,
			'--credentials',
			credentials,
			'--state',
			path.join(dir, `${name}.state.json`),
		],
		{ env },
	);
	const entries = sim.requests.slice(before);
	const spanSeconds =
		entries.length > 1 ? (entries[entries.length - 1].at - entries[0].at) / 1000 : NaN;
	const failed = cli.summary.failedItems?.length ?? 0;
	return { cli, entries, spanSeconds, rateLimited: sim.rateLimited - limitedBefore, failed };
}

function rateRows(label, run, count) {
	const { share, used, allowed, seconds } = bucketShare(run.entries, LEVER_LIMIT);
	return [
		result(
			SECTION,
			`${label}: requests/s ÷ allowed requests/s`,
			round(share, 3),
			'ratio',
			targets.atLeast(0.95),
			`${used} requests answered in ${round(seconds, 1)} s on the simulator's clock = ${round(used / seconds, 2)} req/s; Lever allows ${LEVER_LIMIT.burst} + ${LEVER_LIMIT.ratePerSecond}/s × ${round(seconds, 1)} s = ${round(allowed / seconds, 2)} req/s`,
		),
		result(SECTION, `${label}: 429 responses`, run.rateLimited, 'count', targets.exactly(0)),
		result(
			SECTION,
			`${label}: wall time`,
			round(run.cli.seconds, 1),
			's',
			undefined,
			`${count} contacts, process start to exit, exit ${run.cli.code}, ${run.failed} failed items`,
		),
	];
}

async function run() {
	const { startLeverSimulator, LEVER_SEED } = require('../../test/simulators/lever');
	const count = contactCount();
	const dir = tempDir(SECTION);
	const rows = [];

	const sim = await startLeverSimulator({ port: 0, rateLimit: LEVER_LIMIT });
	try {
		timestampRequests(sim);
		const credentials = credentialsFor(dir, sim, LEVER_SEED);
		const seedOpportunities = sim.state.opportunities.length;

		const created = await recipeRun(
			sim,
			dir,
			'new',
			Array.from({ length: count }, (_, i) => contactEvent(i, { prefix: 'new' })),
			credentials,
		);
		const newOpportunities = sim.state.opportunities.length - seedOpportunities;
		const upsertCalls = created.entries.filter((entry) =>
			UPSERT_ENDPOINTS.has(endpointOf(entry)),
		).length;
		rows.push(
			result(
				SECTION,
				'new: candidates created',
				newOpportunities,
				`of ${count}`,
				targets.exactly(count),
			),
			...rateRows('new', created, count),
			result(
				SECTION,
				'new: upsert calls per new candidate',
				round(upsertCalls / count, 2),
				'calls',
				targets.atMost(3),
				"look up by email, create, look up again: Lever's create dedupes the contact but opens a new opportunity on every POST, so the lookup cannot be dropped, and the check after the create finds the same person created at once by another process (docs/queue-mode.md)",
			),
			result(
				SECTION,
				'new: recipe calls per contact',
				round(created.entries.length / count, 2),
				'calls',
				undefined,
				describeBreakdown(created.entries, count),
			),
		);

		// The same people again, each with a new GitHub link: an update of an existing candidate.
		const updates = Array.from({ length: count }, (_, i) => {
			const event = contactEvent(i, { prefix: 'new', headline: 'Engineer (update)' });
			event.contact.links.push(`https://github.com/new${i}`);
			return event;
		});
		const updated = await recipeRun(sim, dir, 'updated', updates, credentials);
		const duplicates = sim.state.opportunities.length - seedOpportunities - newOpportunities;
		rows.push(
			result(SECTION, 'updated: duplicate opportunities', duplicates, 'count', targets.exactly(0)),
			...rateRows('updated', updated, count),
			result(
				SECTION,
				'updated: calls per updated candidate',
				round(updated.entries.length / count, 2),
				'calls',
				undefined,
				describeBreakdown(updated.entries, count),
			),
		);
	} finally {
		await sim.close();
	}

	const unlimited = await startLeverSimulator({ port: 0, rateLimit: false });
	try {
		timestampRequests(unlimited);
		const credentials = credentialsFor(dir, unlimited, LEVER_SEED);
		const lifted = await recipeRun(
			unlimited,
			dir,
			'unlimited',
			Array.from({ length: count }, (_, i) => contactEvent(i, { prefix: 'free' })),
			credentials,
			{
				ATS_SYNC_BENCH_UNPACED: '1',
			},
		);
		rows.push(
			result(
				SECTION,
				'limit lifted: contacts/s',
				round(count / lifted.spanSeconds, 1),
				'items/s',
				undefined,
				`simulator limit and our pacing both off: ${round((lifted.spanSeconds * 1000) / count, 2)} ms per contact from first to last request (simulator in the bench process; ${describeBreakdown(lifted.entries, count)}); ${round(lifted.cli.seconds, 1)} s wall incl. process start; ${lifted.failed} failed items`,
			),
		);
	} finally {
		await unlimited.close();
	}
	return rows;
}

module.exports = { name: SECTION, title: "push-on-interested at Lever's rate limit", run };
