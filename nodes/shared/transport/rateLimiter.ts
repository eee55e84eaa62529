import { createHash } from 'crypto';

import { sleep } from 'n8n-workflow';

export interface RateLimitConfig {
	/** Steady requests per second the vendor allows for one credential. */
	ratePerSecond: number;
	/** Extra requests a token bucket lets through at once before pacing starts. */
	burst: number;
	/** Requests allowed in flight at the same time (undefined = no concurrency cap). */
	maxConcurrent?: number;
	/**
	 * For a vendor that counts requests per sliding window (e.g. 10 per 1,000 ms): a request starts only while fewer
	 * than `requests` others are in flight or finished within the last `ms`. Counting from when each answer came
	 * back (never earlier than the vendor saw the request) keeps every window the vendor counts within the limit
	 * however late or early single requests arrive, at the cost of one response time per window.
	 */
	window?: { requests: number; ms: number };
	/**
	 * For an endpoint the vendor serves one request at a time per credential, shared by `count` processes: time is cut
	 * into frames of `count` slots of `ms`, and this process starts requests only inside its own slot, early enough
	 * for the answer to come back before the slot ends. A process whose request is refused for concurrency moves to
	 * another slot, so processes that picked the same slot spread out without talking to each other.
	 */
	timeSlots?: { count: number; ms: number };
	/** Which refusals this limiter answers for (default all): e.g. a concurrency gate ignores an endpoint's rate. */
	reactsTo?: LimitCause[];
	/**
	 * With a share of the vendor's limit: how far above its configured rate a limiter may slowly climb while the vendor
	 * refuses nothing (1 ÷ share: the whole limit), to use what the other processes leave unused.
	 */
	borrowUpTo?: number;
}

/**
 * Why a vendor refused a request: too many in its window or bucket, too many at once, or one more at once on an
 * endpoint it serves one at a time.
 */
export type LimitCause = 'rate' | 'concurrency' | 'exclusive';

/** What one answer says about the vendor's limits. */
export interface RateLimitFeedback {
	/** The vendor refused the request for its rate or concurrency limit (429). */
	limited: boolean;
	/** The vendor's Retry-After, when it sent one. */
	retryAfterMs?: number;
	/** Why, where the vendor's headers say (default: rate). */
	cause?: LimitCause;
}

/** How long a limiter holds its requests after a 429 without Retry-After: both vendors count per second. */
const PAUSE_AFTER_429_MS = 1_000;
/** After a 429 the limiter paces at this part of its rate; each answer without one wins back `RECOVERY_STEP`. */
const SLOWDOWN = 0.7;
const MIN_PACE = 0.2;
const RECOVERY_STEP = 0.01;
/**
 * Above its share a limiter climbs ten times slower: two busy processes then overdraw the vendor's limit by little
 * and seldom (Lever's bucket keeps a lead of several requests), so the 429 that stops the climb is rare.
 */
const BORROW_STEP = 0.001;
/** Answer times a slotted limiter remembers to judge whether a request still fits in its slot. */
const DURATIONS_KEPT = 20;
/**
 * Time slots come in frames one vendor window and this much of it long. The window counts each request from its
 * answer, so a slot's k-th request may start no sooner than one window plus an answer time after the last frame's
 * k-th: in frames of exactly one window each frame's requests start an answer later than the last frame's, until the
 * last of a slot no longer fits and waits a frame. 5 % (50 ms of SmartRecruiters' second) holds answers up to that
 * long in place, for at most 5 % of the allowance.
 */
const FRAME_SLACK = 0.05;

/**
 * A token bucket, an optional sliding window, a concurrency gate and optional time slots. Both vendors count limits
 * per credential (and SmartRecruiters per endpoint), so one limiter instance is shared by every execution in the
 * process that uses the same key. Waiters are served strictly in arrival order, so a burst of 200 calls drains at
 * the steady rate without 429s.
 *
 * Adaptive: the limits are this process's part of the vendor's; when the vendor refuses a request anyway (other
 * processes or tools on the same credential, a stricter vendor), the limiter pauses for Retry-After (or a second),
 * then paces slower and wins its pace back answer by answer.
 */
export class RateLimiter {
	private tokens: number;

	private lastRefill = Date.now();

	private inFlight = 0;

	/** When the answers to the most recent requests came back (only kept with a window). */
	private readonly finishedAt: number[] = [];

