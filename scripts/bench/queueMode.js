/**
 * Issue 17: the recipes in n8n's queue mode (one main, 2 workers, Redis and PostgreSQL from Debian's packages), the
 * same proof `npm run test:scale` judges (test/scale/queueModeProof.ts): push-on-interested for Lever, then for
 * SmartRecruiters, each fed BENCH_CONTACTS (default 1,000) contacts through its production webhook, some with CVs,
 * some twice at once. Rows per ATS: the issue's criteria (share of the vendor's allowance, 429s, failed items,
 * duplicates, lost events, contacts in the ATS, CVs) with their targets, then how the run went.
 * Installs Redis/PostgreSQL with apt-get when missing (as root) and the pinned n8n (scripts/n8n/install.js).
 */
const { contactCount, result } = require('./lib');

const SECTION = 'queueMode';

async function run() {
	const { proveQueueMode, criteria, observations, DEFAULT_OPTIONS } = require('../../test/scale/queueModeProof');
	const proof = await proveQueueMode({ ...DEFAULT_OPTIONS, contacts: contactCount() });
	const { workers, concurrency, deliveriesInFlight } = proof.options;
	const setup = `n8n ${proof.n8n} in queue mode: main + ${workers} workers (concurrency ${concurrency}), ${proof.redis}, ${proof.postgres}${proof.postgresWarning ? ` (n8n warns: "${proof.postgresWarning}")` : ''}; binary data mode database; each ATS credential's Share of Rate Limit 1/${workers}; ${deliveriesInFlight} webhook deliveries in flight; services and main ready in ${Math.round(proof.startSeconds)} s; each burst delivered with the workers stopped, then drained by both`;
	return [
		result(SECTION, 'setup', 'queue mode', '', undefined, setup),
		...proof.runs.flatMap((atsRun) => [
			...criteria(atsRun).map((criterion) => result(SECTION, `${atsRun.ats}: ${criterion.name}`, criterion.figure, criterion.unit, criterion.target, criterion.note ?? '')),
			...observations(atsRun).map((observation) => result(SECTION, `${atsRun.ats}: ${observation.name}`, observation.figure, observation.unit, undefined, observation.note ?? '')),
		]),
	];
}

module.exports = { name: SECTION, title: 'push-on-interested in n8n queue mode (main, 2 workers, Redis, PostgreSQL)', run };
