/**
 * The shared limiter's sliding window (SmartRecruiters counts 10 requests per second per endpoint): counted from
 * the answers, no window as the vendor counts it (from arrival) ever holds more than the limit, however each
 * request's trip to the vendor varies.
 */
import { sleep } from 'n8n-workflow';

import { RateLimiter, rateLimitShare, shareOf } from '../../nodes/shared/transport/rateLimiter';

const WINDOW = { requests: 4, ms: 150 };

/** Requests through the limiter to a pretend vendor; what the vendor saw: arrival times in ms. */
async function arrivalsThrough(
	limiter: RateLimiter,
	count: number,
	tripMs: (index: number) => number,
) {
	const arrivals: number[] = [];
	await Promise.all(
		Array.from({ length: count }, async (_, index) => {
			await limiter.schedule(async () => {
				await sleep(tripMs(index));
				arrivals.push(Date.now());
				await sleep(tripMs(index + 1));
			});
		}),
	);
	return arrivals.sort((a, b) => a - b);
}

/** The most arrivals any window of `ms` holds. */
function busiestWindow(arrivals: number[], ms: number) {
	return Math.max(
		...arrivals.map((start) => arrivals.filter((at) => at >= start && at < start + ms).length),
	);
}

describe('RateLimiter sliding window', () => {
	it('keeps every window of arrivals within the limit when trips vary (0–60 ms)', async () => {
		const limiter = new RateLimiter({ ratePerSecond: 1_000, burst: 1_000, window: WINDOW });
		// The first trip slow, the rest fast: the pattern that pushes five arrivals of an evenly paced client (one
		// request per 37.5 ms) into one window.
		const arrivals = await arrivalsThrough(limiter, 14, (index) => (index === 0 ? 60 : 0));
		expect(arrivals).toHaveLength(14);
		expect(busiestWindow(arrivals, WINDOW.ms)).toBeLessThanOrEqual(WINDOW.requests);
	});

	it('lets requests in flight count towards the window: never more than the limit at once', async () => {
		const limiter = new RateLimiter({
			ratePerSecond: 1_000,
			burst: 1_000,
			window: { requests: 3, ms: 50 },
		});
		let inFlight = 0;
		let most = 0;
		await Promise.all(
			Array.from({ length: 9 }, async () => {
				await limiter.schedule(async () => {
					most = Math.max(most, ++inFlight);
					await sleep(20);
					inFlight--;
				});
			}),
		);
		expect(most).toBe(3);
	});
});

/** A vendor's token bucket as Lever keeps it: refuses a request when no token is left. */
function vendorBucket(ratePerSecond: number, burst: number) {
	let tokens = burst;
	let last = Date.now();
	let refused = 0;
	return {
		take() {
			const now = Date.now();
			tokens = Math.min(burst, tokens + ((now - last) / 1000) * ratePerSecond);
			last = now;
			if (tokens < 1) {
				refused++;
				return false;
			}
			tokens -= 1;
			return true;
		},
		get refused() {
			return refused;
		},
	};
}

