/**
 * The shared limiter's sliding window (SmartRecruiters counts 10 requests per second per endpoint): counted from
 * the answers, no window as the vendor counts it (from arrival) ever holds more than the limit, however each
 * request's trip to the vendor varies.
 */
import { sleep } from 'n8n-workflow';

import { RateLimiter } from '../../nodes/shared/transport/rateLimiter';

const WINDOW = { requests: 4, ms: 150 };

/** Requests through the limiter to a pretend vendor; what the vendor saw: arrival times in ms. */
async function arrivalsThrough(limiter: RateLimiter, count: number, tripMs: (index: number) => number) {
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
	return Math.max(...arrivals.map((start) => arrivals.filter((at) => at >= start && at < start + ms).length));
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
		const limiter = new RateLimiter({ ratePerSecond: 1_000, burst: 1_000, window: { requests: 3, ms: 50 } });
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
