/**
 * Crash and rerun (issue 8), for Lever and SmartRecruiters:
 * - push-on-interested: the runner is SIGKILLed at seeded points of a batch, then run again to completion. The
 *   outcome must equal a clean run's: one candidate per contact, no note or file twice, every contact present or
 *   reported failed.
 * - hire-to-onboarding from cron: poll runs are killed while hires keep arriving (some stamped exactly at the saved
 *   cursor); after every rerun each hire has reached the onboarding system exactly once, with one note.
 * Kill points are "the N-th request the simulators see" (see killSwitch.ts), N drawn from a seeded PRNG:
 * CHAOS_SEED=<n> replays another set of points. Figures are printed as one `[chaos]` line per scenario.
 */
import { existsSync, readFileSync } from 'node:fs';

import { LEVER_SEED, startLeverSimulator, type LeverSimulator } from '../simulators/lever';
import { startOnboardingSimulator } from '../simulators/onboarding';
import { SMARTRECRUITERS_SEED, startSmartRecruitersSimulator } from '../simulators/smartrecruiters';
import {
	ensureBuilt,
	recipeFile,
	recipeWithLocalFiles,
	startFileServer,
	tempDir,
	writeJson,
	writeNdjson,
} from '../recipes/helpers';
import { leverView } from '../recipes/leverState';
import { srView } from '../recipes/srState';
import { seededRandom } from '../seededRandom';
import { KillSwitch, killPoints, startCountingProxy } from './killSwitch';
import { compareOutcomes, contactBatch, leverOutcome, srOutcome, type Outcome } from './batch';
import { hireMaker, savedCursor, type Hire } from './leverHires';
import { runPollScenario, type MadeHire } from './pollScenario';
import { inPool, printFigures, runKillable, stateFileProblem, type ChaosRun } from './runner';
import { savedSrCursor, srHireMaker, srHireSystems, type SrHire } from './srHires';

const SEED = Number(process.env.CHAOS_SEED ?? 8);
const BATCH_SIZE = 60;
const KILLS = Number(process.env.CHAOS_KILLS ?? 24);
const SR_KILLS = Number(process.env.CHAOS_SR_KILLS ?? 20);
/**
 * Trials run side by side, each with its own simulator: the runner spends most of a run pacing its requests. The
 * scenarios run concurrently too (it.concurrent), so the file stays within a few minutes.
 */
const PARALLEL = 6;
/** Poll rounds: hires arrive, a poll run is killed, more hires arrive, the rerun completes. */
const POLL_ROUNDS = Number(process.env.CHAOS_POLL_ROUNDS ?? 21);
const ONBOARDING_TOKEN = 'Bearer onboarding-token-for-chaos';