describe('a share of the vendor limit per process', () => {
	it('scales rate, burst, window and concurrency, and turns a one-at-a-time endpoint into time slots', () => {
		expect(shareOf({ ratePerSecond: 9.8, burst: 14 }, 0.5)).toEqual({
			ratePerSecond: 4.9,
			burst: 7,
			borrowUpTo: 2,
		});
		expect(
			shareOf(
				{ ratePerSecond: 10, burst: 10, window: { requests: 10, ms: 1000 }, reactsTo: ['rate'] },
				0.5,
			),
		).toEqual({
			ratePerSecond: 5,
			burst: 5,
			window: { requests: 5, ms: 1000 },
			reactsTo: ['rate'],
			borrowUpTo: 2,
		});
		expect(shareOf({ ratePerSecond: 1000, burst: 1000, maxConcurrent: 8 }, 1 / 3)).toMatchObject({
			maxConcurrent: 2,
		});
		// A one-at-a-time endpoint is split in time and borrows nothing (its slot already holds its part of the window);
		// a frame is the vendor's window and 5 %, room for an answer.
		expect(shareOf({ ratePerSecond: 10, burst: 10, maxConcurrent: 1 }, 0.5)).toEqual({
			ratePerSecond: 5,
			burst: 5,
			maxConcurrent: 1,
			timeSlots: { count: 2, ms: 525 },
		});
		// Never below one request, and all of it when the share is 1 or not a share at all.
		expect(
			shareOf({ ratePerSecond: 2, burst: 2, window: { requests: 2, ms: 1000 } }, 0.2),
		).toMatchObject({ burst: 1, window: { requests: 1, ms: 1000 } });
		const whole = { ratePerSecond: 10, burst: 20 };
		expect(shareOf(whole, 1)).toBe(whole);
		expect([undefined, '', 0, -1, 2, 'x', 0.5].map(rateLimitShare)).toEqual([
			1, 1, 1, 1, 1, 1, 0.5,
		]);
	});

	it('two processes each at half stay within one vendor bucket: no request refused', async () => {
		const vendor = vendorBucket(50, 10);
		const processes = [0, 1].map(
			() => new RateLimiter(shareOf({ ratePerSecond: 49, burst: 7 }, 0.5)),
		);
		const accepted = await Promise.all(
			processes.flatMap((limiter) =>
				Array.from({ length: 60 }, async () => await limiter.schedule(async () => vendor.take())),
			),
		);
		expect(accepted.filter(Boolean)).toHaveLength(120);
		expect(vendor.refused).toBe(0);
	});
});

describe('adapting to what the vendor answers', () => {
	it('holds every request for Retry-After after a 429, then paces slower', async () => {
		const limiter = new RateLimiter({ ratePerSecond: 1000, burst: 1000 });
		await limiter.schedule(async () => undefined);
		limiter.observe({ limited: true, retryAfterMs: 300 });
		const started = Date.now();
		await limiter.schedule(async () => undefined);
		expect(Date.now() - started).toBeGreaterThanOrEqual(290);
	});

	it('ignores a refusal it does not answer for (a concurrency gate and an endpoint rate)', async () => {
		const gate = new RateLimiter({
			ratePerSecond: 1000,
			burst: 1000,
			maxConcurrent: 8,
			reactsTo: ['concurrency'],
		});
		gate.observe({ limited: true, cause: 'rate', retryAfterMs: 5000 });
		const started = Date.now();
		await gate.schedule(async () => undefined);
		expect(Date.now() - started).toBeLessThan(4000);
	});

	it('two processes sharing a one-at-a-time endpoint in time slots stop colliding once they picked different slots', async () => {
		let busy = 0;
		let collisions = 0;
		const processes = [0, 1].map(
			() =>
				new RateLimiter({
					ratePerSecond: 1000,
					burst: 1000,
					maxConcurrent: 1,
					timeSlots: { count: 2, ms: 100 },
				}),
		);
		/** The vendor serves one request at a time; a second one at once is refused, and the process is told why. */
		const search = async (limiter: RateLimiter) => {
			for (;;) {
				const served = await limiter.schedule(async () => {
					if (busy > 0) return false;
					busy++;
					await sleep(10);
					busy--;
					return true;
				});
				if (served) return;
				collisions++;
				limiter.observe({ limited: true, cause: 'exclusive' });
			}
		};
		await Promise.all(
			processes.flatMap((limiter) => Array.from({ length: 25 }, async () => await search(limiter))),
		);
		// Without slots half the requests of two busy processes would meet another in flight; with them, only the first
		// ones, until the two have picked different slots (one collision moves the refused process).
		expect(collisions).toBeLessThan(6);
	});
});

describe('borrowing what other processes leave unused', () => {
	/** Requests through `limiter` to `vendor`, each answer fed back as the transport does; true when served. */
	const through = (limiter: RateLimiter, vendor: ReturnType<typeof vendorBucket>) => async () =>
		await limiter.schedule(async () => {
			const served = vendor.take();
			limiter.observe({ limited: !served });
			return served;
		});

	it('two busy processes each at half, both climbing above it: almost nothing refused', async () => {
		const vendor = vendorBucket(50, 10);
		const processes = [0, 1].map(
			() => new RateLimiter(shareOf({ ratePerSecond: 49, burst: 7 }, 0.5)),
		);
		const served = await Promise.all(
			processes.flatMap((limiter) => Array.from({ length: 300 }, through(limiter, vendor))),
		);
		expect(served.filter((ok) => !ok).length).toBeLessThan(6);
	});
});
