/**
 * The simulators' seeded fault mode (faults.ts): reproducible from its seed, and each kind of fault happens on both
 * simulators in the vendor's own shape. The long runs of the nodes under faults are in test/chaos/faults.test.ts.
 */
import { seededRandom } from '../seededRandom';
import { FaultInjector, type FaultKind, type FaultOptions } from './faults';
import { LEVER_SEED, startLeverSimulator, type LeverSimulator } from './lever';
import { startSmartRecruitersSimulator, type SmartRecruitersSimulator } from './smartrecruiters';

const MIXED: FaultOptions = {
	seed: 42,
	rate5xx: 0.05,
	rate429Burst: 0.02,
	rateReset: 0.03,
	rateSlow: 0.01,
	rateLostCreate: 0.2,
};

/** Fault decisions for `count` requests, every third one a create. */
function sequence(options: FaultOptions, count = 3000): Array<FaultKind | undefined> {
	const injector = new FaultInjector({
		serverError: () => undefined,
		tooManyRequests: () => undefined,
		isCreate: () => false,
	});
	injector.configure(options);
	return Array.from({ length: count }, (_, index) => injector.decide(index % 3 === 0));
}

describe('fault mode (seeded)', () => {
	it('the seeded PRNG repeats its sequence for a seed and differs between seeds', () => {
		const draws = (seed: number) => Array.from({ length: 5 }, seededRandom(seed));
		expect(draws(7)).toEqual(draws(7));
		expect(draws(7)).not.toEqual(draws(8));
		for (const value of draws(7)) expect(value >= 0 && value < 1).toBe(true);
	});

	it('gives the same faults for the same seed and request order, and every kind at about its rate', () => {
		const first = sequence(MIXED);
		expect(sequence(MIXED)).toEqual(first);
		expect(sequence({ ...MIXED, seed: 43 })).not.toEqual(first);

		const count = (kind: FaultKind) => first.filter((fault) => fault === kind).length;
		// 3000 draws: 5 % → ~150 5xx; 2 % → ~60 bursts of 4 → ~240 429s; 3 % → ~90 resets; 1 % → ~30 slow;
		// 20 % of the 1000 creates → ~200 lost creates (the seed fixes the exact figures; the ranges show the rates).
		expect(count('serverError')).toBeGreaterThan(100);
		expect(count('serverError')).toBeLessThan(200);
		expect(count('rateLimitBurst')).toBeGreaterThan(150);
		expect(count('rateLimitBurst')).toBeLessThan(330);
		expect(count('reset')).toBeGreaterThan(50);
		expect(count('reset')).toBeLessThan(130);
		expect(count('slow')).toBeGreaterThan(10);
		expect(count('slow')).toBeLessThan(60);
		expect(count('lostCreate')).toBeGreaterThan(130);
		expect(count('lostCreate')).toBeLessThan(270);
		// A lost response is only drawn for creates.
		expect(first.filter((fault, index) => fault === 'lostCreate' && index % 3 !== 0)).toEqual([]);
		// A burst is burstLength 429s in a row.
		const burstStart = first.findIndex((fault) => fault === 'rateLimitBurst');
		expect(first.slice(burstStart, burstStart + 4)).toEqual(Array(4).fill('rateLimitBurst'));
	});

	it('puts a maintenance window exactly where it is asked for', () => {
		const faults = sequence({ seed: 5, outage: { after: 2, requests: 3 } }, 7);
		expect(faults).toEqual([
			undefined,
			undefined,
			'outage',
			'outage',
			'outage',
			undefined,
			undefined,
		]);
	});
});

interface Outcome {
	status?: number;
	body?: any;
	/** The client saw no answer: a reset connection or its own timeout. */
	failed?: string;
}

async function send(url: string, init: RequestInit & { timeoutMs?: number }): Promise<Outcome> {
	try {
		const response = await fetch(url, {
			...init,
			signal: AbortSignal.timeout(init.timeoutMs ?? 10_000),
		});
		const text = await response.text();
		return { status: response.status, body: text ? JSON.parse(text) : undefined };
	} catch (error) {
		return { failed: (error as Error).name };
	}
}

