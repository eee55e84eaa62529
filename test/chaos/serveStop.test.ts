/**
 * `ats-sync serve` stopping and failing without losing an acknowledged event (issue 12):
 * - SIGTERM with 1,000 events pending and the run in progress stuck at the ATS: exits 0 within the shutdown timeout
 *   plus 2 s; the restart runs all 1,000; Lever still holds exactly one webhook, with the same signing token; an
 *   event Lever fires while serve is down arrives through Lever's own retries.
 * - An ATS outage longer than the nodes' own retries, after the acknowledgement: the event completes once the ATS is
 *   back.
 * - A permanent failure (a Lever key without write permission) is a dead letter naming its reason; after the
 *   credential is fixed, `ats-sync inbox retry` and a restart complete it.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';

import { LEVER_SEED, startLeverSimulator } from '../simulators/lever';
import { freePort } from '../n8n/instance';
import { ensureBuilt, postSigned, serveRecipe, tempDir, writeJson } from '../recipes/helpers';
import { leverView } from '../recipes/leverState';
import { runCli } from '../runner/cli';
import { KillSwitch, startCountingProxy } from './killSwitch';
import { printFigures } from './runner';
import { inboxCounts, LOCK_ENV, sleep, stateFileIn } from './serveLives';

const OUTREACH_SECRET = 'outreach-signing-secret-for-serve-stop';
const PUSH = 'push-on-interested.lever.json';
const SHUTDOWN_TIMEOUT_S = 10;

const interested = (id: string, email: string) => ({
	eventId: id,
	type: 'contact.interested',
	occurredAt: '2026-11-20T09:00:00Z',
	campaign: { id: 'sw-backend-berlin', name: 'Backend Berlin Q4' },
	outreachType: 'email',
	message: 'Happy to talk',
	contact: { email, firstName: 'Stop', lastName: 'Test', headline: 'Engineer', location: 'Berlin' },
});

async function until(
	condition: () => boolean | Promise<boolean>,
	what: string,
	limitMs = 10 * 60_000,
) {
	const deadline = Date.now() + limitMs;
	while (!(await condition())) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await sleep(200);
	}
}

describe('ats-sync serve stops and fails without losing an acknowledged event', () => {
	beforeAll(async () => {
		await ensureBuilt();
	});

	it.concurrent(
		'SIGTERM with 1,000 events pending: exits in time, keeps its webhook and token, runs all 1,000 after the restart',
		async () => {
			// Lever retries a failed delivery 5 times, waiting longer each time: here 1, 2, 4, 8 and 16 s.
			const sim = await startLeverSimulator({
				webhookRetryDelaysMs: [1000, 2000, 4000, 8000, 16000],
				allowInsecureWebhookUrls: true,
			});
			const killSwitch = new KillSwitch();
			// Lever's API will hold every answer until released: the run in progress cannot finish before the stop.
			let release: () => void = () => undefined;
			const released = new Promise<void>((resolve) => (release = resolve));
			const proxy = await startCountingProxy(sim.baseUrl, killSwitch);
			try {
				const dir = tempDir('chaos-serve-stop-');
				const workflow = writeJson(dir, 'tag-hires.json', {
					name: 'Tag hires',
					nodes: [
						{
							id: 'trigger',
							name: 'Hired',
							type: 'n8n-nodes-ats-sync.leverTrigger',
							typeVersion: 1,
							position: [0, 0],
							webhookId: 'c3a1f0de-7b42-4e8a-9d15-6f2b0e4c8a71',
							parameters: { events: ['candidateHired'] },
							credentials: { leverApi: { id: 'lever', name: 'Lever account' } },
						},
						{
							id: 'tag',
							name: 'Tag Opportunity',
							type: 'n8n-nodes-ats-sync.lever',
							typeVersion: 1,
							position: [200, 0],
							parameters: {
								resource: 'opportunity',
								operation: 'addTags',
								opportunity: { __rl: true, mode: 'id', value: '={{ $json.data.opportunityId }}' },
								tags: ['Hired'],
							},
							credentials: { leverApi: { id: 'lever', name: 'Lever account' } },
						},
					],
					connections: { Hired: { main: [[{ node: 'Tag Opportunity', type: 'main', index: 0 }]] } },
				});
				const credentials = writeJson(dir, 'credentials.json', {
					'Lever account': {
						apiKey: sim.apiKey,
						environment: 'custom',
						customUrl: proxy.url,
						allowHttpWebhookUrls: true,
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
					'--shutdown-timeout',
					String(SHUTDOWN_TIMEOUT_S),
				];
				const hired = {
					opportunityId: LEVER_SEED.opportunities.adaBackend,
					candidateId: LEVER_SEED.opportunities.adaBackend,
					contactId: LEVER_SEED.contacts.ada,
				};

				// Registration goes through before Lever's answers are held.
				let holding = false;
				killSwitch.onRequest = async () => {
					if (holding) await released;
				};
				const first = await serveRecipe(workflow, args, { env: LOCK_ENV });
				const [webhook] = sim.state.webhooks.map((registered) => ({ ...registered }));
				holding = true;
				const statuses: number[] = [];
				for (let sent = 0; sent < 1000; sent += 25) {
					const results = await Promise.all(
						Array.from(
							{ length: 25 },
							async () => (await sim.sendWebhook('candidateHired', hired))[0],
						),
					);
					statuses.push(...results.map((result) => result.status));
				}
				const pendingAtStop = inboxCounts(state).pending;

				const stopStarted = Date.now();
				expect(await first.stop()).toBe(0);
				const stopSeconds = (Date.now() - stopStarted) / 1000;
				// Fired while serve is down: the first delivery fails, Lever's retries bring it in after the restart.
				const gap = sim.sendWebhook('candidateHired', hired);
				await sleep(1500);
				holding = false;
				release();
				const second = await serveRecipe(workflow, args, { env: LOCK_ENV });
				try {
					const [gapDelivery] = await gap;
					await until(
						() => inboxCounts(state).done >= 1001 && inboxCounts(state).pending === 0,
						'all 1,001 events to run',
					);
					const webhooksAfter = sim.state.webhooks.map((registered) => ({
						id: registered.id,
						token: registered.signatureToken,
					}));
					printFigures('serve stop', {
						acknowledged: statuses.filter((status) => status === 200).length,
						pendingAtStop,
						stopSeconds: Math.round(stopSeconds * 10) / 10,
						shutdownTimeoutSeconds: SHUTDOWN_TIMEOUT_S,
						gapDeliveryAttempts: gapDelivery.attempts,
						doneAfterRestart: inboxCounts(state).done,
						webhooks: webhooksAfter.length,
					});
					expect(statuses.filter((status) => status !== 200)).toEqual([]);
					expect(pendingAtStop).toBeGreaterThanOrEqual(999);
					expect(first.stderr()).toContain(
						`the run in progress did not finish within ${SHUTDOWN_TIMEOUT_S} s`,
					);
					expect(stopSeconds).toBeLessThan(SHUTDOWN_TIMEOUT_S + 2);
					expect(second.stderr()).toContain('"Hired" keeps its webhook registration');
					expect(webhooksAfter).toEqual([{ id: webhook.id, token: webhook.signatureToken }]);
					expect(gapDelivery).toMatchObject({ status: 200 });
					expect(gapDelivery.attempts).toBeGreaterThan(1);
					expect(inboxCounts(state)).toMatchObject({ done: 1001, pending: 0, dead: 0 });
				} finally {
					expect(await second.stop()).toBe(0);
				}
			} finally {
				release();
				await proxy.close();
				await sim.close();
			}
		},
	);

	it.concurrent(
		"an ATS outage longer than the nodes' retries, after the acknowledgement: the event completes once Lever is back",
		async () => {
			const sim = await startLeverSimulator({ allowInsecureWebhookUrls: true });
			try {
				const dir = tempDir('chaos-serve-outage-');
				const credentials = writeJson(dir, 'credentials.json', {
					'Lever account': {
						type: 'leverApi',
						data: {
							apiKey: sim.apiKey,
							environment: 'custom',
							customUrl: sim.baseUrl,
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
				const serving = await serveRecipe(
					PUSH,
					['--credentials', credentials, '--state', state, '--retry-base', '1', '--retry-max', '4'],
					{ env: LOCK_ENV },
				);
				let outageAnswers = 0;
				try {
					sim.setFaults({ seed: 3, outage: { after: 0, requests: 1_000_000 } });
					const answer = await postSigned(
						serving.urlOf('Contact Event'),
						OUTREACH_SECRET,
						interested('outage-1', 'outage.person@example.net'),
					);
					expect(answer.status).toBe(200);
					// The nodes' own retries (5, with backoff) are spent, then the inbox's: the first inbox retry fails too.
					await serving.waitFor(/attempt 2 of 12 failed/);
					outageAnswers = sim.faults.outage;
					sim.setFaults(undefined);
					await until(() => inboxCounts(state).done === 1, 'the event to complete');
				} finally {
					expect(await serving.stop()).toBe(0);
				}
				const records = leverView(sim).filter((view) =>
					view.emails.includes('outage.person@example.net'),
				);
				printFigures('serve outage', {
					outageAnswers,
					opportunities: records.length,
					notes: records.flatMap((view) => view.notes).length,
				});
				expect(outageAnswers).toBeGreaterThan(6);
				expect(records).toHaveLength(1);
				expect(records[0].notes).toHaveLength(1);
				expect(inboxCounts(state)).toMatchObject({ done: 1, pending: 0, dead: 0 });
			} finally {
				await sim.close();
			}
		},
	);

	it.concurrent(
		'a permanent failure is a dead letter with its reason; fixed and retried, it completes',
		async () => {
			const sim = await startLeverSimulator({ allowInsecureWebhookUrls: true });
			try {
				const dir = tempDir('chaos-serve-dead-');
				const credentials = path.join(dir, 'credentials.json');
				const writeCredentials = (apiKey: string) =>
					writeFileSync(
						credentials,
						JSON.stringify({
							'Lever account': {
								type: 'leverApi',
								data: {
									apiKey,
									environment: 'custom',
									customUrl: sim.baseUrl,
									allowHttpWebhookUrls: true,
									defaultPerformAs: LEVER_SEED.users.recruiter,
								},
							},
							'Outreach webhook': {
								type: 'contactEventWebhookApi',
								data: { signingSecret: OUTREACH_SECRET },
							},
						}),
					);
				// A key that may read opportunities but not create them: Lever answers 403 to the create.
				writeCredentials(sim.limitedApiKey);
				const state = stateFileIn(dir);
				const args = ['--credentials', credentials, '--state', state];
				const first = await serveRecipe(PUSH, args, { env: LOCK_ENV });
				try {
					expect(
						(
							await postSigned(
								first.urlOf('Contact Event'),
								OUTREACH_SECRET,
								interested('dead-1', 'dead.letter@example.net'),
							)
						).status,
					).toBe(200);
					await first.waitFor(/dead-lettered: /);
				} finally {
					expect(await first.stop()).toBe(0);
				}
				const listed = await runCli([
					'inbox',
					path.join(dir, PUSH),
					'list',
					'--dead',
					'--json',
					'--state',
					state,
				]);
				const [dead] = (
					JSON.parse(listed.stdout) as {
						events: Array<{
							id: number;
							who: string;
							deadLetter: { error: string; node: string; who: string };
						}>;
					}
				).events;
				expect(dead).toMatchObject({
					who: 'dead.letter@example.net',
					deadLetter: { node: 'Upsert Candidate', who: 'dead.letter@example.net' },
				});
				expect(dead.deadLetter.error).toMatch(/^Upsert Candidate: .*credential "Lever account"/);
				expect(dead.deadLetter.error).not.toContain(sim.limitedApiKey);

				// The operator gives the credential the missing permission, requeues the event and starts serve again.
				writeCredentials(sim.apiKey);
				const retried = await runCli([
					'inbox',
					path.join(dir, PUSH),
					'retry',
					'--all',
					'--state',
					state,
				]);
				expect(retried.stderr).toContain('1 event(s) back in the queue');
				const second = await serveRecipe(PUSH, args, { env: LOCK_ENV });
				try {
					expect(second.stderr()).toContain('1 event(s) waiting');
					await until(() => inboxCounts(state).done === 1, 'the retried event to complete');
				} finally {
					expect(await second.stop()).toBe(0);
				}
				const records = leverView(sim).filter((view) =>
					view.emails.includes('dead.letter@example.net'),
				);
				printFigures('serve dead letter', {
					deadLetterReason: JSON.stringify(dead.deadLetter.error.slice(0, 120)),
					opportunities: records.length,
				});
				expect(records).toHaveLength(1);
				expect(inboxCounts(state)).toMatchObject({ done: 1, pending: 0, dead: 0 });
			} finally {
				await sim.close();
			}
		},
	);
});
