import { startLeverSimulator, type LeverSimulator } from '..';
import { client } from './helpers';

describe('Lever simulator: token-bucket rate limit (10 req/s, burst 20, per credential)', () => {
	let sim: LeverSimulator;
	let clock = 1_800_000_000_000;

	// A frozen clock makes the bucket deterministic: no refill unless the test advances time.
	beforeEach(async () => {
		sim = await startLeverSimulator({ now: () => clock });
	});
	afterEach(() => sim.close());

	it('lets a burst of 20 through, answers 429 TooManyRequests beyond it, and recovers as tokens refill', async () => {
		const api = client(sim);
		const statuses = (await Promise.all(Array.from({ length: 30 }, () => api.get('/stages')))).map(
			(r) => r.status,
		);
		expect(statuses.filter((status) => status === 200)).toHaveLength(20);
		expect(statuses.filter((status) => status === 429)).toHaveLength(10);
		expect(sim.rateLimited).toBe(10);

		const limited = await api.get('/stages');
		expect(limited.data).toEqual({ code: 'TooManyRequests', message: expect.any(String) });
		expect(limited.headers['retry-after']).toBeUndefined();

		clock += 500; // half a second refills 5 tokens
		const after = (await Promise.all(Array.from({ length: 6 }, () => api.get('/stages')))).map(
			(r) => r.status,
		);
		expect(after.filter((status) => status === 200)).toHaveLength(5);
	});

	it('keeps one bucket per API key', async () => {
		const full = client(sim);
		await Promise.all(Array.from({ length: 25 }, () => full.get('/stages')));
		expect((await full.get('/stages')).status).toBe(429);
		expect((await client(sim, { key: sim.limitedApiKey }).get('/stages')).status).toBe(200);
		expect((await client(sim, { bearer: sim.issueAccessToken() }).get('/stages')).status).toBe(200);
	});

	it('does not spend tokens on unauthenticated requests', async () => {
		await Promise.all(Array.from({ length: 25 }, () => client(sim, 'none').get('/stages')));
		expect(sim.rateLimited).toBe(0);
		expect((await client(sim).get('/stages')).status).toBe(200);
	});
});

describe('Lever simulator: rate-limit options', () => {
	it('sends Retry-After only when asked to, and honours custom limits', async () => {
		const clock = 1_800_000_000_000;
		const sim = await startLeverSimulator({
			now: () => clock,
			retryAfterHeader: true,
			rateLimit: { ratePerSecond: 1, burst: 2 },
		});
		try {
			const api = client(sim);
			expect((await api.get('/stages')).status).toBe(200);
			expect((await api.get('/stages')).status).toBe(200);
			const limited = await api.get('/stages');
			expect(limited.status).toBe(429);
			expect(limited.headers['retry-after']).toBe('1');
		} finally {
			await sim.close();
		}
	});

	it('can be switched off', async () => {
		const sim = await startLeverSimulator({ rateLimit: false });
		try {
			const statuses = await Promise.all(
				Array.from({ length: 40 }, () => client(sim).get('/stages')),
			);
			expect(statuses.every((response) => response.status === 200)).toBe(true);
			expect(sim.rateLimited).toBe(0);
		} finally {
			await sim.close();
		}
	});
});
