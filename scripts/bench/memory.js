/**
 * Issue #7 part 3: peak RSS of a polling recipe as the number of changed records grows.
 * recipes/hire-to-onboarding.lever.json (only the HR system's URL changed) is run from cron (`ats-sync run`, child
 * process) the way ops run it: a first run starts the poll cursor, then N candidates are hired in the Lever
 * simulator (each with a signed offer) and the next run polls them, pushes N employees and notes N candidates.
 * Measured for N = 100 and N = 10,000; the child's own peak RSS is compared. The recipe keeps the trigger's default
 * "Max Records per Poll" (1,000): the 10,000 hires are ten saved batches of one `ats-sync run`.
 * The simulator's limit is lifted and our pacing is off for this section: at Lever's 10 requests/s the 10,000-hire
 * run (≈ 5 requests per hire) would take about 85 minutes, and the pace does not change what is held in memory.
 */
const { randomUUID } = require('node:crypto');
const { readFileSync } = require('node:fs');
const path = require('node:path');

const { result, round, runCli, targets, tempDir, writeJson } = require('./lib');

const SECTION = 'memory';
const RECIPE = path.join(__dirname, '..', '..', 'recipes', 'hire-to-onboarding.lever.json');
const SIZES = (process.env.BENCH_MEMORY_SIZES || '100,10000').split(',').map(Number);
const ONBOARDING_TOKEN = 'Bearer bench-onboarding-token';

/** N hires cloned from the seed's hired candidate (Alan): a contact, an opportunity, an application and a signed offer each. */
function hire(sim, seed, count) {
	const state = sim.state;
	const opportunity = state.opportunities.find(
		(candidate) => candidate.id === seed.opportunities.alanHired,
	);
	const contact = state.contacts.find((candidate) => candidate.id === opportunity.contact);
	const application = state.applications.find(
		(candidate) => candidate.id === opportunity.applications[0],
	);
	const offer = state.offers.find(
		(candidate) => candidate.opportunityId === opportunity.id && candidate.status === 'signed',
	);
	const start = Date.now();
	for (let i = 0; i < count; i++) {
		const ids = {
			contact: randomUUID(),
			opportunity: randomUUID(),
			application: randomUUID(),
			offer: randomUUID(),
		};
		const email = `hire${i}@example.net`;
		state.contacts.push({
			...structuredClone(contact),
			id: ids.contact,
			name: `Hire Number${i}`,
			emails: [email],
			links: [],
		});
		state.applications.push({
			...structuredClone(application),
			id: ids.application,
			opportunityId: ids.opportunity,
			candidateId: ids.opportunity,
			email,
		});
		state.opportunities.push({
			...structuredClone(opportunity),
			id: ids.opportunity,
			contact: ids.contact,
			applications: [ids.application],
			archived: { reason: seed.archiveReasons.hired, archivedAt: start + i },
			createdAt: start - 86_400_000,
			updatedAt: start + i,
		});
		state.offers.push({ ...structuredClone(offer), id: ids.offer, opportunityId: ids.opportunity });
	}
}

async function pollRun(size) {
	const { startLeverSimulator, LEVER_SEED } = require('../../test/simulators/lever');
	const { startOnboardingSimulator } = require('../../test/simulators/onboarding');
	const dir = tempDir(`${SECTION}-${size}`);
	const sim = await startLeverSimulator({ port: 0, rateLimit: false });
	const onboarding = await startOnboardingSimulator({
		auth: { header: 'authorization', value: ONBOARDING_TOKEN },
	});
	try {
		const recipe = JSON.parse(readFileSync(RECIPE, 'utf8'));
		recipe.nodes.find((node) => node.name === 'Onboarding Push').parameters.url = onboarding.url;
		const workflow = writeJson(dir, 'hire-to-onboarding.lever.json', recipe);
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
			'Onboarding API': {
				type: 'onboardingApi',
				data: { authType: 'header', headerName: 'Authorization', headerValue: ONBOARDING_TOKEN },
			},
		});
		const args = [
			'run',
			workflow,
			'--credentials',
			credentials,
			'--state',
			path.join(dir, 'state.json'),
		];
		const env = { ATS_SYNC_BENCH_UNPACED: '1' };
		const first = await runCli(args, { env });
		if (first.code !== 0)
			throw new Error(
				`the first poll (starts the cursor) exited ${first.code}: ${first.stderr.slice(-1000)}`,
			);
		await new Promise((resolve) => setTimeout(resolve, 5));
		hire(sim, LEVER_SEED, size);
		const employeesBefore = onboarding.employees.size;
		const requestsBefore = sim.requests.length;
		const polled = await runCli(args, { env });
		return {
			size,
			code: polled.code,
			seconds: polled.seconds,
			rssMb: polled.usage.maxRssKb / 1024,
			employees: onboarding.employees.size - employeesBefore,
			requests: sim.requests.length - requestsBefore,
			failed: polled.summary.failedItems?.length ?? 0,
			batches: polled.summary.batches ?? 1,
		};
	} finally {
		await sim.close();
		await onboarding.close();
	}
}

async function run() {
	const runs = [];
	for (const size of SIZES) runs.push(await pollRun(size));
	const [small, large] = runs;
	return [
		...runs.map((polled) =>
			result(
				SECTION,
				`peak RSS, poll over ${polled.size.toLocaleString('en')} hires`,
				round(polled.rssMb, 0),
				'MB',
				undefined,
				`${polled.employees} employees pushed in ${polled.batches} batch${polled.batches === 1 ? '' : 'es'}, ${polled.requests} Lever requests, ${polled.failed} failed items, exit ${polled.code}, ${round(polled.seconds, 1)} s (Lever limit lifted, pacing off)`,
			),
		),
		result(
			SECTION,
			`peak RSS ${large.size.toLocaleString('en')} ÷ ${small.size.toLocaleString('en')} hires`,
			round(large.rssMb / small.rssMb, 2),
			'ratio',
			targets.atMost(1.5),
			'each poll returns at most "Max Records per Poll" (1,000) hires, oldest first, and the run polls again at once for the rest; a node\'s output is cut down to what the summary reads once no node still to run reads it',
		),
		result(
			SECTION,
			`employees pushed of ${large.size.toLocaleString('en')} hires`,
			large.employees,
			'count',
			targets.exactly(large.size),
		),
	];
}

module.exports = {
	name: SECTION,
	title: 'peak RSS of the Lever hire poll, 100 vs 10,000 hires',
	run,
};
