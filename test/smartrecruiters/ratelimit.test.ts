/**
 * SmartRecruiters allows one `GET /candidates` in flight per credential: parallel executions that all look up
 * candidates by email must queue in the process-wide limiter instead of drawing 429s.
 */
import { startSmartRecruitersSimulator } from '../simulators/smartrecruiters';
import { runSmartRecruiters } from './helpers';

type Simulator = Awaited<ReturnType<typeof startSmartRecruitersSimulator>>;

let sim: Simulator;

beforeAll(async () => {
	sim = await startSmartRecruitersSimulator();
});

afterAll(async () => {
	await sim.close();
});

describe('SmartRecruiters rate limits', () => {
	it('serialises parallel candidate searches across executions: no 429', async () => {
		const emails = Object.values(sim.seed.emails).filter((email) => email !== sim.seed.emails.tom);
		const searches = Array.from({ length: 12 }, (_, index) => emails[index % emails.length]);
		const results = await Promise.all(
			searches.map(
				async (email) =>
					await runSmartRecruiters(sim, {
						resource: 'candidate',
						operation: 'search',
						searchBy: 'email',
						email,
					}),
			),
		);
		expect(results.map((result) => result.error)).toEqual(searches.map(() => undefined));
		expect(results.map((result) => result.json.map((candidate) => candidate.email))).toEqual(
			searches.map((email) => [email]),
		);
		expect(sim.requests.filter((request) => request.path === '/candidates')).toHaveLength(12);
		expect(sim.rateLimited).toBe(0);
		expect(sim.contractViolations).toEqual([]);
	});
});
