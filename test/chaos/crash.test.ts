/**
 * Crash and rerun (issue 8): the runner is SIGKILLed at seeded points of a batch, then run again to completion. The
 * outcome must equal a clean run's: one candidate per contact, no note or file twice, every contact present or
 * reported failed. Kill points are "the N-th request the simulators see" (see killSwitch.ts), N drawn from a seeded
 * PRNG: CHAOS_SEED=<n> replays another set of points. Figures are printed as one `[chaos]` line per scenario.
 */
import { LEVER_SEED, startLeverSimulator, type LeverSimulator } from '../simulators/lever';
import { ensureBuilt, startFileServer, tempDir, writeJson, writeNdjson } from '../recipes/helpers';
import { recipeFile } from '../recipes/helpers';
import { KillSwitch, killPoints, seededRandom, startCountingProxy } from './killSwitch';
import { compareOutcomes, leverBatch, leverOutcome, type Outcome } from './leverBatch';
import { inPool, printFigures, runKillable, stateFileProblem, type ChaosRun } from './runner';

const SEED = Number(process.env.CHAOS_SEED ?? 8);
const BATCH_SIZE = 60;
const KILLS = Number(process.env.CHAOS_KILLS ?? 24);
/** Trials run side by side, each with its own simulator: the runner spends most of a run pacing requests. */
const PARALLEL = 12;

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
});
