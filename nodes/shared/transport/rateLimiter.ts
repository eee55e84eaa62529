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
}

/**
 * A token bucket, an optional sliding window and a concurrency gate. Both vendors count limits per credential (and
 * SmartRecruiters per endpoint), so one limiter instance is shared by every execution in the process that uses the
 * same key. Waiters are served strictly in arrival order, so a burst of 200 calls drains at the steady rate without 429s.
 */
export class RateLimiter {
	private tokens: number;

	private lastRefill = Date.now();

	private inFlight = 0;

	/** When the answers to the most recent requests came back (only kept with a window). */
	private readonly finishedAt: number[] = [];

	private readonly queue: Array<() => void> = [];

	private draining = false;

	constructor(private readonly config: RateLimitConfig) {
		this.tokens = config.burst;
	}

	async schedule<T>(task: () => Promise<T>): Promise<T> {
		await new Promise<void>((resolve) => {
			this.queue.push(resolve);
			void this.drain();
		});
		try {
			return await task();
		} finally {
			this.inFlight--;
			if (this.config.window) this.finishedAt.push(Date.now());
			void this.drain();
		}
	}

	/** How long until the window lets another request start (0 = now); undefined while only in-flight requests fill it. */
	private windowWaitMs(): number | undefined {
		const window = this.config.window;
		if (!window) return 0;
		const now = Date.now();
		while (this.finishedAt.length > 0 && this.finishedAt[0] <= now - window.ms) this.finishedAt.shift();
		if (this.inFlight + this.finishedAt.length < window.requests) return 0;
		// Full: the oldest finished request leaves the window first; with none finished, wait for an answer instead.
		return this.finishedAt.length > 0 ? this.finishedAt[0] + window.ms - now + 1 : undefined;
	}

	private refill() {
		const now = Date.now();
		const elapsedSeconds = (now - this.lastRefill) / 1000;
		this.tokens = Math.min(this.config.burst, this.tokens + elapsedSeconds * this.config.ratePerSecond);
		this.lastRefill = now;
	}

	private async drain() {
		if (this.draining) return;
		this.draining = true;
		try {
			while (this.queue.length > 0) {
				if (this.config.maxConcurrent !== undefined && this.inFlight >= this.config.maxConcurrent) return;
				const windowWait = this.windowWaitMs();
				// Every request of the window still in flight: the next answer (schedule's finally) drains again.
				if (windowWait === undefined) return;
				if (windowWait > 0) {
					await sleep(windowWait);
					continue;
				}
				this.refill();
				if (this.tokens < 1) {
					await sleep(Math.ceil(((1 - this.tokens) / this.config.ratePerSecond) * 1000));
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

/** A stable name for one credential that holds no secret: a hash of the parts that identify it (e.g. URL and key). */
export function credentialHash(parts: unknown[]): string {
	return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 24);
}

const limiters = new Map<string, RateLimiter>();

/**
 * The process-wide limiter for one credential (and, where the vendor limits per endpoint, one endpoint).
 * `key` must not contain a secret: callers pass a hash of the credential.
 */
export function rateLimiterFor(key: string, config: RateLimitConfig): RateLimiter {
	let limiter = limiters.get(key);
	if (!limiter) {
		limiter = new RateLimiter(config);
		limiters.set(key, limiter);
	}
	return limiter;
}
