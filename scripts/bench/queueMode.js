/**
 * Issue 17: the recipes in n8n's queue mode (one main, 2 workers, Redis and PostgreSQL from Debian's packages), the
 * same proof `npm run test:scale` judges (test/scale/queueModeProof.ts): push-on-interested for Lever, then for
 * SmartRecruiters, each fed BENCH_CONTACTS (default 1,000) contacts through its production webhook, some with CVs,
 * some twice at once. Rows per ATS: the issue's criteria (share of the vendor's allowance, 429s, failed items,
 * duplicates, lost events, contacts in the ATS, CVs) with their targets, then how the run went.
 * Installs Redis/PostgreSQL with apt-get when missing (as root) and the pinned n8n (scripts/n8n/install.js).
 */
const { readFileSync, statSync } = require('node:fs');

const { contactCount, result } = require('./lib');

const SECTION = 'queueMode';

/**
 * QUEUE_MODE_FROM=<file>: the figures of an `npm run test:scale` run (its QUEUE_MODE_RESULTS file, the same proof) are
 * recorded instead of running the proof again, with that run's time, duration and load.
 */
function recordedProof() {
	const file = process.env.QUEUE_MODE_FROM;
	if (!file) return undefined;
	const proof = JSON.parse(readFileSync(file, 'utf8'));
	const loads = proof.runs.map((atsRun) => atsRun.loadAverage1m);
	return {
		proof,
		measured: {
			measuredAt: statSync(file).mtime.toISOString(),
			seconds: proof.seconds,
			loadAverage1m: { before: loads[0]?.before, after: loads[loads.length - 1]?.after },
		},
	};
}

async function run() {
	const {
		proveQueueMode,
		criteria,
		observations,
		DEFAULT_OPTIONS,
	} = require('../../test/scale/queueModeProof');
	const recorded = recordedProof();
	const proof =
		recorded?.proof ?? (await proveQueueMode({ ...DEFAULT_OPTIONS, contacts: contactCount() }));
	const { workers, concurrency, deliveriesInFlight } = proof.options;
	const setup = `n8n ${proof.n8n} in queue mode: main + ${workers} workers (concurrency ${concurrency}), ${proof.redis}, ${proof.postgres}${proof.postgresWarning ? ` (n8n warns: "${proof.postgresWarning}")` : ''}; binary data mode database; each ATS credential's Share of Rate Limit 1/${workers}; ${deliveriesInFlight} webhook deliveries in flight; services and main ready in ${Math.round(proof.startSeconds)} s; each burst delivered with the workers stopped, then drained by both`;
	const results = [
		result(
			SECTION,
			'setup',
			'queue mode',
			'',
			undefined,
			`${setup}${recorded ? `; recorded from \`npm run test:scale\` (${process.env.QUEUE_MODE_FROM})` : ''}`,
		),
		...proof.runs.flatMap((atsRun) => [
			...criteria(atsRun).map((criterion) =>
				result(
					SECTION,
					`${atsRun.ats}: ${criterion.name}`,
					criterion.figure,
					criterion.unit,
					criterion.target,
					criterion.note ?? '',
				),
			),
			...observations(atsRun).map((observation) =>
				result(
					SECTION,
					`${atsRun.ats}: ${observation.name}`,
					observation.figure,
					observation.unit,
					undefined,
					observation.note ?? '',
				),
			),
		]),
	];
	return recorded ? { results, ...recorded.measured } : results;
}

module.exports = {
	name: SECTION,
	title: 'push-on-interested in n8n queue mode (main, 2 workers, Redis, PostgreSQL)',
	run,
};
