import { startLeverSimulator, type LeverSimulator } from '..';
import { client, query } from './helpers';

describe('Lever simulator: pagination', () => {
	let sim: LeverSimulator;
	const created: string[] = [];

	beforeAll(async () => {
		sim = await startLeverSimulator({ rateLimit: false });
		const api = client(sim);
		for (let index = 0; index < 150; index++) {
			const response = await api.post(`/opportunities?perform_as=${sim.seed.users.recruiter}`, {
				name: `Bulk Candidate ${index}`,
				emails: [`bulk-${index}@example.org`],
				tags: ['bulk'],
			});
			expect(response.status).toBe(201);
			created.push(response.data.data.id);
		}
	});
	afterAll(() => sim.close());

	it('walks more than 100 records with opaque next tokens; next is absent on the last page', async () => {
		const api = client(sim);
		const first = await api.get('/opportunities?tag=bulk');
		expect(first.status).toBe(200);
		expect(first.data.data).toHaveLength(100);
		expect(first.data.hasNext).toBe(true);
		// Lever's tokens are URL-encoded JSON arrays such as %5B3%2C1491435120000%2C%22…%22%5D
		expect(first.data.next).toMatch(/^%5B.*%5D$/);

		const second = await api.get('/opportunities', {
			params: { tag: 'bulk', offset: first.data.next },
		});
		expect(second.status).toBe(200);
		expect(second.data.data).toHaveLength(50);
		expect(second.data).toEqual({ data: expect.any(Array), hasNext: false });
		const seen = [...first.data.data, ...second.data.data].map(
			(opportunity: { id: string }) => opportunity.id,
		);
		expect(new Set(seen).size).toBe(150);
		expect(seen.sort()).toEqual([...created].sort());
	});

	it('pages by a smaller limit and accepts the token raw in the URL too', async () => {
		const api = client(sim);
		const ids: string[] = [];
		let next: string | undefined;
		let pages = 0;
		do {
			// appended verbatim, as a client that pastes `next` into the URL would
			const response = await api.get(
				`/opportunities?tag=bulk&limit=40${next ? `&offset=${next}` : ''}`,
			);
			expect(response.status).toBe(200);
			ids.push(...response.data.data.map((opportunity: { id: string }) => opportunity.id));
			next = response.data.next;
			pages++;
		} while (next);
		expect(pages).toBe(4);
		expect(new Set(ids).size).toBe(150);
	});

	it.each([
		[
			'a forged token',
			encodeURIComponent(
				JSON.stringify([3, 1767603600000, 'ffffffff-0000-4000-8000-000000000000']),
			),
		],
		['garbage', 'not-a-token'],
		['a docs-style token', '0.1414895548650.a6070140-33db-407c-a2f7-a9a5e0a1e4c4'],
	])('answers 400 "Invalid offset token" for %s', async (_label, offset) => {
		const response = await client(sim).get('/opportunities', { params: { tag: 'bulk', offset } });
		expect(response.status).toBe(400);
		expect(response.data.code).toBe('BadRequest');
		expect(response.data.message).toMatch(/^Invalid offset token/);
	});

	it('refuses a token issued for a different list', async () => {
		const api = client(sim);
		const next = (await api.get('/opportunities?tag=bulk')).data.next as string;
		const otherList = await api.get('/opportunities', { params: { tag: 'other', offset: next } });
		expect(otherList.status).toBe(400);
		expect(otherList.data.message).toMatch(/^Invalid offset token/);
	});

	it.each(['0', '101', '-1', 'ten', '2.5'])('answers 400 for limit=%s', async (limit) => {
		const response = await client(sim).get(`/opportunities${query({ limit })}`);
		expect(response.status).toBe(400);
		expect(response.data).toEqual({
			code: 'BadRequest',
			message: expect.stringContaining('limit'),
		});
	});

	it('accepts limit=1 and limit=100', async () => {
		const api = client(sim);
		expect((await api.get('/opportunities?limit=1')).data.data).toHaveLength(1);
		expect((await api.get('/opportunities?limit=100')).data.data).toHaveLength(100);
	});

	it('paginates small lists the same way', async () => {
		const api = client(sim);
		const first = await api.get('/stages?limit=5');
		expect(first.data.data).toHaveLength(5);
		const rest = await api.get('/stages', { params: { limit: 5, offset: first.data.next } });
		expect(rest.data).toEqual({ data: expect.any(Array), hasNext: false });
		expect(rest.data.data.map((stage: { id: string }) => stage.id)).toEqual([
			sim.seed.stages.phoneInterview,
			sim.seed.stages.onsite,
			'offer',
		]);
	});

	it('invalidates outstanding tokens on reset', async () => {
		const api = client(sim);
		const next = (await api.get('/stages?limit=2')).data.next as string;
		sim.reset();
		const stale = await api.get('/stages', { params: { limit: 2, offset: next } });
		expect(stale.status).toBe(400);
		expect(stale.data.message).toMatch(/^Invalid offset token/);
	});
});
