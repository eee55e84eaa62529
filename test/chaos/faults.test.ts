/**
 * `npm run test:chaos`: 500 new contacts through the shipped push-on-interested recipe of each ATS, unchanged but for
 * the CV server on loopback (allowed in Download CV, as an on-premises file server would be), in the real `ats-sync` CLI, against a simulator in its seeded fault mode (5xx, 429 bursts beyond the documented limit,
 * connection resets, responses slower than the client timeout, creates whose response is lost).
 *
 * Asserted from the simulator's own state after each run: every contact is in the ATS exactly once or reported failed
 * by "Upsert Candidate" (0 lost, 0 duplicated); notes, statuses and CVs that are missing are matched by failures
 * the run reported. Reruns of the same input (faults still on, next seed) complete the rest: in the end every contact,
 * note, status and CV is there exactly once. One figure line per run is printed.
 *
 * Lever and SmartRecruiters run side by side (each is paced by its own rate limit, not by CPU), so the file takes
 * as long as the slower ATS: about 8 minutes (measured 8 min 12 s), most of it the vendors' rate limits (Lever
 * ~3,400 requests at ≤ 10/s over its two runs, SmartRecruiters ~4,300 at ≤ 10/s per endpoint) and one client
 * timeout each.
 */
import { LEVER_SEED, startLeverSimulator, type LeverSimulator } from '../simulators/lever';
import type { FaultCounts, FaultOptions } from '../simulators/faults';
import {
	SMARTRECRUITERS_SEED,
	startSmartRecruitersSimulator,
	type SmartRecruitersSimulator,
} from '../simulators/smartrecruiters';
import {
	ensureBuilt,
	recipeWithLocalFiles,
	runRecipe,
	startFileServer,
	tempDir,
	writeJson,
	writeNdjson,
	type RecipeRun,
} from '../recipes/helpers';

const CONTACTS = 500;
/** Every tenth contact sends a CV link, so uploads meet faults too. */
const WITH_CV = (index: number) => index % 10 === 0;
const MAX_RUNS = 4;
const BACKEND = { id: 'sw-backend-berlin', name: 'Backend Berlin Q4' };

/**
 * Rates per authenticated request. A push of 500 contacts makes about 2,400 (Lever) and 3,900 (SmartRecruiters)
 * requests: 2 % answered 5xx, 0.5 % starting a burst of three 429s, 1.5 % reset, 8 % of the ~1,050 creates (candidates,
 * notes, CVs) committed with their response lost, and one response held past the client timeout (each costs a whole
 * client timeout of waiting: 60 s on Lever, 128 s on SmartRecruiters). Reruns meet the same rates, without a held
 * response.
 */
const FAULTS = (seed: number, slowMs: number, extra: Partial<FaultOptions> = {}): FaultOptions => ({
	seed,
	rate5xx: 0.02,
	rate429Burst: 0.005,
	burstLength: 3,
	rateReset: 0.015,
	rateSlow: 0.002,
	maxSlow: 1,
	slowMs,
	rateLostCreate: 0.08,
	...extra,
});
const FAULT_KINDS = ['serverError', 'rateLimitBurst', 'reset', 'slow', 'lostCreate'] as const;

const email = (index: number) => `Chaos.Person${index}@Example.NET`;

function contactEvents(cvBaseUrl: string) {
	return Array.from({ length: CONTACTS }, (_, index) => ({
		eventId: `chaos-${index}`,
		type: 'contact.interested',
		occurredAt: '2026-11-20T09:00:00Z',
		campaign: BACKEND,
		outreachType: 'email',
		message: `Happy to talk (${index})`,
		contact: {
			email: email(index),
			firstName: 'Chaos',
			lastName: `Person ${index}`,
			headline: 'Engineer',
			location: 'Berlin',
		},
		...(WITH_CV(index) ? { cvUrl: `${cvBaseUrl}/cv/person${index}.pdf` } : {}),
	}));
}

