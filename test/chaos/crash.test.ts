/**
 * Crash and rerun (issue 8): the runner is SIGKILLed at seeded points of a batch, then run again to completion. The
 * outcome must equal a clean run's: one candidate per contact, no note or file twice, every contact present or
 * reported failed. Kill points are "the N-th request the simulators see" (see killSwitch.ts), N drawn from a seeded
 * PRNG: CHAOS_SEED=<n> replays another set of points. Figures are printed as one `[chaos]` line per scenario.
 */
import { existsSync, readFileSync } from 'node:fs';

import { LEVER_SEED, startLeverSimulator, type LeverSimulator } from '../simulators/lever';
import { startOnboardingSimulator } from '../simulators/onboarding';
import { ensureBuilt, recipeFile, startFileServer, tempDir, writeJson, writeNdjson } from '../recipes/helpers';
import { leverView } from '../recipes/leverState';
import { KillSwitch, killPoints, seededRandom, startCountingProxy } from './killSwitch';
import { compareOutcomes, leverBatch, leverOutcome, type Outcome } from './leverBatch';
import { hireMaker, savedCursor, type Hire } from './leverHires';
import { inPool, printFigures, runKillable, stateFileProblem, type ChaosRun } from './runner';

const SEED = Number(process.env.CHAOS_SEED ?? 8);
const BATCH_SIZE = 60;
const KILLS = Number(process.env.CHAOS_KILLS ?? 24);
/** Trials run side by side, each with its own simulator: the runner spends most of a run pacing requests. */
const PARALLEL = 12;
/** Poll rounds: hires arrive, a poll run is killed, more hires arrive, the rerun completes. */
const POLL_ROUNDS = Number(process.env.CHAOS_POLL_ROUNDS ?? 24);
const ONBOARDING_TOKEN = 'Bearer onboarding-token-for-chaos';

