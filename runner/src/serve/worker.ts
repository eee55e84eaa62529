/**
 * Draining the inbox: one run at a time, in arrival order (the head of the queue runs before anything behind it,
 * so an ATS sees a workflow's events in the order the vendor sent them). A run that fails for a reason that may pass
 * (429, 5xx, a timeout, a reset) is tried again after a bounded, jittered exponential backoff; a permanent failure,
 * or the last allowed attempt, moves the event to the dead letters. Nothing is retried forever, nothing is dropped.
 */
import { isTransientError } from '../report/summary';
import type { DeadLetter, Inbox, InboxEvent } from './inbox';

export interface RetryPolicy {
	/** Runs of one event at most, the first included. */
	attempts: number;
	/** Wait after the first failure; doubles with each further failure. */
	baseMs: number;
	/** Longest wait between two attempts. */
	maxMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	attempts: 12,
	baseMs: 2_000,
	maxMs: 10 * 60_000,
};

/** Done and discarded events are remembered this long (their delivery keys catch a vendor's late re-delivery). */
export const KEEP_FINISHED_MS = 14 * 24 * 60 * 60_000;

/** Wait before attempt `failed + 1`, after `failed` failures: "equal jitter", half fixed and half random. */
export function backoffMs(
	failed: number,
	policy: RetryPolicy,
	random: () => number = Math.random,
): number {
	const exponential = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, failed - 1));
	return Math.round(exponential / 2 + random() * (exponential / 2));
}

export type Outcome =
	| { ok: true }
	| { ok: false; transient: boolean; failure: Omit<DeadLetter, 'deadAt' | 'attempts'> };

export interface WorkerHooks {
	/** Runs one event; a success must mark it done in the transaction that commits the run's static data. */
	run(event: InboxEvent): Promise<Outcome>;
	/** A retry was scheduled, or an event was dead-lettered. */
	onRetry?(event: InboxEvent, attempt: number, waitMs: number, failure: Outcome): void;
	onDead?(event: InboxEvent, failure: Omit<DeadLetter, 'deadAt' | 'attempts'>): void;
	now?: () => number;
	random?: () => number;
	/** Waits `ms` or until `wake()`; injectable so tests need no real time. */
	sleep?: (ms: number, woken: Promise<void>) => Promise<void>;
}

/** How long an idle worker waits before it looks again (an `inbox retry` from another process needs no wake-up). */
const IDLE_POLL_MS = 1_000;

export class InboxWorker {
	private stopping = false;

	private wakeUp?: () => void;

	private readonly now: () => number;

	constructor(
		private readonly inbox: Inbox,
		private readonly policy: RetryPolicy,
		private readonly hooks: WorkerHooks,
	) {
		this.now = hooks.now ?? Date.now;
	}

	/** Something arrived (or changed): an idle or waiting worker looks again at once. */
	wake() {
		this.wakeUp?.();
	}

	/** Finishes the run in progress, then `drain()` returns; what is still pending stays in the inbox. */
	stop() {
		this.stopping = true;
		this.wake();
	}

	/** Runs until stopped. */
	async drain() {
		let lastPrune = 0;
		while (!this.stopping) {
			if (this.now() - lastPrune > 60 * 60_000) {
				this.inbox.prune(this.now() - KEEP_FINISHED_MS);
				lastPrune = this.now();
			}
			const wait = await this.step();
			if (wait > 0 && !this.stopping) await this.pause(wait);
		}
	}

	/**
	 * Handles the head of the queue if it is due; returns how long to wait before looking again (0: at once). The
	 * attempt is counted before the run starts, so a run that crashes serve again and again still ends dead-lettered.
	 */
	async step(): Promise<number> {
		const head = this.inbox.head();
		if (!head) return IDLE_POLL_MS;
		if (head.nextAttemptAt > this.now())
			return Math.min(head.nextAttemptAt - this.now(), IDLE_POLL_MS);
		if (head.attempts >= this.policy.attempts) {
			this.dead(head, {
				error: `no run of this event finished in ${head.attempts} attempts (serve stopped or crashed during each)`,
				who: head.who,
			});
			return 0;
		}
		const attempt = this.inbox.started(head.id);
		let outcome: Outcome;
		try {
			outcome = await this.hooks.run(head);
		} catch (error) {
			outcome = {
				ok: false,
				transient: isTransientError(error),
				failure: { error: (error as Error).message ?? String(error), who: head.who },
			};
		}
		if (outcome.ok) return 0;
		if (outcome.transient && attempt < this.policy.attempts) {
			const waitMs = backoffMs(attempt, this.policy, this.hooks.random);
			this.inbox.retryAt(head.id, outcome.failure.error, this.now() + waitMs);
			this.hooks.onRetry?.(head, attempt, waitMs, outcome);
			return 0;
		}
		const exhausted = outcome.transient ? ` (still failing after ${attempt} attempts)` : '';
		this.dead(head, { ...outcome.failure, error: `${outcome.failure.error}${exhausted}` });
		return 0;
	}

	private dead(event: InboxEvent, failure: Omit<DeadLetter, 'deadAt' | 'attempts'>) {
		this.inbox.deadLetter(event.id, failure);
		this.hooks.onDead?.(event, failure);
	}

	private async pause(ms: number) {
		const woken = new Promise<void>((resolve) => (this.wakeUp = resolve));
		const sleep =
			this.hooks.sleep ??
			((wait: number, interrupted: Promise<void>) => sleepUnlessWoken(wait, interrupted));
		await sleep(ms, woken);
		this.wakeUp = undefined;
	}
}

async function sleepUnlessWoken(ms: number, woken: Promise<void>) {
	let timer: NodeJS.Timeout | undefined;
	await Promise.race([woken, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
	clearTimeout(timer);
}
