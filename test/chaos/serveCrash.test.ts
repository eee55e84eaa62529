/**
 * Crash suite of `ats-sync serve` (issue 12): a steady stream of signed deliveries while serve is SIGKILLed at seeded
 * points — after a delivery is stored but before its 2xx, after a run before its commit, inside that commit, and at
 * the N-th request to the ATS (before it arrives, or after the ATS handled it) — and restarted each time on the same
 * port and state. Deliveries that got no 2xx are delivered again by their sender's own retry schedule: the Lever
 * recipe's outreach events by an outreach tool's (RetryingSender), the SmartRecruiters hires by the simulator's.
 * Every delivery must end acknowledged and in the ATS exactly once.
 *   Lever: push-on-interested, compared with a clean serve of the same events (records, notes, files).
 *   SmartRecruiters: hire-to-onboarding with its "Only When Status Becomes: Hired" lookup; per hire one employee
 *   and one "Onboarding started" note.
 * CHAOS_SEED=<n> replays other kill points; CHAOS_SERVE_KILLS sets how many per ATS (default 20).
 */
import { readFileSync } from 'node:fs';

import { LEVER_SEED, startLeverSimulator } from '../simulators/lever';
import { SR_RETRY_MINUTES } from '../simulators/smartrecruiters';
import { freePort } from '../n8n/instance';
import {
	ensureBuilt,
	recipeWith,
	recipeWithLocalFiles,
	startFileServer,
	tempDir,
	writeJson,
} from '../recipes/helpers';
import { srView } from '../recipes/srState';
import { seededRandom } from '../seededRandom';
import { compareOutcomes, contactBatch, leverOutcome } from './batch';
import { KillSwitch, startCountingProxy } from './killSwitch';
import { printFigures } from './runner';
import {
	inboxCounts,
	killRepeatedly,
	liveUntilDone,
	RetryingSender,
	sleep,
	stateFileIn,
	type LifeOutcome,
} from './serveLives';
import { srHireMaker, srHireSystems, type SrHire } from './srHires';

const SEED = Number(process.env.CHAOS_SEED ?? 12);
const KILLS = Number(process.env.CHAOS_SERVE_KILLS ?? 20);
const OUTREACH_SECRET = 'outreach-signing-secret-for-serve-crash';
/** An outreach tool's retry schedule: long enough to outlast a restart (lock takeover and start-up, a few seconds). */
const SENDER_RETRIES_MS = [500, 1000, 2000, 4000, 8000, 16000, 32000];
/** SmartRecruiters' documented schedule with a minute compressed to 250 ms (the first retries 0.25, 0.75, 2.5, 11 s). */
const SR_RETRIES_MS = SR_RETRY_MINUTES.map((minutes) => minutes * 250);
const ONBOARDING_TOKEN = 'Bearer onboarding-token-for-serve-crash';
/** serve's own inbox retries, short: a run the kill switch cut off at the ATS is tried again soon. */
const RETRY_ARGS = [
	'--retry-base',
	'0.5',
	'--retry-max',
	'2',
	'--retry-attempts',
	'50',
	'--shutdown-timeout',
	'5',
];

const tally = (lives: LifeOutcome[]) =>
	Object.fromEntries(
		['accepted', 'ats-request', 'run-finished', 'run-committing'].map((kind) => [
			kind,
			lives.filter((life) => life.plan.kind === kind && life.ended === 'killed').length,
		]),
	);

