/**
 * What the serve crash and stop suites share: an outreach tool's retrying sender, the inbox counts of a state file,
 * and "lives" of `ats-sync serve` that end at a seeded kill point — a crash point inside serve (ATS_SYNC_CRASH_AT:
 * after the insert before the 2xx, after a run before its commit, inside the commit) or the N-th request serve sends
 * to an ATS (the kill switch's counting proxies, before or after the ATS handled it).
 */
import { createHmac } from 'node:crypto';
import path from 'node:path';

import { Inbox, inboxPathFor } from '../../runner/src/serve/inbox';
import { serveRecipe, type ServingRecipe } from '../recipes/helpers';
import type { KillMode, KillSwitch } from './killSwitch';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A killed serve leaves its lock behind; the next one waits until it is stale (the runner's minimum, 2 s). */
export const LOCK_ENV = { ATS_SYNC_LOCK_STALE_MS: '2000' };

export interface SentEvent {
	eventId: string;
	/** Whether some attempt got a 2xx. */
	acknowledged: boolean;
	/** What each attempt got: a status, or the error of a connection that failed. */
	answers: Array<number | string>;
}

/**
 * An outreach tool delivering contact events to a webhook, as such tools do: one at a time in order, signed, each
 * sent again on its retry schedule until it gets a 2xx (a reset, a refused connection or a 5xx is a failure).
 */
export class RetryingSender {
	readonly sent: SentEvent[] = [];

	done = false;

	constructor(
		private readonly url: string,
		private readonly secret: string,
		private readonly retryDelaysMs: number[],
	) {}

	async sendAll(events: Array<{ eventId: string }>, paceMs: number) {
		for (const event of events) {
			await this.send(event);
			await sleep(paceMs);
		}
		this.done = true;
	}

	private async send(event: { eventId: string }) {
		const body = JSON.stringify(event);
		const signature = `sha256=${createHmac('sha256', this.secret).update(body).digest('hex')}`;
		const record: SentEvent = { eventId: event.eventId, acknowledged: false, answers: [] };
		this.sent.push(record);
		for (let attempt = 0; attempt <= this.retryDelaysMs.length; attempt++) {
			if (attempt > 0) await sleep(this.retryDelaysMs[attempt - 1]);
			try {
				const response = await fetch(this.url, {
					method: 'POST',
					headers: { 'content-type': 'application/json', 'x-signature': signature },
					body,
					signal: AbortSignal.timeout(15_000),
				});
				await response.arrayBuffer();
				record.answers.push(response.status);
				if (response.status >= 200 && response.status < 300) {
					record.acknowledged = true;
					return;
				}
			} catch (error) {
				record.answers.push(
					(error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name,
				);
			}
		}
	}
}

/** The inbox counts of a workflow served with `--state stateFile` (read through a connection of the test's own). */
export function inboxCounts(stateFile: string) {
	const inbox = Inbox.open(inboxPathFor(stateFile));
	try {
		return inbox.counts();
	} finally {
		inbox.close();
	}
}

export type KillKind = 'accepted' | 'run-finished' | 'run-committing' | 'ats-request';

export interface KillPlan {
	kind: KillKind;
	/** The n-th time serve passes the point (or sends an ATS request) in this life. */
	at: number;
	mode?: KillMode;
}

/** The `index`-th seeded kill point: the kinds in turn (so each is hit about equally often), each at a random count. */
function killPlan(random: () => number, index: number, maxRequest: number): KillPlan {
	const kinds: KillKind[] = [
		'accepted',
		'ats-request',
		'run-finished',
		'ats-request',
		'run-committing',
	];
	const kind = kinds[index % kinds.length];
	if (kind === 'ats-request')
		return {
			kind,
			at: 1 + Math.floor(random() * maxRequest),
			mode: random() < 0.5 ? 'before' : 'after',
		};
	return { kind, at: 1 + Math.floor(random() * 3) };
}

export interface LifeOutcome {
	plan: KillPlan;
	/** 'killed': serve died at its kill point; 'timeout': the point was not reached in time and serve was killed then. */
	ended: 'killed' | 'timeout';
}

/**
 * One life of `ats-sync serve <workflow> args…` that ends at `plan`: serve is SIGKILLed there (by itself at a crash
 * point, or by the kill switch at an ATS request), or after `limitMs` if it never gets there.
 */
async function liveUntilKilled(
	workflow: string,
	args: string[],
	plan: KillPlan,
	killSwitch: KillSwitch,
	limitMs: number,
): Promise<LifeOutcome> {
	killSwitch.arm(undefined, () => undefined);
	const env = {
		...LOCK_ENV,
		...(plan.kind === 'ats-request' ? {} : { ATS_SYNC_CRASH_AT: `${plan.kind}:${plan.at}` }),
	};
	let serving: ServingRecipe;
	try {
		serving = await serveRecipe(workflow, args, { env });
	} catch {
		// It died before it said it was serving: a delivery taken in during start-up reached the crash point.
		return { plan, ended: 'killed' };
	}
	if (plan.kind === 'ats-request')
		killSwitch.arm({ atRequest: plan.at, mode: plan.mode! }, () => void serving.kill());
	let timer: NodeJS.Timeout | undefined;
	const ended = await Promise.race([
		serving.exited.then(() => 'killed' as const),
		new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), limitMs))),
	]);
	clearTimeout(timer);
	if (ended === 'timeout') await serving.kill();
	killSwitch.arm(undefined, () => undefined);
	return { plan, ended };
}

/**
 * Lives of serve, each ended at the next seeded kill point, until `kills` of them died at their point (a life whose
 * point was not reached in time does not count) — or work runs out. A kill between insert and 2xx needs deliveries
 * still coming in: without them that point becomes "after a run".
 */
export async function killRepeatedly(options: {
	workflow: string;
	args: string[];
	killSwitch: KillSwitch;
	random: () => number;
	kills: number;
	maxRequest: number;
	deliveriesComing: () => boolean;
	workLeft: () => boolean;
}): Promise<LifeOutcome[]> {
	const lives: LifeOutcome[] = [];
	const killed = () => lives.filter((life) => life.ended === 'killed').length;
	for (
		let index = 0;
		killed() < options.kills && lives.length < options.kills * 2 && options.workLeft();
		index++
	) {
		const plan = killPlan(options.random, index, options.maxRequest);
		const reachable =
			plan.kind !== 'accepted' || options.deliveriesComing()
				? plan
				: { ...plan, kind: 'run-finished' as const };
		lives.push(
			await liveUntilKilled(
				options.workflow,
				options.args,
				reachable,
				options.killSwitch,
				LIFE_LIMIT_MS,
			),
		);
	}
	return lives;
}

/** A kill point not reached in this long (no work left for it) ends the life anyway; it does not count as a kill. */
const LIFE_LIMIT_MS = 30_000;

/** A last life without a kill point, until `done()` holds; then SIGTERM. Resolves with its exit code. */
export async function liveUntilDone(
	workflow: string,
	args: string[],
	done: () => Promise<boolean> | boolean,
	limitMs: number,
): Promise<number | null> {
	const serving = await serveRecipe(workflow, args, { env: LOCK_ENV });
	const deadline = Date.now() + limitMs;
	while (!(await done())) {
		if (Date.now() > deadline)
			throw new Error(
				`serve did not finish its work within ${limitMs / 1000} s: ${serving.stderr().slice(-3000)}`,
			);
		await sleep(250);
	}
	return await serving.stop();
}

export const stateFileIn = (dir: string) => path.join(dir, 'serve.state.json');