	private readonly queue: Array<() => void> = [];

	private draining = false;

	/**
	 * Part of the configured rate in use: 1 until a 429, then lower, recovering with every answer; with a share, slowly
	 * above 1 up to `borrowUpTo` while nothing is refused.
	 */
	private pace = 1;

	private pausedUntil = 0;

	/** This process's slot of the frame (only with time slots); random, so processes that start together spread out. */
	private slot: number;

	private readonly durations: number[] = [];

	private movedAt = 0;

	constructor(private readonly config: RateLimitConfig) {
		this.tokens = config.burst;
		this.slot = config.timeSlots ? Math.floor(Math.random() * config.timeSlots.count) : 0;
	}

	async schedule<T>(task: () => Promise<T>): Promise<T> {
		await new Promise<void>((resolve) => {
			this.queue.push(resolve);
			void this.drain();
		});
		const startedAt = Date.now();
		try {
			return await task();
		} finally {
			this.inFlight--;
			const now = Date.now();
			if (this.config.window) this.finishedAt.push(now);
			if (this.config.timeSlots) {
				this.durations.push(now - startedAt);
				if (this.durations.length > DURATIONS_KEPT) this.durations.shift();
			}
			void this.drain();
		}
	}

	/** Adapts to what the vendor answered a request this limiter let through. */
	observe(feedback: RateLimitFeedback) {
		if (!feedback.limited) {
			const ceiling = this.config.borrowUpTo ?? 1;
			this.pace =
				this.pace < 1
					? Math.min(1, this.pace + RECOVERY_STEP)
					: Math.min(ceiling, this.pace + BORROW_STEP);
			return;
		}
		const cause = feedback.cause ?? 'rate';
		if (this.config.reactsTo && !this.config.reactsTo.includes(cause)) return;
		if (cause === 'exclusive' && this.config.timeSlots) {
			// Another process holds the endpoint in this slot: move to a different one (the other process stays). Refusals
			// within a slot's length of a move were sent in the old slot: they must not move this process back.
			const { count, ms } = this.config.timeSlots;
			const now = Date.now();
			if (count > 1 && now >= this.movedAt + ms) {
				this.slot = (this.slot + 1 + Math.floor(Math.random() * (count - 1))) % count;
				this.movedAt = now;
			}
			return;
		}
		this.pace = Math.max(MIN_PACE, this.pace * SLOWDOWN);
		this.tokens = Math.min(this.tokens, 0);
		this.pausedUntil = Math.max(
			this.pausedUntil,
			Date.now() + (feedback.retryAfterMs ?? PAUSE_AFTER_429_MS),
		);
	}

	/** Concurrency is never borrowed: a process's requests in flight stay within its share. */
	private get maxConcurrent(): number | undefined {
		const max = this.config.maxConcurrent;
		return max === undefined ? undefined : Math.max(1, Math.floor(max * Math.min(1, this.pace)));
	}

	/** How long until the window lets another request start (0 = now); undefined while requests in flight fill it. */
	private windowWaitMs(): number | undefined {
		const window = this.config.window;
		if (!window) return 0;
		const requests = Math.max(1, Math.floor(window.requests * this.pace));
		const now = Date.now();
		while (this.finishedAt.length > 0 && this.finishedAt[0] <= now - window.ms)
			this.finishedAt.shift();
		const counted = this.finishedAt.length;
		if (this.inFlight + counted < requests) return 0;
		// Every place taken by a request in flight: the next answer (schedule's finally) drains again.
		if (this.inFlight >= requests) return undefined;
		// Full: wait until enough answers have left the window (after a slowdown it may hold more than the limit).
		return this.finishedAt[this.inFlight + counted - requests] + window.ms - now + 1;
	}

	/** How long until this process's time slot has room for another request (0 = now). */
	private slotWaitMs(): number {
		const slots = this.config.timeSlots;
		if (!slots) return 0;
		const frame = slots.count * slots.ms;
		const now = Date.now();
		const intoSlot = (((now - this.slot * slots.ms) % frame) + frame) % frame;
		// A request must be answered before the slot ends: the slowest recent answer, with a margin, never more than
		// most of the slot (so a slow vendor still gets one request per slot).
		const expected = Math.min(slots.ms * 0.75, Math.max(20, ...this.durations) * 1.25);
		if (intoSlot <= slots.ms - expected) return 0;
		return frame - intoSlot;
	}