describe('ats-sync serve killed at seeded points while deliveries stream in', () => {
	it.concurrent(
		`Lever push-on-interested (${KILLS} kills): every acknowledged event in Lever exactly once, as a clean serve leaves it`,
		async () => {
			await ensureBuilt();
			const size = 60;
			// contactBatch gives every fifth contact a CV.
			const files = await startFileServer(
				Object.fromEntries(
					Array.from({ length: size / 5 }, (_, i) => [
						`/cv/person${i * 5}.pdf`,
						{ type: 'application/pdf', body: `%PDF-1.4 CV of person ${i * 5}` },
					]),
				),
			);
			const batch = contactBatch(size, files.baseUrl, LEVER_SEED.contactEmails.ada);
			const everyone = [...batch.emails, ...batch.failing];
			// The CVs come from a loopback file server, which Download File refuses unless private addresses are allowed.
			const workflow = recipeWithLocalFiles(
				tempDir('chaos-serve-lever-recipe-'),
				'push-on-interested.lever.json',
			);
			const webhookId = (
				JSON.parse(readFileSync(workflow, 'utf8')) as {
					nodes: Array<{ name: string; webhookId?: string }>;
				}
			).nodes.find((node) => node.name === 'Contact Event')!.webhookId!;

			/** One serve of the whole batch on a fresh simulator: killed `kills` times at seeded points (0: the clean run). */
			const serveBatch = async (label: string, kills: number) => {
				const sim = await startLeverSimulator({ port: 0, allowInsecureWebhookUrls: true });
				const killSwitch = new KillSwitch();
				const proxy = await startCountingProxy(sim.baseUrl, killSwitch);
				const dir = tempDir(`chaos-serve-lever-${label}-`);
				try {
					const credentials = writeJson(dir, 'credentials.json', {
						'Lever account': {
							type: 'leverApi',
							data: {
								apiKey: sim.apiKey,
								environment: 'custom',
								customUrl: proxy.url,
								allowHttpWebhookUrls: true,
								defaultPerformAs: LEVER_SEED.users.recruiter,
							},
						},
						'Outreach webhook': {
							type: 'contactEventWebhookApi',
							data: { signingSecret: OUTREACH_SECRET },
						},
					});
					const state = stateFileIn(dir);
					const port = await freePort();
					const args = [
						'--port',
						String(port),
						'--credentials',
						credentials,
						'--state',
						state,
						'--wait-lock',
						...RETRY_ARGS,
					];
					const sender = new RetryingSender(
						`http://127.0.0.1:${port}/webhook/${webhookId}`,
						OUTREACH_SECRET,
						SENDER_RETRIES_MS,
					);
					// Paced so that deliveries keep coming during most lives (a kill between insert and 2xx needs one).
					const sending = sender.sendAll(batch.events, kills > 0 ? 1500 : 150);
					const workLeft = () => !sender.done || inboxCounts(state).pending > 0;
					const lives = await killRepeatedly({
						workflow,
						args,
						killSwitch,
						random: seededRandom(SEED),
						kills,
						maxRequest: 12,
						deliveriesComing: () => !sender.done,
						workLeft,
					});
					const exit = await liveUntilDone(workflow, args, () => !workLeft(), 10 * 60_000);
					await sending;
					return {
						sim,
						sender,
						lives,
						exit,
						counts: inboxCounts(state),
						outcome: leverOutcome(sim, everyone),
					};
				} finally {
					await proxy.close();
					await sim.close();
				}
			};

			try {
				const clean = await serveBatch('clean', 0);
				const crashed = await serveBatch('killed', KILLS);
				const comparison = compareOutcomes(clean.outcome, crashed.outcome, batch.repeated);
				const unacknowledged = crashed.sender.sent
					.filter((event) => !event.acknowledged)
					.map((event) => event.eventId);
				const retried = crashed.sender.sent.filter((event) => event.answers.length > 1).length;
				printFigures('serve lever', {
					seed: SEED,
					events: crashed.sender.sent.length,
					kills: crashed.lives.filter((life) => life.ended === 'killed').length,
					...tally(crashed.lives),
					deliveriesRetriedBySender: retried,
					unacknowledged: unacknowledged.length,
					lost: comparison.lost,
					duplicatedCandidates: comparison.duplicatedCandidates,
					doubledNotes: comparison.doubledNotes,
					lostNotes: comparison.lostNotes,
					doubledFiles: comparison.doubledFiles,
					lostFiles: comparison.lostFiles,
					deadLetters: crashed.counts.dead,
					rateLimited: crashed.sim.rateLimited,
				});
				expect(clean.exit).toBe(0);
				expect(crashed.exit).toBe(0);
				expect(clean.sender.sent.every((event) => event.acknowledged)).toBe(true);
				expect(unacknowledged).toEqual([]);
				expect(
					crashed.lives.filter((life) => life.ended === 'killed').length,
				).toBeGreaterThanOrEqual(Math.min(20, KILLS));
				expect(comparison).toEqual({
					lost: 0,
					duplicatedCandidates: 0,
					doubledNotes: 0,
					lostNotes: 0,
					doubledFiles: 0,
					lostFiles: 0,
					earlierEventStatus: 0,
					other: [],
				});
				// The two contacts without a name are dead letters in both, nothing else; nothing is left pending.
				expect({ dead: crashed.counts.dead, pending: crashed.counts.pending }).toEqual({
					dead: clean.counts.dead,
					pending: 0,
				});
				expect(clean.counts.dead).toBe(batch.failing.length);
			} finally {
				await files.close();
			}
		},
	);

	it.concurrent(
		`SmartRecruiters hire-to-onboarding with its status lookup (${KILLS} kills): every hire pushed once, noted once`,
		async () => {
			await ensureBuilt();
			const systems = await srHireSystems(
				{
					rateLimit: false,
					autoEvents: true,
					webhooks: { retryDelaysMs: SR_RETRIES_MS },
					allowInsecureWebhookUrls: true,
				},
				ONBOARDING_TOKEN,
			);
			const { sim, onboarding, killSwitch } = systems;
			try {
				const dir = tempDir('chaos-serve-sr-');
				const credentials = systems.credentials(dir);
				const workflow = recipeWith(
					dir,
					'hire-to-onboarding.smartrecruiters.json',
					'Onboarding Push',
					'url',
					systems.onboardingUrl,
				);
				const state = stateFileIn(dir);
				const port = await freePort();
				const args = [
					'--port',
					String(port),
					'--credentials',
					credentials,
					'--state',
					state,
					'--wait-lock',
					...RETRY_ARGS,
				];

				// Hires keep coming while serve is killed and restarted; SmartRecruiters delivers each (and re-delivers).
				const hire = srHireMaker(sim);
				const hires: SrHire[] = [];
				let hiring = true;
				const stream = (async () => {
					// Registered by the first life; hires made before that would have no subscription to go to.
					while (!sim.state.subscriptions.some((subscription) => subscription.status === 'active'))
						await sleep(100);
					for (let i = 0; i < 40; i++) {
						hires.push(await hire(true, `hire ${i}`));
						await sleep(2000);
					}
					hiring = false;
				})();
				const lives = await killRepeatedly({
					workflow,
					args,
					killSwitch,
					random: seededRandom(SEED + 1),
					kills: KILLS,
					maxRequest: 10,
					deliveriesComing: () => hiring,
					workLeft: () => hiring || inboxCounts(state).pending > 0,
				});
				const exit = await liveUntilDone(
					workflow,
					args,
					async () => {
						if (hiring) return false;
						await sim.settled();
						return inboxCounts(state).pending === 0;
					},
					10 * 60_000,
				);
				await stream;

				const employees = [...onboarding.employees.values()];
				const views = srView(sim);
				const deliveries = sim.state.deliveries.filter(
					(delivery) => delivery.eventName === 'application.status.updated',
				);
				const perHire = hires.map((made) => ({
					email: made.email,
					employees: employees.filter((employee) => employee.idempotencyKey === made.candidateId)
						.length,
					notes: views
						.find((view) => view.id === made.candidateId)!
						.notes.filter((note) => /^Onboarding started: employee /.test(note)).length,
				}));
				const wrong = perHire.filter((one) => one.employees !== 1 || one.notes !== 1);
				printFigures('serve smartrecruiters', {
					seed: SEED + 1,
					hires: hires.length,
					kills: lives.filter((life) => life.ended === 'killed').length,
					...tally(lives),
					deliveries: deliveries.length,
					redelivered: deliveries.filter((delivery) => delivery.attempts.length > 1).length,
					undelivered: deliveries.filter((delivery) => !delivery.delivered).length,
					notPushedOnce: perHire.filter((one) => one.employees !== 1).length,
					notNotedOnce: perHire.filter((one) => one.notes !== 1).length,
					deadLetters: inboxCounts(state).dead,
					contractViolations: sim.contractViolations.length,
				});
				expect(exit).toBe(0);
				expect(lives.filter((life) => life.ended === 'killed').length).toBeGreaterThanOrEqual(
					Math.min(20, KILLS),
				);
				expect(deliveries.filter((delivery) => !delivery.delivered)).toEqual([]);
				expect(wrong).toEqual([]);
				expect(employees).toHaveLength(hires.length);
				expect(inboxCounts(state)).toMatchObject({ pending: 0, dead: 0 });
				expect(sim.contractViolations).toEqual([]);
			} finally {
				await systems.close();
			}
		},
	);
});
