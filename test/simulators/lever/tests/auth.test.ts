import axios from 'axios';

import { startLeverSimulator, type LeverSimulator } from '..';
import { client } from './helpers';

describe('Lever simulator: authentication, permissions, Lever response conventions', () => {
	let sim: LeverSimulator;

	beforeAll(async () => {
		sim = await startLeverSimulator({ rateLimit: false });
	});
	afterAll(() => sim.close());
	beforeEach(() => sim.reset());

	it('accepts the API key as Basic user name with a blank password, and marks responses like Lever', async () => {
		const response = await client(sim).get('/stages');
		expect(response.status).toBe(200);
		expect(response.headers.server).toBe('lever-data-api');
		expect(response.headers['x-lever-region']).toBe('global');
		expect(response.headers['x-powered-by']).toBeUndefined();
		expect(response.data.data.map((stage: { id: string }) => stage.id)).toEqual(
			expect.arrayContaining([
				'lead-new',
				'lead-reached-out',
				'lead-responded',
				'applicant-new',
				'offer',
				sim.seed.stages.onsite,
			]),
		);
	});

	it.each([
		['no Authorization header', 'none' as const],
		['an unknown key', { key: 'not-a-real-key' }],
		['an unknown bearer token', { bearer: 'eyJhbGciOiJIUzI1NiJ9.e30.forged' }],
	])('answers 401 Unauthorized for %s', async (_label, credentials) => {
		const response = await client(sim, credentials).get('/opportunities');
		expect(response.status).toBe(401);
		expect(response.headers.server).toBe('lever-data-api');
		expect(response.data).toEqual({ code: 'Unauthorized', message: expect.any(String) });
	});

	it('refuses the key sent as the password instead of the user name', async () => {
		const response = await axios.get(`${sim.baseUrl}/stages`, {
			auth: { username: '', password: sim.apiKey },
			validateStatus: () => true,
		});
		expect(response.status).toBe(401);
		expect(response.data.code).toBe('Unauthorized');
	});

	it('answers 403 for the limited key on opportunity writes and confidential data, but lets it read', async () => {
		const limited = client(sim, { key: sim.limitedApiKey });
		const write = await limited.post(`/opportunities?perform_as=${sim.seed.users.recruiter}`, {
			name: 'Nope',
		});
		expect(write.status).toBe(403);
		expect(write.data).toEqual({
			code: 'Forbidden',
			message: expect.stringContaining('opportunities'),
		});
		const stage = await limited.put(`/opportunities/${sim.seed.opportunities.adaBackend}/stage`, {
			stage: 'offer',
		});
		expect(stage.status).toBe(403);
		expect((await limited.get('/opportunities?confidentiality=all')).status).toBe(403);
		expect(
			(await limited.get(`/opportunities/${sim.seed.opportunities.katherineConfidential}`)).status,
		).toBe(403);
		expect((await limited.get('/opportunities')).status).toBe(200);
		expect(sim.state.opportunities).toHaveLength(5);
	});

	it('answers unknown paths and ids with ResourceNotFound in Lever’s message form', async () => {
		const api = client(sim);
		const path = await api.get('/no-such-endpoint');
		expect(path.status).toBe(404);
		expect(path.data.code).toBe('ResourceNotFound');
		const stage = await api.get('/stages/a80bbbe0-0000-4000-8000-000000000000');
		expect(stage.status).toBe(404);
		expect(stage.data).toEqual({
			code: 'ResourceNotFound',
			message: 'stages a80bbbe0-0000-4000-8000-000000000000 was not found',
		});
		for (const path of ['/opportunities/x1', '/postings/x1', '/users/x1', '/archive_reasons/x1']) {
			const response = await api.get(path);
			expect(response.status).toBe(404);
			expect(response.data.message).toMatch(
				/^(opportunities|postings|users|archive_reasons) x1 was not found$/,
			);
		}
	});

	it('answers malformed JSON with 400 BadRequest', async () => {
		const response = await client(sim).post(
			`/opportunities/${sim.seed.opportunities.adaBackend}/notes`,
			'{"value":',
			{
				headers: { 'Content-Type': 'application/json' },
			},
		);
		expect(response.status).toBe(400);
		expect(response.data.code).toBe('BadRequest');
	});

	it('logs requests without credentials', async () => {
		await client(sim).get('/users');
		await client(sim, { key: 'wrong-key' }).get('/users');
		expect(sim.requests.map((request) => [request.path, request.status, request.auth])).toEqual([
			['/v1/users', 200, 'basic'],
			['/v1/users', 401, 'basic'],
		]);
		const log = JSON.stringify(sim.requests);
		expect(log).not.toContain(sim.apiKey);
		expect(log).not.toContain(Buffer.from(`${sim.apiKey}:`).toString('base64'));
		expect(log).not.toMatch(/authorization/i);
	});

	it('can inject maintenance failures for client retry tests', async () => {
		sim.failNext(2);
		const api = client(sim);
		expect((await api.get('/stages')).data).toEqual({
			code: 'ServiceUnavailable',
			message: expect.any(String),
		});
		expect((await api.get('/stages')).status).toBe(503);
		expect((await api.get('/stages')).status).toBe(200);
	});
});