	private refill() {
		const now = Date.now();
		const elapsedSeconds = (now - this.lastRefill) / 1000;
		this.tokens = Math.min(
			this.config.burst,
			this.tokens + elapsedSeconds * this.config.ratePerSecond * this.pace,
		);
		this.lastRefill = now;
	}

	private async drain() {
		if (this.draining) return;
		this.draining = true;
		try {
			while (this.queue.length > 0) {
				const paused = this.pausedUntil - Date.now();
				if (paused > 0) {
					await sleep(paused);
					this.lastRefill = Math.max(this.lastRefill, Date.now());
					continue;
				}
				const maxConcurrent = this.maxConcurrent;
				if (maxConcurrent !== undefined && this.inFlight >= maxConcurrent) return;
				const windowWait = this.windowWaitMs();
				// Every request of the window still in flight: the next answer (schedule's finally) drains again.
				if (windowWait === undefined) return;
				if (windowWait > 0) {
					await sleep(windowWait);
					continue;
				}
				const slotWait = this.slotWaitMs();
				if (slotWait > 0) {
					await sleep(slotWait);
					continue;
				}
				this.refill();
				if (this.tokens < 1) {
					await sleep(
						Math.ceil(((1 - this.tokens) / (this.config.ratePerSecond * this.pace)) * 1000),
					);
					continue;
				}
				this.tokens -= 1;
				this.inFlight++;
				this.queue.shift()!();
			}
		} finally {
			this.draining = false;
		}
	}
}

/**
 * One process's part of a vendor's limits, for a credential shared by `share`⁻¹ processes (e.g. 0.5 for two n8n
 * workers): rate, burst, window and concurrency scaled down (never below one request); an endpoint the vendor serves
 * one at a time gets time slots instead, as it cannot be split.
 */
export function shareOf(config: RateLimitConfig, share: number): RateLimitConfig {
	if (!(share > 0) || share >= 1) return config;
	const part = (value: number) => Math.max(1, Math.floor(value * share + 1e-9));
	const shared: RateLimitConfig = {
		ratePerSecond: config.ratePerSecond * share,
		burst: part(config.burst),
	};
	if (config.window)
		shared.window = { requests: part(config.window.requests), ms: config.window.ms };
	if (config.maxConcurrent !== undefined) shared.maxConcurrent = part(config.maxConcurrent);
	if (config.reactsTo) shared.reactsTo = config.reactsTo;
	if (config.maxConcurrent === 1) {
		// One frame per vendor window (and FRAME_SLACK): each process's part of the window is used up in its slot and
		// free again by its next. No borrowing: an idle process's slot cannot be borrowed, and more than its part within
		// its own slot overdraws the vendor's window whenever the other processes use theirs (a 429 and a paused second
		// each time).
		const count = Math.round(1 / share);
		const frameMs = (config.window?.ms ?? 1000) * (1 + FRAME_SLACK);
		shared.timeSlots = { count, ms: Math.round(frameMs / count) };
		return shared;
	}
	shared.borrowUpTo = 1 / share;
	return shared;
}

/**
 * The credential's "Share of Rate Limit" (a number between 0 and 1; anything else, or empty, means all of it). Old
 * credentials saved before the field existed have none.
 */
export function rateLimitShare(value: unknown): number {
	const share = Number(value);
	return Number.isFinite(share) && share > 0 && share < 1 ? share : 1;
}

/** A stable name for one credential that holds no secret: a hash of the parts that identify it (e.g. URL and key). */
export function credentialHash(parts: unknown[]): string {
	return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 24);
}

const limiters = new Map<string, RateLimiter>();

/**
 * The process-wide limiter for one credential (and, where the vendor limits per endpoint, one endpoint).
 * `key` must not contain a secret: callers pass a hash of the credential. A changed config (e.g. another share on
 * the credential) gets a limiter of its own.
 */
export function rateLimiterFor(key: string, config: RateLimitConfig): RateLimiter {
	const fullKey = `${key}:${JSON.stringify(config)}`;
	let limiter = limiters.get(fullKey);
	if (!limiter) {
		limiter = new RateLimiter(config);
		limiters.set(fullKey, limiter);
	}
	return limiter;
}