describe.each([
	{
		vendor: 'Lever',
		start: async () => await startLeverSimulator({ rateLimit: false }),
		request: (sim: LeverSimulator, path: string, init: RequestInit & { timeoutMs?: number } = {}) =>
			send(`${sim.baseUrl}${path}`, {
				...init,
				headers: {
					authorization: `Basic ${Buffer.from(`${sim.apiKey}:`).toString('base64')}`,
					'content-type': 'application/json',
				},
			}),
		read: '/stages',
		create: (email: string) => ({
			path: `/opportunities?perform_as=${LEVER_SEED.users.recruiter}`,
			body: JSON.stringify({ name: 'Fault Test', emails: [email] }),
		}),
		stored: (sim: LeverSimulator, email: string) =>
			sim.state.contacts.filter((contact) => contact.emails.includes(email)).length,
		serverErrorBody: {
			code: expect.stringMatching(
				/^(InternalServerError|BadGateway|ServiceUnavailable|GatewayTimeout)$/,
			),
			message: expect.any(String),
		},
		rateLimitBody: { code: 'TooManyRequests', message: expect.any(String) },
		inspect: (sim: LeverSimulator) => ({ violations: [] as unknown[], faults: sim.faults }),
	},
	{
		vendor: 'SmartRecruiters',
		start: async () =>
			await startSmartRecruitersSimulator({ rateLimit: false, candidatesSearchLatencyMs: 0 }),
		request: (
			sim: SmartRecruitersSimulator,
			path: string,
			init: RequestInit & { timeoutMs?: number } = {},
		) =>
			send(`${sim.baseUrl}${path}`, {
				...init,
				headers: { 'x-smarttoken': sim.apiKey, 'content-type': 'application/json' },
			}),
		read: '/configuration/sources',
		create: (email: string) => ({
			path: '/candidates',
			body: JSON.stringify({ firstName: 'Fault', lastName: 'Test', email }),
		}),
		stored: (sim: SmartRecruitersSimulator, email: string) =>
			sim.state.candidates.filter((candidate) => candidate.email === email).length,
		serverErrorBody: {
			message: expect.any(String),
			errors: [
				{
					code: expect.stringMatching(
						/^(INTERNAL_ERROR|BAD_GATEWAY|SERVICE_UNAVAILABLE|GATEWAY_TIMEOUT)$/,
					),
					message: expect.any(String),
				},
			],
		},
		rateLimitBody: {
			message: expect.any(String),
			errors: [{ code: 'TOO_MANY_REQUESTS', message: expect.any(String) }],
		},
		inspect: (sim: SmartRecruitersSimulator) => ({
			violations: sim.contractViolations,
			faults: sim.faults,
		}),
	},
] as const)(
	'$vendor simulator fault mode',
	({ start, request, read, create, stored, serverErrorBody, rateLimitBody, inspect }) => {
		type Sim = Awaited<ReturnType<typeof start>>;
		let sim: Sim;
		const call = (path: string, init?: RequestInit & { timeoutMs?: number }) =>
			(request as (sim: Sim, path: string, init?: RequestInit) => Promise<Outcome>)(
				sim,
				path,
				init,
			);
		const createCandidate = (email: string, timeoutMs?: number) => {
			const { path, body } = create(email);
			return call(path, { method: 'POST', body, timeoutMs } as RequestInit);
		};
		const storedCount = (email: string) =>
			(stored as (sim: Sim, email: string) => number)(sim, email);
		const state = () =>
			(inspect as (sim: Sim) => { violations: unknown[]; faults: Sim['faults'] })(sim);

		beforeAll(async () => {
			sim = await start();
		});
		afterAll(async () => await sim.close());
		afterEach(() => {
			sim.setFaults(undefined);
			// Faults are not contract violations: a 5xx/429 is a valid ErrorResponse, a reset or held response has no answer.
			expect(state().violations).toEqual([]);
		});

		it('is off by default', async () => {
			for (let index = 0; index < 20; index++) expect((await call(read)).status).toBe(200);
			expect(state().faults).toEqual({
				serverError: 0,
				rateLimitBurst: 0,
				burstRateLimited: 0,
				reset: 0,
				slow: 0,
				lostCreate: 0,
				outage: 0,
				retried: 0,
			});
		});

		it('answers 5xx in the vendor error body, before the request is processed', async () => {
			sim.setFaults({ seed: 1, rate5xx: 1 });
			const outcome = await createCandidate('five.hundred@example.com');
			expect(outcome.status).toBeGreaterThanOrEqual(500);
			expect(outcome.body).toEqual(serverErrorBody);
			expect(storedCount('five.hundred@example.com')).toBe(0);
			expect(state().faults.serverError).toBe(1);
		});

		it('answers a burst of 429s in the vendor body beyond the limit, then recovers', async () => {
			sim.setFaults({ seed: 1, rate429Burst: 1, burstLength: 3 });
			const burst = [await call(read), await call(read), await call(read)];
			expect(burst).toEqual(Array(3).fill({ status: 429, body: rateLimitBody }));
			// The second and third are the same request again: counted as retries after a fault.
			expect(state().faults).toMatchObject({ rateLimitBurst: 1, burstRateLimited: 3, retried: 2 });
			sim.setFaults({ seed: 1 });
			expect((await call(read)).status).toBe(200);
		});

		it('resets the connection before the request is processed', async () => {
			sim.setFaults({ seed: 1, rateReset: 1 });
			expect(await createCandidate('reset@example.com')).toEqual({ failed: 'TypeError' });
			expect(storedCount('reset@example.com')).toBe(0);
			expect(state().faults.reset).toBe(1);
		});

		it('commits a lost create and destroys its connection instead of answering', async () => {
			sim.setFaults({ seed: 1, rateLostCreate: 1 });
			// Reads are never "lost creates".
			expect((await call(read)).status).toBe(200);
			expect(await createCandidate('lost.create@example.com')).toEqual({ failed: 'TypeError' });
			expect(storedCount('lost.create@example.com')).toBe(1);
			expect(state().faults.lostCreate).toBe(1);
		});

		it('holds a processed response past the client timeout, at most maxSlow times', async () => {
			sim.setFaults({ seed: 1, rateSlow: 1, maxSlow: 1, slowMs: 60_000 });
			expect(await createCandidate('slow@example.com', 300)).toEqual({ failed: 'TimeoutError' });
			expect(storedCount('slow@example.com')).toBe(1);
			expect((await call(read)).status).toBe(200);
			expect(state().faults.slow).toBe(1);
		});

		it('answers 503 in the vendor body throughout a maintenance window', async () => {
			sim.setFaults({ seed: 1, outage: { after: 1, requests: 2 } });
			const statuses = [];
			for (let index = 0; index < 4; index++) statuses.push((await call(read)).status);
			expect(statuses).toEqual([200, 503, 503, 200]);
			expect(state().faults.outage).toBe(2);
		});
	},
);
