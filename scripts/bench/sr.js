/**
 * Issue #7 part 1, SmartRecruiters: recipes/push-on-interested.smartrecruiters.json in `ats-sync run` (child process)
 * against the SmartRecruiters simulator enforcing the documented limits per credential: 10 requests/s per endpoint
 * (a sliding one-second window in the simulator), 8 concurrent requests, 1 concurrent `GET /candidates`.
 *   new       N contacts SmartRecruiters has never seen
 *   updated   the same N contacts again, each with a new phone number
 *   unlimited N new contacts with the simulator's limit lifted and our pacing off: our own overhead per item
 * The limit is per endpoint, so the rate is measured per endpoint on the simulator's clock (first to last request
 * to it) against the most a one-second window of 10 lets through in that time: 10 × (⌊seconds⌋ + 1); the endpoint the
 * recipe calls most per contact paces it, and its share is the figure.
 */
const path = require('node:path');

const {
	contactCount,
	contactEvent,
	describeBreakdown,
	endpointOf,
	endpointShares,
	result,
	round,
	runCli,
	targets,
	tempDir,
	timestampRequests,
	writeJson,
	writeNdjson,
} = require('./lib');

const SECTION = 'sr';
const RECIPE = path.join(
	__dirname,
	'..',
	'..',
	'recipes',
	'push-on-interested.smartrecruiters.json',
);
const PER_ENDPOINT = 10;
/** What the Upsert Candidate node calls (the rest are the recipe's status, note and attachment nodes). */
const UPSERT_ENDPOINTS = new Set([
	'GET /candidates',
	'POST /jobs/:id/candidates',
	'GET /candidates/:id',
	'PATCH /candidates/:id',
	'POST /candidates/:id/tags',
]);

function credentialsFor(dir, sim, seed) {
	return writeJson(dir, `credentials-${sim.baseUrl.replace(/\W/g, '')}.json`, {
		'SmartRecruiters account': {
			type: 'smartRecruitersApi',
			data: { apiKey: seed.apiKey, environment: 'custom', customUrl: sim.baseUrl },
		},
		'Outreach webhook': {
			type: 'contactEventWebhookApi',
			data: { signingSecret: 'bench-only-secret' },
		},
	});
}

async function recipeRun(sim, dir, name, events, credentials, env = {}) {
	const input = writeNdjson(dir, `${name}.ndjson`, events);
	const before = sim.requests.length;
	const limitedBefore = sim.rateLimited;
	const violationsBefore = sim.contractViolations.length;
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
	return {
		cli,
		entries,
		spanSeconds,
		rateLimited: sim.rateLimited - limitedBefore,
		violations: sim.contractViolations.length - violationsBefore,
		failed: cli.summary.failedItems?.length ?? 0,
	};
}

function rateRows(label, run, count) {
	// Endpoints the recipe calls at least once per two contacts.
	const { share, rates, busiest } = endpointShares(run.entries, count / 2, PER_ENDPOINT);
	const perEndpoint = rates
		.map(
			(rate) =>
				`${rate.endpoint} ${round(rate.calls / rate.seconds, 2)}/s (${round(rate.calls / rate.allowed, 3)})`,
		)
		.join(', ');
	return [
		result(
			SECTION,
			`${label}: requests/s ÷ allowed requests/s (per endpoint)`,
			round(busiest?.share ?? share, 3),
			'ratio',
			targets.atLeast(0.95),
			`the endpoint called most per contact, ${busiest?.endpoint}, paces the recipe (the email search runs twice per new candidate: the look-up and the check after the create); request-weighted over all endpoints: ${round(share, 3)}. Each against 10/s: ${perEndpoint}. One request in flight at a time (items run one after another), so the 8-concurrent limit is never reached`,
		),
		result(SECTION, `${label}: 429 responses`, run.rateLimited, 'count', targets.exactly(0)),
		result(
			SECTION,
			`${label}: OpenAPI contract violations`,
			run.violations,
			'count',
			targets.exactly(0),
		),
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
	const {
		startSmartRecruitersSimulator,
		SMARTRECRUITERS_SEED,
		DEFAULT_RATE_LIMIT,
	} = require('../../test/simulators/smartrecruiters');
	const count = contactCount();
	const dir = tempDir(SECTION);
	const rows = [];

	const sim = await startSmartRecruitersSimulator({ port: 0, rateLimit: DEFAULT_RATE_LIMIT });
	try {
		timestampRequests(sim);
		const credentials = credentialsFor(dir, sim, SMARTRECRUITERS_SEED);
		const seedCandidates = sim.state.candidates.length;

		const created = await recipeRun(
			sim,
			dir,
			'new',
			Array.from({ length: count }, (_, i) => contactEvent(i, { prefix: 'new' })),
			credentials,
		);
		const newCandidates = sim.state.candidates.length - seedCandidates;
		const upsertCalls = created.entries.filter((entry) =>
			UPSERT_ENDPOINTS.has(endpointOf(entry)),
		).length;
		rows.push(
			result(
				SECTION,
				'new: candidates created',
				newCandidates,
				`of ${count}`,
				targets.exactly(count),
			),
			...rateRows('new', created, count),
			result(
				SECTION,
				'new: upsert calls per new candidate',
				round(upsertCalls / count, 2),
				'calls',
				undefined,
				'search by email, create on the job, then search again and read what it found: the check after the create (docs/queue-mode.md)',
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

		// The same people again, each with a phone number SmartRecruiters does not have yet.
		const updates = Array.from({ length: count }, (_, i) => {
			const event = contactEvent(i, { prefix: 'new', headline: 'Engineer (update)' });
			event.contact.phones = [`+49 30 ${String(1000000 + i)}`];
			return event;
		});
		const updated = await recipeRun(sim, dir, 'updated', updates, credentials);
		const duplicates = sim.state.candidates.length - seedCandidates - newCandidates;
		rows.push(
			result(SECTION, 'updated: duplicate candidates', duplicates, 'count', targets.exactly(0)),
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

	const unlimited = await startSmartRecruitersSimulator({ port: 0, rateLimit: false });
	try {
		timestampRequests(unlimited);
		const credentials = credentialsFor(dir, unlimited, SMARTRECRUITERS_SEED);
		const events = Array.from({ length: count }, (_, i) => contactEvent(i, { prefix: 'free' }));
		const lifted = await recipeRun(unlimited, dir, 'unlimited', events, credentials, {
			ATS_SYNC_BENCH_UNPACED: '1',
		});
		rows.push(
			result(
				SECTION,
				'limit lifted: contacts/s',
				round(count / lifted.spanSeconds, 1),
				'items/s',
				undefined,
				`simulator limit and our pacing both off: ${round((lifted.spanSeconds * 1000) / count, 2)} ms per contact from first to last request (the simulator, in the bench process, checks every exchange against the OpenAPI spec and holds each GET /candidates 25 ms; ${round(lifted.entries.length / count, 2)} calls per contact); ${round(lifted.cli.seconds, 1)} s wall incl. process start; ${lifted.failed} failed items`,
			),
		);
	} finally {
		await unlimited.close();
	}
	return rows;
}

module.exports = {
	name: SECTION,
	title: "push-on-interested at SmartRecruiters' rate limits",
	run,
};