describe('crash and rerun', () => {
	// Jest starts it.concurrent tests before beforeAll hooks finish, so the shared setup is a promise each test awaits.
	let setup: Promise<{ cvBaseUrl: string }> | undefined;
	let files: Awaited<ReturnType<typeof startFileServer>> | undefined;
	const ready = () =>
		(setup ??= (async () => {
			await ensureBuilt();
			const cvs: Record<string, { type: string; body: string }> = {};
			for (let i = 0; i < BATCH_SIZE; i += 5)
				cvs[`/cv/person${i}.pdf`] = { type: 'application/pdf', body: `%PDF-1.4 CV of person ${i}` };
			files = await startFileServer(cvs);
			return { cvBaseUrl: files.baseUrl };
		})());
	afterAll(async () => {
		await files?.close();
	});

	interface BatchTrial {
		args: (input: string) => string[];
		killSwitch: KillSwitch;
		state: string;
		outcome: (emails: string[]) => Outcome;
		/** Extra figures of this ATS's simulator (429s, contract violations). */
		extra: () => Record<string, number>;
		close: () => Promise<void>;
	}

	/**
	 * The batch scenario for one ATS: a clean run on a fresh simulator sets the expected records and the request count;
	 * then each seeded kill point gets its own fresh simulator, a run killed there and a rerun to completion.
	 */
	async function batchScenario(
		name: string,
		recipe: string,
		existingEmail: string,
		kills: number,
		startTrial: (label: string) => Promise<BatchTrial>,
	) {
		const batch = contactBatch(BATCH_SIZE, (await ready()).cvBaseUrl, existingEmail);
		const inputDir = tempDir(`chaos-${name}-input-`);
		const input = writeNdjson(inputDir, 'events.ndjson', batch.events);
		// The CV server listens on loopback: allowed in Download CV, as an on-premises file server would be.
		const workflow = recipeWithLocalFiles(inputDir, recipe);
		// The failing contacts are compared too: a rerun must not create them either.
		const everyone = [...batch.emails, ...batch.failing];

		const clean = await startTrial('clean');
		let cleanRun: ChaosRun;
		let cleanOutcome: Outcome;
		try {
			cleanRun = await runKillable(workflow, clean.args(input), clean.killSwitch);
			cleanOutcome = clean.outcome(everyone);
		} finally {
			await clean.close();
		}
		// The clean run itself meets the bar: the two contacts without a name reported, every other one a candidate.
		expect(cleanRun.summary?.failedItems.map((failed) => failed.node)).toEqual([
			'Upsert Candidate',
			'Upsert Candidate',
		]);
		expect(cleanRun.code).toBe(1);
		for (const email of everyone)
			expect({ email, found: cleanOutcome.get(email)!.contacts }).toEqual({
				email,
				found: batch.failing.includes(email) ? 0 : 1,
			});

		const points = killPoints(seededRandom(SEED), kills, cleanRun.requests);
		const trials = await inPool(
			PARALLEL,
			points.map((point, index) => async () => {
				const trial = await startTrial(`kill${index}`);
				try {
					const killed = await runKillable(workflow, trial.args(input), trial.killSwitch, point);
					const corruptAfterKill = stateFileProblem(trial.state);
					const rerun = await runKillable(workflow, trial.args(input), trial.killSwitch);
					return {
						point,
						killed,
						rerun,
						corrupt: corruptAfterKill ?? stateFileProblem(trial.state),
						comparison: compareOutcomes(cleanOutcome, trial.outcome(everyone), batch.repeated),
						extra: trial.extra(),
					};
				} finally {
					await trial.close();
				}
			}),
		);

		const total = (pick: (trial: (typeof trials)[number]) => number) =>
			trials.reduce((sum, trial) => sum + pick(trial), 0);
		const extraNames = Object.keys(trials[0]?.extra ?? {});
		printFigures(`${name} batch`, {
			seed: SEED,
			runs: 1 + trials.length * 2,
			kills: trials.filter((trial) => trial.killed.killed).length,
			reruns: trials.length,
			contacts: batch.emails.length + batch.failing.length,
			requestsPerRun: cleanRun.requests,
			lost: total((trial) => trial.comparison.lost),
			duplicatedCandidates: total((trial) => trial.comparison.duplicatedCandidates),
			doubledNotes: total((trial) => trial.comparison.doubledNotes),
			lostNotes: total((trial) => trial.comparison.lostNotes),
			doubledFiles: total((trial) => trial.comparison.doubledFiles),
			lostFiles: total((trial) => trial.comparison.lostFiles),
			earlierEventStatus: total((trial) => trial.comparison.earlierEventStatus),
			corruptStateFiles: trials.filter((trial) => trial.corrupt).length,
			...Object.fromEntries(
				extraNames.map((extra) => [extra, total((trial) => trial.extra[extra])]),
			),
			cleanRunSeconds: cleanRun.seconds.toFixed(1),
			meanRerunSeconds: (total((trial) => trial.rerun.seconds) / trials.length).toFixed(1),
		});

		for (const trial of trials) {
			const where = `kill ${trial.point.mode} request ${trial.point.atRequest}`;
			expect({ where, killed: trial.killed.killed, signal: trial.killed.signal }).toEqual({
				where,
				killed: true,
				signal: 'SIGKILL',
			});
			expect({ where, corrupt: trial.corrupt }).toEqual({ where, corrupt: undefined });
			// The rerun completes, and reports the same two contacts without a name as failed — nothing else.
			expect({ where, code: trial.rerun.code, failed: trial.rerun.summary?.failedItems }).toEqual({
				where,
				code: cleanRun.code,
				failed: cleanRun.summary?.failedItems,
			});
			const { earlierEventStatus: _known, ...comparison } = trial.comparison;
			expect({ where, ...comparison }).toEqual({
				where,
				lost: 0,
				duplicatedCandidates: 0,
				doubledNotes: 0,
				lostNotes: 0,
				doubledFiles: 0,
				lostFiles: 0,
				other: [],
			});
		}
	}

	describe(`push-on-interested: a batch of ${BATCH_SIZE + 3} contacts killed at seeded points, each rerun to completion`, () => {
		it.concurrent(
			`Lever (${KILLS} kills): the records of a clean run — none lost, no duplicate candidate, no note or file twice`,
			async () => {
				await batchScenario(
					'lever',
					'push-on-interested.lever.json',
					LEVER_SEED.contactEmails.ada,
					KILLS,
					async (label) => {
						const sim: LeverSimulator = await startLeverSimulator();
						const killSwitch = new KillSwitch();
						const proxy = await startCountingProxy(sim.baseUrl, killSwitch);
						const dir = tempDir(`chaos-lever-${label}-`);
						const credentials = writeJson(dir, 'credentials.json', {
							'Lever account': {
								type: 'leverApi',
								data: {
									apiKey: sim.apiKey,
									environment: 'custom',
									customUrl: proxy.url,
									defaultPerformAs: LEVER_SEED.users.recruiter,
								},
							},
							'Outreach webhook': {
								type: 'contactEventWebhookApi',
								data: { signingSecret: 'outreach-signing-secret-for-chaos' },
							},
						});
						const state = `${dir}/state.json`;
						return {
							args: (input) => ['--input', input, '--credentials', credentials, '--state', state],
							killSwitch,
							state,
							outcome: (emails) => leverOutcome(sim, emails),
							extra: () => ({ answered429: sim.rateLimited }),
							close: async () => {
								await proxy.close();
								await sim.close();
							},
						};
					},
				);
			},
		);

		it.concurrent(
			`SmartRecruiters (${SR_KILLS} kills): the records of a clean run — none lost, no duplicate candidate, no note or file twice`,
			async () => {
				await batchScenario(
					'smartrecruiters',
					'push-on-interested.smartrecruiters.json',
					SMARTRECRUITERS_SEED.emails.jane,
					SR_KILLS,
					async (label) => {
						const sim = await startSmartRecruitersSimulator();
						const killSwitch = new KillSwitch();
						const proxy = await startCountingProxy(sim.baseUrl, killSwitch);
						const dir = tempDir(`chaos-sr-${label}-`);
						const credentials = writeJson(dir, 'credentials.json', {
							'SmartRecruiters account': {
								type: 'smartRecruitersApi',
								data: {
									apiKey: SMARTRECRUITERS_SEED.apiKey,
									environment: 'custom',
									customUrl: proxy.url,
								},
							},
							'Outreach webhook': {
								type: 'contactEventWebhookApi',
								data: { signingSecret: 'outreach-signing-secret-for-chaos' },
							},
						});
						const state = `${dir}/state.json`;
						return {
							args: (input) => ['--input', input, '--credentials', credentials, '--state', state],
							killSwitch,
							state,
							outcome: (emails) => srOutcome(sim, emails),
							extra: () => ({
								answered429: sim.rateLimited,
								contractViolations: sim.contractViolations.length,
							}),
							close: async () => {
								await proxy.close();
								await sim.close();
							},
						};
					},
				);
			},
		);
	});

	/** The hire-to-onboarding recipe copied with its Onboarding Push URL pointing at `url` (the one setting ops fill in). */
	function hireRecipe(dir: string, name: string, url: string): string {
		const recipe = JSON.parse(readFileSync(recipeFile(name), 'utf8')) as {
			nodes: Array<{ name: string; parameters: Record<string, unknown> }>;
		};
		recipe.nodes.find((node) => node.name === 'Onboarding Push')!.parameters.url = url;
		return writeJson(dir, name, recipe);
	}

	/** Per hire: pushed to onboarding exactly once (or never, when it cannot be), and exactly one note about it. */
	function hireFigures<H extends MadeHire & { email: string }>(
		hires: H[],
		pushesOf: (hire: H) => number,
		notesOf: (hire: H) => number,
	) {
		const figures = {
			hires: hires.length,
			hiresToPush: hires.filter((made) => made.pushed).length,
			missedHires: 0,
			doubledEmployees: 0,
			doubledNotes: 0,
			lostNotes: 0,
		};
		const problems: string[] = [];
		for (const made of hires) {
			const pushes = pushesOf(made);
			const notes = notesOf(made);
			if (made.pushed && pushes === 0) {
				figures.missedHires++;
				problems.push(`${made.email} (${made.madeWhen}) never reached onboarding`);
			}
			if (!made.pushed && pushes > 0)
				problems.push(`${made.email} (${made.madeWhen}) was pushed without an offer or start date`);
			figures.doubledEmployees += Math.max(0, pushes - 1);
			figures.doubledNotes += Math.max(0, notes - 1);
			if (notes === 0) {
				figures.lostNotes++;
				problems.push(`${made.email} (${made.madeWhen}) has no note`);
			}
		}
		return { figures, problems };
	}

	const NO_HARM = {
		missedHires: 0,
		doubledEmployees: 0,
		doubledNotes: 0,
		lostNotes: 0,
		corruptStateFiles: 0,
	};

	describe(`hire-to-onboarding from cron: ${POLL_ROUNDS} poll runs killed at seeded points while hires keep arriving`, () => {
		it.concurrent(
			'Lever: every hire reaches onboarding exactly once, the cursor never skips a change, no note twice',
			async () => {
				await ready();
				const clock: { pinned?: number } = {};
				// Lever's clock can be pinned for a hire at exactly the saved cursor; its rate limit would stall on a pinned
				// clock, and the runner paces itself below it anyway.
				const sim = await startLeverSimulator({
					rateLimit: false,
					now: () => clock.pinned ?? Date.now(),
				});
				const onboarding = await startOnboardingSimulator({
					auth: { header: 'authorization', value: ONBOARDING_TOKEN },
				});
				const killSwitch = new KillSwitch();
				const leverProxy = await startCountingProxy(sim.baseUrl, killSwitch);
				const onboardingProxy = await startCountingProxy(onboarding.baseUrl, killSwitch);
				try {
					const dir = tempDir('chaos-lever-poll-');
					const credentials = writeJson(dir, 'credentials.json', {
						'Lever account': {
							type: 'leverApi',
							data: {
								apiKey: sim.apiKey,
								environment: 'custom',
								customUrl: leverProxy.url,
								defaultPerformAs: LEVER_SEED.users.recruiter,
							},
						},
						'Onboarding API': {
							type: 'onboardingApi',
							data: {
								authType: 'header',
								headerName: 'Authorization',
								headerValue: ONBOARDING_TOKEN,
							},
						},
					});
					const stateFile = `${dir}/state.json`;
					const cursor = () =>
						savedCursor(existsSync(stateFile) ? readFileSync(stateFile, 'utf8') : undefined);
					const hire = hireMaker(sim, clock);
					const { hires, figures, failures } = await runPollScenario<Hire>(
						{
							workflow: hireRecipe(
								dir,
								'hire-to-onboarding.lever.json',
								`${onboardingProxy.url}/employees`,
							),
							args: ['--credentials', credentials, '--state', stateFile],
							stateFile,
							killSwitch,
							hire: (pushed, madeWhen, atCursor) =>
								hire(pushed, madeWhen, atCursor ? cursor() : undefined),
							// Archive reasons and the list; per hire the opportunity and its offers, with an offer the posting and the
							// push, and a note (looked up, then added).
							requestsFor: (made) => 2 + made.reduce((sum, one) => sum + (one.pushed ? 6 : 4), 0),
						},
						POLL_ROUNDS,
						seededRandom(SEED + 1),
					);

					const employees = [...onboarding.employees.values()];
					const views = leverView(sim);
					const notePattern = (made: Hire) =>
						made.pushed
							? /^Onboarding started: employee /
							: /^Onboarding not started: this hire has no offer/;
					const result = hireFigures(
						hires,
						(made: Hire) =>
							employees.filter((employee) => employee.idempotencyKey === made.opportunityId).length,
						(made: Hire) =>
							views
								.find((view) => view.id === made.opportunityId)!
								.notes.filter((note) => notePattern(made).test(note)).length,
					);
					printFigures('lever poll', {
						seed: SEED + 1,
						...figures,
						...result.figures,
						employees: employees.length,
					});
					expect(failures).toEqual([]);
					expect(figures.kills).toBeGreaterThanOrEqual(Math.min(20, POLL_ROUNDS));
					expect(result.problems).toEqual([]);
					expect({ ...result.figures, corruptStateFiles: figures.corruptStateFiles }).toMatchObject(
						NO_HARM,
					);
					expect(employees).toHaveLength(result.figures.hiresToPush);
				} finally {
					await leverProxy.close();
					await onboardingProxy.close();
					await sim.close();
					await onboarding.close();
				}
			},
		);

		it.concurrent(
			'SmartRecruiters: every hire reaches onboarding exactly once, the cursor never skips a change, no note twice',
			async () => {
				await ready();
				const systems = await srHireSystems({ rateLimit: false }, ONBOARDING_TOKEN);
				const { sim, onboarding, killSwitch } = systems;
				try {
					const dir = tempDir('chaos-sr-poll-');
					const credentials = systems.credentials(dir);
					const stateFile = `${dir}/state.json`;
					const cursor = () =>
						savedSrCursor(existsSync(stateFile) ? readFileSync(stateFile, 'utf8') : undefined);
					const hire = srHireMaker(sim);
					const { hires, figures, failures } = await runPollScenario<SrHire>(
						{
							workflow: hireRecipe(
								dir,
								'hire-to-onboarding.smartrecruiters.json',
								systems.onboardingUrl,
							),
							args: ['--credentials', credentials, '--state', stateFile],
							stateFile,
							killSwitch,
							hire: (pushed, madeWhen, atCursor) =>
								hire(pushed, madeWhen, atCursor ? cursor() : undefined),
							// The list; per hire its application and offers, with a start date its hire form properties, the candidate,
							// the job, the push and the onboarding status (set, then read back), and a note (looked up, then added).
							requestsFor: (made) => 1 + made.reduce((sum, one) => sum + (one.pushed ? 10 : 4), 0),
						},
						POLL_ROUNDS,
						seededRandom(SEED + 2),
					);

					const employees = [...onboarding.employees.values()];
					const views = srView(sim);
					const notePattern = (made: SrHire) =>
						made.pushed
							? /^Onboarding started: employee /
							: /^Onboarding not started: this hire has no accepted offer/;
					const result = hireFigures(
						hires,
						(made: SrHire) =>
							employees.filter((employee) => employee.idempotencyKey === made.candidateId).length,
						(made: SrHire) =>
							views
								.find((view) => view.id === made.candidateId)!
								.notes.filter((note) => notePattern(made).test(note)).length,
					);
					printFigures('smartrecruiters poll', {
						seed: SEED + 2,
						...figures,
						...result.figures,
						employees: employees.length,
						contractViolations: sim.contractViolations.length,
					});
					expect(failures).toEqual([]);
					expect(figures.kills).toBeGreaterThanOrEqual(Math.min(20, POLL_ROUNDS));
					expect(result.problems).toEqual([]);
					expect({ ...result.figures, corruptStateFiles: figures.corruptStateFiles }).toMatchObject(
						NO_HARM,
					);
					expect(employees).toHaveLength(result.figures.hiresToPush);
					expect(sim.contractViolations).toEqual([]);
				} finally {
					await systems.close();
				}
			},
		);
	});
});
