import axios from 'axios';

import { startLeverSimulator, type LeverSimulator } from '..';
import { client } from './helpers';

const REDIRECT_URI = 'http://127.0.0.1:5678/rest/oauth2-credential/callback';

describe('Lever simulator: OAuth 2.0', () => {
	let sim: LeverSimulator;
	let clock = Date.UTC(2026, 5, 1);

	beforeAll(async () => {
		sim = await startLeverSimulator({ rateLimit: false, now: () => clock });
	});
	afterAll(() => sim.close());

	async function authorize(scope: string, overrides: Record<string, string> = {}) {
		const params = new URLSearchParams({
			client_id: sim.oauth.clientId,
			redirect_uri: REDIRECT_URI,
			response_type: 'code',
			state: 'csrf-123',
			audience: sim.oauth.audience,
			scope,
			...overrides,
		});
		const response = await axios.get(`${sim.oauth.authorizeUrl}?${params}`, {
			maxRedirects: 0,
			validateStatus: () => true,
		});
		expect(response.status).toBe(302);
		return new URL(response.headers.location as string);
	}

	function token(fields: Record<string, string>) {
		return axios.post(sim.oauth.tokenUrl, new URLSearchParams(fields).toString(), {
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			validateStatus: () => true,
		});
	}

	const exchange = (code: string) =>
		token({
			grant_type: 'authorization_code',
			client_id: sim.oauth.clientId,
			client_secret: sim.oauth.clientSecret,
			code,
			redirect_uri: REDIRECT_URI,
			audience: sim.oauth.audience,
		});

	it('redirects back with code and state, exchanges the code once, and the bearer token works', async () => {
		const redirect = await authorize('offline_access opportunities:write:admin stages:read:admin');
		expect(`${redirect.origin}${redirect.pathname}`).toBe(REDIRECT_URI);
		expect(redirect.searchParams.get('state')).toBe('csrf-123');
		const code = redirect.searchParams.get('code')!;

		const response = await exchange(code);
		expect(response.status).toBe(200);
		expect(response.data).toEqual({
			access_token: expect.any(String),
			refresh_token: expect.any(String),
			token_type: 'Bearer',
			scope: 'offline_access opportunities:write:admin stages:read:admin',
			expires_in: 3600,
		});
		expect((await exchange(code)).data.error).toBe('invalid_grant');

		const api = client(sim, { bearer: response.data.access_token });
		expect((await api.get('/stages')).status).toBe(200);
		// scopes are enforced: no users scope, no notes scope
		expect((await api.get('/users')).status).toBe(403);
		expect(
			(await api.post(`/opportunities/${sim.seed.opportunities.adaBackend}/notes`, { value: 'x' }))
				.status,
		).toBe(403);
	});

	it('rotates refresh tokens and refuses a used one', async () => {
		const code = (await authorize('offline_access opportunities:read:admin')).searchParams.get(
			'code',
		)!;
		const first = (await exchange(code)).data;
		const refresh = (refreshToken: string) =>
			token({
				grant_type: 'refresh_token',
				client_id: sim.oauth.clientId,
				client_secret: sim.oauth.clientSecret,
				refresh_token: refreshToken,
			});

		const second = await refresh(first.refresh_token);
		expect(second.status).toBe(200);
		expect(second.data.expires_in).toBe(3600);
		expect(second.data.access_token).not.toBe(first.access_token);
		expect(second.data.refresh_token).not.toBe(first.refresh_token);
		expect((await refresh(first.refresh_token)).data.error).toBe('invalid_grant');
		expect((await refresh(second.data.refresh_token)).status).toBe(200);
	});

	it('expires access tokens after one hour', async () => {
		const code = (await authorize('opportunities:read:admin')).searchParams.get('code')!;
		const issued = (await exchange(code)).data;
		expect(issued.refresh_token).toBeUndefined(); // no offline_access, no refresh token
		const api = client(sim, { bearer: issued.access_token });
		expect((await api.get('/opportunities')).status).toBe(200);
		clock += 3600 * 1000;
		const expired = await api.get('/opportunities');
		expect(expired.status).toBe(401);
		expect(expired.data.code).toBe('Unauthorized');
	});

	it('rejects bad client secrets, non-form bodies, unknown scopes and foreign audiences', async () => {
		const code = (await authorize('offline_access')).searchParams.get('code')!;
		const wrongSecret = await token({
			grant_type: 'authorization_code',
			client_id: sim.oauth.clientId,
			client_secret: 'nope',
			code,
			redirect_uri: REDIRECT_URI,
		});
		expect(wrongSecret.status).toBe(401);
		expect(wrongSecret.data.error).toBe('invalid_client');

		const json = await axios.post(
			sim.oauth.tokenUrl,
			{
				grant_type: 'authorization_code',
				client_id: sim.oauth.clientId,
				client_secret: sim.oauth.clientSecret,
				code,
			},
			{ validateStatus: () => true },
		);
		expect(json.status).toBe(400);

		expect((await authorize('opportunities:fly:admin')).searchParams.get('error')).toBe(
			'invalid_scope',
		);
		const foreign = await authorize('offline_access', { audience: 'https://example.com/' });
		expect(foreign.searchParams.get('error')).toBe('invalid_request');
		expect(foreign.searchParams.get('state')).toBe('csrf-123');
		expect(
			(
				await authorize('offline_access', { audience: 'https://api.lever.co/v1/' })
			).searchParams.get('code'),
		).toBeTruthy();
	});

	it('issues ready-made tokens with every scope, and never logs OAuth secrets', async () => {
		const api = client(sim, { bearer: sim.issueAccessToken() });
		expect(
			(await api.get(`/opportunities/${sim.seed.opportunities.katherineConfidential}`)).status,
		).toBe(200);
		const log = JSON.stringify(sim.requests);
		expect(log).not.toContain(sim.oauth.clientSecret);
		expect(sim.requests.find((request) => request.path === '/oauth/token')?.body).toMatchObject({
			client_secret: '[redacted]',
		});
	});
});
