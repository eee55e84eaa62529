/**
 * Lever allows 10 requests/s per key with bursts of 20. The transport paces every call through one limiter per
 * credential in the process, so a burst of 200 calls from parallel executions is never refused; when Lever is
 * stricter than that, its 429s are retried.
 */
import { startLeverSimulator, type LeverSimulator } from '../simulators/lever';
import { apiKeyCredentials, runLever } from './helpers';

const lookupByEmail = {
	resource: 'opportunity',
	operation: 'getMany',
	returnAll: true,
	filters: { email: '={{ $json.email }}' },
};

describe("at Lever's documented limit", () => {
	let sim: LeverSimulator;
	beforeAll(async () => {
		sim = await startLeverSimulator();
	});
	afterAll(async () => await sim.close());

	it('issues 200 lookups from two parallel executions without a single 429', async () => {
		const emails = [
			sim.seed.contactEmails.ada,
			sim.seed.contactEmails.grace,
			sim.seed.contactEmails.alan,
			'nobody@example.com',
		];
		const input = (offset: number) =>
			Array.from({ length: 100 }, (_, index) => ({
				email: emails[(index + offset) % emails.length],
			}));
		const runs = await Promise.all([
			runLever(sim, lookupByEmail, { input: input(0) }),
			runLever(sim, lookupByEmail, { input: input(1) }),
		]);
		for (const run of runs) expect(run.error).toBeUndefined();
		const lookups = sim.requests.filter((request) => request.path === '/v1/opportunities');
		expect(lookups).toHaveLength(200);
		expect(lookups.every((request) => request.status === 200)).toBe(true);
		expect(sim.rateLimited).toBe(0);
		// Every output item still belongs to its input item: item 0 of the first run looked up Ada.
		const firstItem = runs[0].outputs[0].filter(
			(item) => (item.pairedItem as { item: number }).item === 0,
		);
		expect(firstItem.map((item) => item.json.contact)).toEqual(
			firstItem.map(() => sim.seed.contacts.ada),
		);
		expect(firstItem.length).toBeGreaterThan(0);
	}, 60_000);
});

describe('when Lever is stricter than documented', () => {
	let sim: LeverSimulator;
	beforeAll(async () => {
		sim = await startLeverSimulator({ rateLimit: { ratePerSecond: 2, burst: 2 } });
	});
	afterAll(async () => await sim.close());

	it('retries the 429s with backoff and completes every item', async () => {
		const input = Array.from({ length: 6 }, () => ({ email: sim.seed.contactEmails.ada }));
		const { json, error } = await runLever(sim, lookupByEmail, {
			input,
			credentials: apiKeyCredentials(sim),
		});
		expect(error).toBeUndefined();
		expect(sim.rateLimited).toBeGreaterThan(0);
		const lookups = sim.requests.filter((request) => request.path === '/v1/opportunities');
		expect(lookups.filter((request) => request.status === 200)).toHaveLength(6);
		expect(lookups.filter((request) => request.status === 429)).toHaveLength(sim.rateLimited);
		expect(json.every((item) => item.error === undefined)).toBe(true);
	}, 60_000);
});