/** What the ATS holds for one contact. */
interface Holdings {
	candidates: number;
	notes: number;
	files: number;
	/** On the mapped job in the mapped stage/status. */
	placed: boolean;
}

interface Tally {
	failedReported: Record<string, number>;
	lost: number;
	duplicated: number;
	/** Missing notes, statuses and CVs without a reported failure to account for them. */
	unaccounted: { notes: number; placement: number; files: number };
	duplicatedNotes: number;
	duplicatedFiles: number;
}

/**
 * A contact is lost when it is neither in the ATS nor reported failed by "Upsert Candidate". Failures of later nodes
 * name their own input item, not the contact, so missing notes/statuses/CVs are counted against them.
 */
function tally(
	run: RecipeRun,
	holdings: (index: number) => Holdings,
	nodes: { note: string; placement?: string; files: string[] },
): Tally {
	const failedReported: Record<string, number> = {};
	for (const item of run.failedItems)
		failedReported[item.node] = (failedReported[item.node] ?? 0) + 1;
	const upsertFailed = new Set(
		run.failedItems
			.filter((item) => item.node === 'Upsert Candidate')
			.map((item) => item.inputItem),
	);
	const missing = { notes: 0, placement: 0, files: 0 };
	const result: Tally = {
		failedReported,
		lost: 0,
		duplicated: 0,
		unaccounted: missing,
		duplicatedNotes: 0,
		duplicatedFiles: 0,
	};
	for (let index = 0; index < CONTACTS; index++) {
		const held = holdings(index);
		if (held.candidates === 0 && !upsertFailed.has(index)) result.lost++;
		if (held.candidates > 1) result.duplicated++;
		if (held.notes > 1) result.duplicatedNotes++;
		if (held.files > 1) result.duplicatedFiles++;
		if (held.candidates === 0) continue;
		if (held.notes === 0) missing.notes++;
		if (!held.placed) missing.placement++;
		if (WITH_CV(index) && held.files === 0) missing.files++;
	}
	const reported = (names: string[]) =>
		names.reduce((sum, name) => sum + (failedReported[name] ?? 0), 0);
	result.unaccounted = {
		notes: Math.max(0, missing.notes - reported([nodes.note])),
		placement: Math.max(0, missing.placement - reported(nodes.placement ? [nodes.placement] : [])),
		files: Math.max(0, missing.files - reported(nodes.files)),
	};
	return result;
}

interface Scenario<Sim> {
	ats: string;
	recipe: string;
	seed: number;
	/** Longer than the transport's client timeout, so a held response times out. */
	slowMs: number;
	/** Faults of the first run only (a maintenance window that makes items fail, so a rerun has work to do). */
	firstRun?: Partial<FaultOptions>;
	start(faults: FaultOptions): Promise<
		Sim & {
			close(): Promise<void>;
			setFaults(options: FaultOptions | undefined): void;
			faults: FaultCounts;
		}
	>;
	credentials(sim: Sim): Record<string, unknown>;
	holdings(sim: Sim, index: number): Holdings;
	nodes: { note: string; placement?: string; files: string[] };
	/** Requests the simulator answered (a reset or lost connection is never answered) and 429s of its real limit. */
	answered(sim: Sim): { requests: number; rateLimited: number };
	check?(sim: Sim): void;
}

