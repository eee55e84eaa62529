/**
 * Authentication: API key and OAuth2 client credentials (token cached and refreshed before expires_in), the
 * credential tests behind n8n's "Test credential" button, and readable 401 errors without secrets in them.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { SmartRecruiters } from '../../nodes/SmartRecruiters/SmartRecruiters.node';
import { startSmartRecruitersSimulator } from '../simulators/smartrecruiters';
import { closedPort } from '../closedPort';
import { createEngine } from '../harness';
import { apiKeyCredentials, byId, oauthCredentials, runSmartRecruiters } from './helpers';

type Simulator = Awaited<ReturnType<typeof startSmartRecruitersSimulator>>;

const simulators: Simulator[] = [];
async function simulator(options?: Parameters<typeof startSmartRecruitersSimulator>[0]) {
	const sim = await startSmartRecruitersSimulator(options);
	simulators.push(sim);
	return sim;
}

afterEach(() => {
	jest.useRealTimers();
	for (const sim of simulators) expect(sim.contractViolations).toEqual([]);
});

afterAll(async () => {
	await Promise.all(simulators.map(async (sim) => await sim.close()));
});

const getJane = async (
	sim: Simulator,
	credentials: Record<string, ICredentialDataDecryptedObject>,
) =>
	await runSmartRecruiters(
		sim,
		{
			authentication: 'smartRecruitersOAuth2Api' in credentials ? 'oAuth2' : 'apiKey',
			resource: 'candidate',
			operation: 'get',
			candidate: byId(sim.seed.candidates.jane),
		},
		{ credentials },
	);

const tokenRequests = (sim: Simulator) =>
	sim.requests.filter((r) => r.path === '/identity/oauth/token').length;

describe('SmartRecruiters authentication', () => {
	it('sends the API key as X-SmartToken', async () => {
		const sim = await simulator();
		const result = await getJane(sim, apiKeyCredentials(sim));
		expect(result.json[0].id).toBe(sim.seed.candidates.jane);
	});

	it('turns a 401 into a credential message that does not contain the key', async () => {
		const sim = await simulator();
		const wrongKey = 'wrongKey0000000000000000000000099';
		const result = await getJane(sim, apiKeyCredentials(sim, { apiKey: wrongKey }));
		expect(result.error?.message).toMatch(
			/^SmartRecruiters rejected the API key \(401 UNAUTHORIZED/,
		);
		expect(result.error?.description).toMatch(/Check the API key/);
		expect(JSON.stringify(result.run)).not.toContain(wrongKey);
	});

	it('OAuth2: exchanges client credentials once and reuses the token across executions', async () => {
		const sim = await simulator({ tokenExpiresIn: 3600 });
		const credentials = oauthCredentials(sim);
		for (let run = 0; run < 3; run++)
			expect((await getJane(sim, credentials)).json[0].id).toBe(sim.seed.candidates.jane);
		expect(tokenRequests(sim)).toBe(1);
		expect(
			JSON.stringify(sim.requests.filter((r) => r.path !== '/identity/oauth/token')),
		).not.toContain(sim.oauthClient.clientSecret);
	});

	it('OAuth2: refreshes the token when less than 60 s of expires_in are left, before SmartRecruiters would refuse it', async () => {
		const sim = await simulator({ tokenExpiresIn: 90 });
		const credentials = oauthCredentials(sim);
		await getJane(sim, credentials);
		expect(tokenRequests(sim)).toBe(1);
		// Only the clock moves (timers stay real): 31 s later the token has 59 s left.
		jest.useFakeTimers({
			doNotFake: [
				'nextTick',
				'setImmediate',
				'setTimeout',
				'setInterval',
				'clearTimeout',
				'clearInterval',
				'queueMicrotask',
			],
		});
		jest.setSystemTime(Date.now() + 31_000);
		const later = await getJane(sim, credentials);
		expect(later.json[0].id).toBe(sim.seed.candidates.jane);
		expect(tokenRequests(sim)).toBe(2);
		expect(sim.requests.filter((r) => r.status === 401)).toEqual([]);
	});

	it('OAuth2: rejected client credentials fail at once with a message that names the credential fields, not the secret', async () => {
		const sim = await simulator();
		const result = await getJane(
			sim,
			oauthCredentials(sim, { clientSecret: 'revoked-secret-value' }),
		);
		expect(result.error?.message).toBe(
			'SmartRecruiters refused the OAuth2 client credentials (401 invalid_client): Bad client credentials. Check the Client ID, Client Secret and Environment of the credential.',
		);
		expect(tokenRequests(sim)).toBe(1);
		expect(JSON.stringify(result.run)).not.toContain('revoked-secret-value');
	});

	it('credential tests pass for valid credentials and say what to fix without the secret', async () => {
		const sim = await simulator();
		const engine = createEngine();
		const node = new SmartRecruiters();
		const test = async (type: string, functionName: string, data: ICredentialDataDecryptedObject) =>
			await engine.testCredential(node, functionName, { id: 'c', name: 'c', type, data });

		expect(
			await test(
				'smartRecruitersApi',
				'smartRecruitersApiCredentialTest',
				apiKeyCredentials(sim).smartRecruitersApi,
			),
		).toEqual({
			status: 'OK',
			message: 'Connection successful',
		});
		const badKey = await test(
			'smartRecruitersApi',
			'smartRecruitersApiCredentialTest',
			apiKeyCredentials(sim, { apiKey: 'x'.repeat(32) }).smartRecruitersApi,
		);
		expect(badKey.status).toBe('Error');
		const host = new URL(sim.baseUrl).host;
		expect(badKey.message).toBe(
			`SmartRecruiters at ${host} rejected the API key (401 UNAUTHORIZED: Invalid X-SmartToken). Check the API key and the credential's "Environment" (now Custom URL).`,
		);
		const closed = await closedPort();
		const unreachable = await test(
			'smartRecruitersApi',
			'smartRecruitersApiCredentialTest',
			apiKeyCredentials(sim, { customUrl: `http://127.0.0.1:${closed}` }).smartRecruitersApi,
		);
		expect(unreachable.message).toBe(
			`Could not reach SmartRecruiters at 127.0.0.1:${closed}: nothing accepts connections there (ECONNREFUSED). Check the credential's "Environment" and "Custom API URL".`,
		);

		expect(
			(
				await test(
					'smartRecruitersOAuth2Api',
					'smartRecruitersOAuth2ApiCredentialTest',
					oauthCredentials(sim).smartRecruitersOAuth2Api,
				)
			).status,
		).toBe('OK');
		const badSecret = await test(
			'smartRecruitersOAuth2Api',
			'smartRecruitersOAuth2ApiCredentialTest',
			oauthCredentials(sim, { clientSecret: 'definitely-wrong-secret' }).smartRecruitersOAuth2Api,
		);
		expect(badSecret.status).toBe('Error');
		expect(badSecret.message).toMatch(
			new RegExp(
				`^SmartRecruiters at ${host} rejected the client ID and secret \\(401 invalid_client`,
			),
		);
		expect(badSecret.message).not.toContain('definitely-wrong-secret');
	});
});