describe('crash and rerun', () => {
	let files: Awaited<ReturnType<typeof startFileServer>>;

	beforeAll(async () => {
		await ensureBuilt();
		const cvs: Record<string, { type: string; body: string }> = {};
		for (let i = 0; i < BATCH_SIZE; i += 5) cvs[`/cv/person${i}.pdf`] = { type: 'application/pdf', body: `%PDF-1.4 CV of person ${i}` };
		files = await startFileServer(cvs);
	});
	afterAll(async () => {
		await files?.close();
	});

	describe(`push-on-interested (Lever): a batch killed at ${KILLS} seeded points, each rerun to completion`, () => {
		/** A fresh simulator behind a counting proxy, credentials pointing at the proxy, an empty state file. */
		async function leverTrial(name: string) {
			const sim: LeverSimulator = await startLeverSimulator();
			const killSwitch = new KillSwitch();
			const proxy = await startCountingProxy(sim.baseUrl, killSwitch);
			const dir = tempDir(`chaos-lever-${name}-`);
			const credentials = writeJson(dir, 'credentials.json', {
				'Lever account': {
					type: 'leverApi',
					data: { apiKey: sim.apiKey, environment: 'custom', customUrl: proxy.url, defaultPerformAs: LEVER_SEED.users.recruiter },
				},
				'Outreach webhook': { type: 'contactEventWebhookApi', data: { signingSecret: 'outreach-signing-secret-for-chaos' } },
			});
			const state = `${dir}/state.json`;
			return {
				sim,
				killSwitch,
				state,
				args: (input: string) => ['--input', input, '--credentials', credentials, '--state', state],
				close: async () => {
					await proxy.close();
					await sim.close();
				},
			};
		}

		it('leaves the records of a clean run: none lost, no duplicate candidate, no note or file twice', async () => {
			const batch = leverBatch(BATCH_SIZE, files.baseUrl);
			const input = writeNdjson(tempDir('chaos-lever-input-'), 'events.ndjson', batch.events);
			const recipe = recipeFile('push-on-interested.lever.json');

			// The clean run: what every crash-and-rerun must end with, and how many requests a run makes.
			const clean = await leverTrial('clean');
			let cleanRun: ChaosRun;
			let cleanOutcome: Outcome;
			try {
				cleanRun = await runKillable(recipe, clean.args(input), clean.killSwitch);
				cleanOutcome = leverOutcome(clean.sim, batch.emails);
			} finally {
				await clean.close();
			}
			expect(cleanRun.summary?.failedItems.map((failed) => failed.message)).toEqual(['Mandatory field "name" is empty', 'Mandatory field "name" is empty']);
			expect(cleanRun.code).toBe(1);
			// The clean run itself meets the bar: one candidate per new contact, Ada's two candidacies kept.
			for (const email of batch.emails) expect(cleanOutcome.get(email)!.candidates).toBe(email === LEVER_SEED.contactEmails.ada ? 2 : 1);

			const points = killPoints(seededRandom(SEED), KILLS, cleanRun.requests);

			const trials = await inPool(
				PARALLEL,
				points.map((point, index) => async () => {
					const trial = await leverTrial(`kill${index}`);
					try {
						const killed = await runKillable(recipe, trial.args(input), trial.killSwitch, point);
						const corruptAfterKill = stateFileProblem(trial.state);
						const rerun = await runKillable(recipe, trial.args(input), trial.killSwitch);
						return {
							point,
							killed,
							rerun,
							corrupt: corruptAfterKill ?? stateFileProblem(trial.state),
							comparison: compareOutcomes(cleanOutcome, leverOutcome(trial.sim, batch.emails)),
							rateLimited: trial.sim.rateLimited,
						};
					} finally {
						await trial.close();
					}
				}),
			);

			const total = (pick: (trial: (typeof trials)[number]) => number) => trials.reduce((sum, trial) => sum + pick(trial), 0);
			printFigures('lever batch', {
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
				corruptStateFiles: trials.filter((trial) => trial.corrupt).length,
				answered429: total((trial) => trial.rateLimited),
				cleanRunSeconds: cleanRun.seconds.toFixed(1),
				meanRerunSeconds: (total((trial) => trial.rerun.seconds) / trials.length).toFixed(1),
			});

			for (const trial of trials) {
				const where = `kill ${trial.point.mode} request ${trial.point.atRequest}`;
				expect({ where, killed: trial.killed.killed, signal: trial.killed.signal }).toEqual({ where, killed: true, signal: 'SIGKILL' });
				expect({ where, corrupt: trial.corrupt }).toEqual({ where, corrupt: undefined });
				// The rerun completes, and reports the same two contacts without a name as failed — nothing else.
				expect({ where, code: trial.rerun.code, failed: trial.rerun.summary?.failedItems }).toEqual({ where, code: cleanRun.code, failed: cleanRun.summary?.failedItems });
				expect({ where, ...trial.comparison }).toEqual({ where, lost: 0, duplicatedCandidates: 0, doubledNotes: 0, lostNotes: 0, doubledFiles: 0, lostFiles: 0, other: [] });
			}
		});
	});

	describe(`hire-to-onboarding (Lever) from cron: ${POLL_ROUNDS} poll runs killed at seeded points while hires keep arriving`, () => {
		it('gets every hire to onboarding exactly once: the cursor never skips a change, notes are not doubled', async () => {
			const clock: { pinned?: number } = {};
			// Lever's clock can be pinned for a hire at exactly the saved cursor; its rate limit would stall on a pinned
			// clock, and the runner paces itself below it anyway.
			const sim = await startLeverSimulator({ rateLimit: false, now: () => clock.pinned ?? Date.now() });
			const onboarding = await startOnboardingSimulator({ auth: { header: 'authorization', value: ONBOARDING_TOKEN } });
			const killSwitch = new KillSwitch();
			const leverProxy = await startCountingProxy(sim.baseUrl, killSwitch);
			const onboardingProxy = await startCountingProxy(onboarding.baseUrl, killSwitch);
			try {
				const dir = tempDir('chaos-lever-poll-');
				const recipe = JSON.parse(readFileSync(recipeFile('hire-to-onboarding.lever.json'), 'utf8')) as { nodes: Array<{ name: string; parameters: Record<string, unknown> }> };
				recipe.nodes.find((node) => node.name === 'Onboarding Push')!.parameters.url = `${onboardingProxy.url}/employees`;
				const workflow = writeJson(dir, 'hire-to-onboarding.lever.json', recipe);
				const credentials = writeJson(dir, 'credentials.json', {
					'Lever account': { type: 'leverApi', data: { apiKey: sim.apiKey, environment: 'custom', customUrl: leverProxy.url, defaultPerformAs: LEVER_SEED.users.recruiter } },
					'Onboarding API': { type: 'onboardingApi', data: { authType: 'header', headerName: 'Authorization', headerValue: ONBOARDING_TOKEN } },
				});
				const stateFile = `${dir}/state.json`;
				const args = ['--credentials', credentials, '--state', stateFile];
				const cursor = () => savedCursor(existsSync(stateFile) ? readFileSync(stateFile, 'utf8') : undefined);
				const hire = hireMaker(sim, clock);
				const hires: Hire[] = [];

				// The first poll only starts the cursor (n8n's behaviour on activation).
				const first = await runKillable(workflow, args, killSwitch);
				expect({ code: first.code, status: first.summary?.status }).toEqual({ code: 0, status: 'no-data' });

				const random = seededRandom(SEED + 1);
				const figures = { kills: 0, reruns: 0, runs: 1, missedHires: 0, doubledEmployees: 0, doubledNotes: 0, lostNotes: 0, corruptStateFiles: 0, atCursor: 0 };
				for (let round = 0; round < POLL_ROUNDS; round++) {
					const before = [await hire(true, `round ${round}, before the run`), await hire(round % 3 !== 0, `round ${round}, before the run`)];
					// A change stamped exactly at the saved cursor, made after the poll that saved it.
					before.push(await hire(round % 2 === 0, `round ${round}, at the cursor`, cursor()));
					hires.push(...before);
					figures.atCursor++;
					// Requests a run makes: archive reasons and the list, then per hire the opportunity and its offers, with an
					// offer the posting and the onboarding push, and a note (looked up, then added).
					const requests = 2 + before.reduce((sum, made) => sum + (made.withOffer ? 6 : 4), 0);
					const point = { atRequest: 1 + Math.floor(random() * requests), mode: random() < 0.5 ? 'before' : 'after' } as const;
					// A hire made while the run is under way, halfway to the kill point.
					const midRun = Math.max(1, Math.floor(point.atRequest / 2));
					killSwitch.onRequest = async (index) => {
						if (index === midRun) hires.push(await hire(true, `round ${round}, during the killed run`));
					};
					const killed = await runKillable(workflow, args, killSwitch, point);
					killSwitch.onRequest = undefined;
					figures.runs++;
					if (killed.killed) figures.kills++;
					if (stateFileProblem(stateFile)) figures.corruptStateFiles++;
					hires.push(await hire(round % 4 !== 1, `round ${round}, between kill and rerun`, cursor()));
					figures.atCursor++;

					const rerun = await runKillable(workflow, args, killSwitch);
					figures.runs++;
					figures.reruns++;
					expect({ round, code: rerun.code, failed: rerun.summary?.failedItems }).toEqual({ round, code: 0, failed: [] });
				}

				const employees = [...onboarding.employees.values()];
				const views = leverView(sim);
				const problems: string[] = [];
				for (const made of hires) {
					const pushed = employees.filter((employee) => employee.idempotencyKey === made.opportunityId).length;
					const notes = views.find((view) => view.id === made.opportunityId)!.notes;
					const expectedNote = made.withOffer ? /^Onboarding started: employee / : /^Onboarding not started: this hire has no offer/;
					const noted = notes.filter((note) => expectedNote.test(note)).length;
					if (made.withOffer && pushed === 0) figures.missedHires++;
					if (!made.withOffer && pushed > 0) problems.push(`${made.email} (no offer) was pushed`);
					figures.doubledEmployees += Math.max(0, pushed - 1);
					figures.doubledNotes += Math.max(0, noted - 1);
					if (noted === 0) {
						figures.lostNotes++;
						problems.push(`${made.email} (${made.madeWhen}, ${made.withOffer ? 'offer' : 'no offer'}) has no note`);
					}
					if (made.withOffer && pushed === 0) problems.push(`${made.email} (${made.madeWhen}) never reached onboarding`);
				}
				printFigures('lever poll', { seed: SEED + 1, ...figures, hires: hires.length, hiresWithOffer: hires.filter((made) => made.withOffer).length, employees: employees.length });
				expect(figures.kills).toBeGreaterThanOrEqual(Math.min(20, POLL_ROUNDS));
				expect(problems).toEqual([]);
				expect({ ...figures, kills: 0, reruns: 0, runs: 0, atCursor: 0 }).toEqual({ kills: 0, reruns: 0, runs: 0, atCursor: 0, missedHires: 0, doubledEmployees: 0, doubledNotes: 0, lostNotes: 0, corruptStateFiles: 0 });
				expect(employees).toHaveLength(hires.filter((made) => made.withOffer).length);
			} finally {
				await leverProxy.close();
				await onboardingProxy.close();
				await sim.close();
				await onboarding.close();
			}
		});
	});
});