const lever: Scenario<LeverSimulator> = {
	ats: 'Lever',
	recipe: 'push-on-interested.lever.json',
	seed: 8101,
	slowMs: 65_000,
	// 18 requests of 503 while "Upsert Candidate" works through the batch: three items exhaust their 5 retries.
	firstRun: { outage: { after: 400, requests: 18 } },
	start: async (faults) => await startLeverSimulator({ faults }),
	credentials: (sim) => ({
		'Lever account': {
			type: 'leverApi',
			data: {
				apiKey: sim.apiKey,
				environment: 'custom',
				customUrl: sim.baseUrl,
				defaultPerformAs: LEVER_SEED.users.recruiter,
			},
		},
	}),
	holdings: (sim, index) => {
		const wanted = email(index).toLowerCase();
		const contacts = new Set(
			sim.state.contacts
				.filter((contact) => contact.emails.some((known) => known.toLowerCase() === wanted))
				.map((contact) => contact.id),
		);
		const opportunities = sim.state.opportunities.filter((opportunity) =>
			contacts.has(opportunity.contact),
		);
		const ids = opportunities.map((opportunity) => opportunity.id);
		return {
			candidates: opportunities.length,
			notes: sim.state.notes.filter(
				(note) => ids.includes(note.opportunityId) && note.deletedAt === null,
			).length,
			files: sim.state.files.filter((file) => ids.includes(file.opportunityId)).length,
			placed: opportunities.some(
				(opportunity) =>
					opportunity.stage === LEVER_SEED.stages.recruiterScreen &&
					sim.state.applications.some(
						(application) =>
							application.opportunityId === opportunity.id &&
							application.posting === LEVER_SEED.postings.published,
					),
			),
		};
	},
	// Lever sets stage and posting in the create itself.
	nodes: { note: 'Add Outreach Note', files: ['Download CV', 'Attach CV'] },
	answered: (sim) => ({ requests: sim.requests.length, rateLimited: sim.rateLimited }),
};

const smartRecruiters: Scenario<SmartRecruitersSimulator> = {
	ats: 'SmartRecruiters',
	recipe: 'push-on-interested.smartrecruiters.json',
	seed: 8102,
	slowMs: 130_000,
	start: async (faults) => await startSmartRecruitersSimulator({ faults }),
	credentials: (sim) => ({
		'SmartRecruiters account': {
			type: 'smartRecruitersApi',
			data: { apiKey: sim.apiKey, environment: 'custom', customUrl: sim.baseUrl },
		},
	}),
	holdings: (sim, index) => {
		const wanted = email(index).toLowerCase();
		const candidates = sim.state.candidates
			.filter((candidate) => candidate.email.toLowerCase() === wanted)
			.map((candidate) => candidate.id);
		const applications = sim.state.applications.filter((application) =>
			candidates.includes(application.candidateId),
		);
		return {
			candidates: candidates.length,
			notes: sim.state.notes.filter((note) =>
				note.candidateIds.some((id) => candidates.includes(id)),
			).length,
			files: applications.flatMap((application) => application.attachments).length,
			placed: applications.some(
				(application) =>
					application.jobId === SMARTRECRUITERS_SEED.jobs.backendEngineer &&
					application.status === 'IN_REVIEW' &&
					application.subStatus === 'Hiring manager review',
			),
		};
	},
	nodes: {
		note: 'Add Outreach Note',
		placement: 'Set Mapped Status',
		files: ['Download CV', 'Attach CV'],
	},
	answered: (sim) => ({ requests: sim.requests.length, rateLimited: sim.rateLimited }),
	// A 5xx or 429 is still a valid ErrorResponse; a reset or held response has no answer to check.
	check: (sim) => expect(sim.contractViolations).toEqual([]),
};

const faultLine = (faults: FaultCounts) =>
	`5xx ${faults.serverError}, 429 bursts ${faults.rateLimitBurst} (${faults.burstRateLimited} × 429), resets ${faults.reset}, ` +
	`slow ${faults.slow}, lost creates ${faults.lostCreate}, maintenance 503s ${faults.outage}; retries after a fault ${faults.retried}`;

