import { createHash } from 'crypto';

import { sleep } from 'n8n-workflow';

export interface RateLimitConfig {
	/** Steady requests per second the vendor allows for one credential. */
	ratePerSecond: number;
	/** Extra requests a token bucket lets through at once before pacing starts. */
	burst: number;
	/** Requests allowed in flight at the same time (undefined = no concurrency cap). */
	maxConcurrent?: number;
}

/**
 * A token bucket plus a concurrency gate. Both vendors count limits per credential (and SmartRecruiters per
 * endpoint), so one limiter instance is shared by every execution in the process that uses the same key.
 * Waiters are served strictly in arrival order, so a burst of 200 calls drains at the steady rate without 429s.
 */
export class RateLimiter {
	private tokens: number;

	private lastRefill = Date.now();

	private inFlight = 0;

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
			void this.drain();
		}
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