test.concurrent.each([lever, smartRecruiters] as Array<Scenario<any>>)(
	`push-on-interested ($ats): ${CONTACTS} new contacts under faults, each in the ATS exactly once or reported failed; reruns complete the rest`,
	async (scenario: Scenario<any>) => {
		// Inside the test: jest starts concurrent tests without waiting for beforeAll hooks.
		await ensureBuilt();
		const sim = await scenario.start(FAULTS(scenario.seed, scenario.slowMs, scenario.firstRun));
		const cvs: Record<string, { type: string; body: string }> = {};
		for (let index = 0; index < CONTACTS; index++)
			if (WITH_CV(index))
				cvs[`/cv/person${index}.pdf`] = {
					type: 'application/pdf',
					body: `%PDF-1.4 CV of person ${index}`,
				};
		const files = await startFileServer(cvs);
		try {
			const dir = tempDir('chaos-faults-');
			const credentials = writeJson(dir, 'credentials.json', {
				...scenario.credentials(sim),
				'Outreach webhook': {
					type: 'contactEventWebhookApi',
					data: { signingSecret: 'outreach-signing-secret-for-chaos' },
				},
			});
			const input = writeNdjson(dir, 'events.ndjson', contactEvents(files.baseUrl));
			const args = ['--input', input, '--credentials', credentials, '--state', `${dir}/state.json`];
			const workflow = recipeWithLocalFiles(dir, scenario.recipe);
			const injected: FaultCounts[] = [];
			const exitCodes: Array<number | null> = [];

			let run: RecipeRun | undefined;
			for (let attempt = 0; attempt < MAX_RUNS && run?.code !== 0; attempt++) {
				if (attempt > 0)
					sim.setFaults(FAULTS(scenario.seed + attempt, scenario.slowMs, { rateSlow: 0 }));
				const before = scenario.answered(sim);
				const startedAt = Date.now();
				run = await runRecipe(workflow, args);
				const seconds = Math.round((Date.now() - startedAt) / 1000);
				const after = scenario.answered(sim);
				const result = tally(run, (index) => scenario.holdings(sim, index), scenario.nodes);
				injected.push({ ...sim.faults });
				exitCodes.push(run.code);
				console.log(
					`${scenario.ats} run ${attempt + 1} (fault seed ${scenario.seed + attempt}): ${CONTACTS} contacts in ${seconds} s, ` +
						`${after.requests - before.requests} requests answered, ${after.rateLimited - before.rateLimited} 429s of the real limit; ` +
						`faults: ${faultLine(sim.faults)}; failed reported ${JSON.stringify(result.failedReported)}; ` +
						`contacts lost ${result.lost}, duplicated ${result.duplicated}; unaccounted ${JSON.stringify(result.unaccounted)}; ` +
						`duplicated notes ${result.duplicatedNotes}, CVs ${result.duplicatedFiles}; exit ${run.code}` +
						(run.failedItems.length
							? `\n  ${[...new Set(run.failedItems.map((item) => `${item.node}: ${item.message}`))].slice(0, 8).join('\n  ')}`
							: ''),
				);
				expect(result).toEqual({
					failedReported: expect.any(Object),
					lost: 0,
					duplicated: 0,
					unaccounted: { notes: 0, placement: 0, files: 0 },
					duplicatedNotes: 0,
					duplicatedFiles: 0,
				});
				// A run that reports no failure saves its state and exits 0; one that does exits 1 and is rerun.
				expect(run.code).toBe(run.failedItems.length > 0 ? 1 : 0);
				expect(run.summary.stateSaved).toBe(run.code === 0);
				scenario.check?.(sim);
			}
			expect(run?.code).toBe(0);
			// Every kind of fault met the recipe in the first run; a maintenance window made it report failures.
			for (const kind of FAULT_KINDS) expect(injected[0][kind]).toBeGreaterThan(0);
			if (scenario.firstRun?.outage) expect(exitCodes[0]).toBe(1);
			for (let index = 0; index < CONTACTS; index++) {
				expect({ index, ...scenario.holdings(sim, index) }).toEqual({
					index,
					candidates: 1,
					notes: 1,
					files: WITH_CV(index) ? 1 : 0,
					placed: true,
				});
			}
		} finally {
			await sim.close();
			await files.close();
		}
	},
);
