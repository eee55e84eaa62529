/** Credentials: API key and OAuth2 through n8n's own auth paths, credential test, and errors that never leak a secret. */
import type { ICredentialDataDecryptedObject, INodeType } from 'n8n-workflow';

import { LEVER_OAUTH_SCOPES } from '../../credentials/LeverOAuth2Api.credentials';
import { KNOWN_SCOPES } from '../simulators/lever/auth';
import { LEVER_SEED, startLeverSimulator, type LeverSimulator } from '../simulators/lever';
import { closedPort } from '../closedPort';
import { createEngine, PACKAGE_NAME } from '../harness';
import { apiKeyCredentials, byId, runLever } from './helpers';

let sim: LeverSimulator;
beforeAll(async () => {
	sim = await startLeverSimulator();
});
afterAll(async () => await sim.close());
beforeEach(() => sim.reset());

const getStages = { resource: 'stage', operation: 'getMany', returnAll: true };

describe('API key', () => {
	it('sends the key as the Basic user name with a blank password', async () => {
		const { json, error } = await runLever(sim, getStages);
		expect(error).toBeUndefined();
		expect(json.length).toBe(sim.state.stages.length);
		expect(sim.requests[0].auth).toBe('basic');
	});

	it('turns a rejected key into a clear message that does not contain the key', async () => {
		const badKey = 'sim_lever_revoked_0000000000000000000000000000';
		const credentials = apiKeyCredentials(sim, { apiKey: badKey });
		const failed = await runLever(sim, getStages, { credentials });
		expect(failed.error?.message).toBe(
			'Lever rejected the API key (401 Unauthorized: The API key provided is not valid.)',
		);
		expect(failed.error?.description).toBe(
			'Check the API key in the Lever credential, and that its Environment is the one the key was created in.',
		);
		expect(JSON.stringify(failed.run)).not.toContain(badKey);

		const reported = await runLever(sim, getStages, { credentials, continueOnFail: true });
		// n8n's error item, `{ error }`, with where, the description and the HTTP code in `details` (item.error would make n8n drop them).
		expect(reported.json).toEqual([
			{
				error: 'Lever rejected the API key (401 Unauthorized: The API key provided is not valid.)',
				details: {
					node: 'Node',
					description:
						'Check the API key in the Lever credential, and that its Environment is the one the key was created in.',
					httpCode: '401',
				},
			},
		]);
		expect(JSON.stringify(reported.run)).not.toContain(badKey);
	});

	it('explains a missing permission (403)', async () => {
		const { error } = await runLever(
			sim,
			{
				resource: 'opportunity',
				operation: 'addTags',
				opportunity: byId(sim.seed.opportunities.adaBackend),
				tags: ['X'],
			},
			{ credentials: apiKeyCredentials(sim, { apiKey: sim.limitedApiKey }) },
		);
		expect(error?.message).toBe(
			'The Lever API key is not allowed to do this (403 Forbidden: These credentials do not have write permission for opportunities.)',
		);
		expect(error?.description).toContain('API Credentials');
		expect(
			sim.state.opportunities.find((o) => o.id === sim.seed.opportunities.adaBackend)!.tags,
		).not.toContain('X');
	});

	it('refuses a custom URL that is not http(s) before sending anything', async () => {
		const { error } = await runLever(sim, getStages, {
			credentials: apiKeyCredentials(sim, { customUrl: 'lever.local/v1' }),
		});
		expect(error?.message).toBe(
			'The Lever credential\'s "Custom API URL" must start with http:// or https://',
		);
	});
});

describe('credential test ("Test credential" button)', () => {
	const test = async (data: ICredentialDataDecryptedObject) => {
		const engine = createEngine();
		const nodeType = engine.types.getByNameAndVersion(`${PACKAGE_NAME}.lever`) as INodeType;
		return await engine.testCredential(nodeType, 'leverApiCredentialTest', {
			id: 'c1',
			name: 'Lever',
			type: 'leverApi',
			data,
		});
	};

	it('passes with a valid key', async () => {
		expect(
			await test({ apiKey: sim.apiKey, environment: 'custom', customUrl: sim.baseUrl }),
		).toEqual({ status: 'OK', message: 'Connection successful' });
		expect(
			sim.requests.map((request) => `${request.method} ${request.path} ${request.status}`),
		).toEqual(['GET /v1/stages 200']);
	});

	it('fails with a clear message on a bad key, without the key', async () => {
		const result = await test({
			apiKey: 'sim_lever_wrong_key_123',
			environment: 'custom',
			customUrl: sim.baseUrl,
		});
		expect(result.status).toBe('Error');
		expect(result.message).toBe(
			`Lever at ${new URL(sim.baseUrl).host} rejected the API key (401 Unauthorized: The API key provided is not valid.). Check the API key and the credential's "Environment" (now Custom URL).`,
		);
		expect(result.message).not.toContain('sim_lever_wrong_key_123');
	});

	it('looks a "Default Perform As" email up, and says when no active user has it', async () => {
		sim.requests.length = 0;
		const base = { apiKey: sim.apiKey, environment: 'custom', customUrl: sim.baseUrl };
		expect(await test({ ...base, defaultPerformAs: LEVER_SEED.userEmails.recruiter })).toEqual({
			status: 'OK',
			message: 'Connection successful',
		});
		expect(
			sim.requests.map((request) => `${request.method} ${request.path} ${request.status}`),
		).toEqual(['GET /v1/stages 200', 'GET /v1/users 200']);
		// A deactivated user cannot be acted as: Lever lists active users only.
		expect(await test({ ...base, defaultPerformAs: LEVER_SEED.userEmails.deactivated })).toEqual({
			status: 'Error',
			message: `No active Lever user has the email "${LEVER_SEED.userEmails.deactivated}" given as "Default Perform As": use the email or ID of an active Lever user`,
		});
	});

	it('fails clearly when Lever cannot be reached, naming the host', async () => {
		const port = await closedPort();
		const result = await test({
			apiKey: sim.apiKey,
			environment: 'custom',
			customUrl: `http://127.0.0.1:${port}/v1`,
		});
		expect(result).toEqual({
			status: 'Error',
			message: `Could not reach Lever at 127.0.0.1:${port}: nothing accepts connections there (ECONNREFUSED). Check the credential's "Environment" and "Custom API URL".`,
		});
	});
});

describe('OAuth2', () => {
	/** Lever Connect's authorization-code flow against the simulator, as n8n's "Connect" button runs it. */
	async function connect(
		scope = 'offline_access opportunities:write:admin stages:read:admin tags:read:admin',
	): Promise<{ access_token: string; refresh_token: string }> {
		const redirectUri = 'http://127.0.0.1/rest/oauth2-credential/callback';
		const authorize = new URL(sim.oauth.authorizeUrl);
		authorize.search = new URLSearchParams({
			client_id: sim.oauth.clientId,
			redirect_uri: redirectUri,
			response_type: 'code',
			state: 'n8n-state',
			audience: sim.oauth.audience,
			scope,
		}).toString();
		const redirect = await fetch(authorize, { redirect: 'manual' });
		const code = new URL(redirect.headers.get('location')!).searchParams.get('code')!;
		const token = await fetch(sim.oauth.tokenUrl, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				grant_type: 'authorization_code',
				client_id: sim.oauth.clientId,
				client_secret: sim.oauth.clientSecret,
				code,
				redirect_uri: redirectUri,
			}),
		});
		return (await token.json()) as { access_token: string; refresh_token: string };
	}

	function oauthCredentials(
		oauthTokenData: Record<string, unknown>,
	): Record<string, ICredentialDataDecryptedObject> {
		return {
			leverOAuth2Api: {
				environment: 'custom',
				customUrl: sim.baseUrl,
				customAuthUrl: sim.oauth.authorizeUrl,
				customAccessTokenUrl: sim.oauth.tokenUrl,
				customAudience: sim.oauth.audience,
				clientId: sim.oauth.clientId,
				clientSecret: sim.oauth.clientSecret,
				// The headless engine fills hidden defaults in verbatim; n8n resolves their `$self` expressions. Give it
				// the resolved values the "Custom URL" environment produces.
				authUrl: sim.oauth.authorizeUrl,
				accessTokenUrl: sim.oauth.tokenUrl,
				oauthTokenData,
			} as ICredentialDataDecryptedObject,
		};
	}

	it("calls Lever with the Bearer token through n8n's OAuth2 request path", async () => {
		const credentials = oauthCredentials({
			access_token: sim.issueAccessToken(),
			token_type: 'Bearer',
		});
		const { json, error } = await runLever(
			sim,
			{ authentication: 'oAuth2', ...getStages },
			{ credentials },
		);
		expect(error).toBeUndefined();
		expect(json.length).toBe(sim.state.stages.length);
		expect(sim.requests.map((request) => request.auth)).toEqual(['bearer']);
	});

	it('refreshes an expired access token once, stores the rotated tokens and completes the request', async () => {
		const tokens = await connect();
		const credentials = oauthCredentials({
			access_token: 'expired-or-revoked',
			refresh_token: tokens.refresh_token,
			token_type: 'Bearer',
		});
		sim.requests.length = 0;
		const { json, error } = await runLever(
			sim,
			{
				authentication: 'oAuth2',
				resource: 'opportunity',
				operation: 'addTags',
				opportunity: byId(sim.seed.opportunities.adaBackend),
				tags: ['Refreshed'],
			},
			{ credentials },
		);
		expect(error).toBeUndefined();
		expect(json[0].tags).toContain('Refreshed');
		expect(
			sim.requests.map((request) => `${request.method} ${request.path} ${request.status}`),
		).toEqual([
			`POST /v1/opportunities/${sim.seed.opportunities.adaBackend}/addTags 401`,
			'POST /oauth/token 200',
			`POST /v1/opportunities/${sim.seed.opportunities.adaBackend}/addTags 200`,
		]);
		expect(sim.requests[1].body).toMatchObject({
			grant_type: 'refresh_token',
			client_id: sim.oauth.clientId,
		});
		const saved = credentials.leverOAuth2Api.oauthTokenData as Record<string, string>;
		expect(saved.access_token).not.toBe('expired-or-revoked');
		// Lever rotates refresh tokens: the new one must be kept or the next refresh fails.
		expect(saved.refresh_token).not.toBe(tokens.refresh_token);
	});

	it('asks for scopes Lever knows (at most 20) that cover every operation of the node', async () => {
		expect(LEVER_OAUTH_SCOPES.length).toBeLessThanOrEqual(20);
		expect(LEVER_OAUTH_SCOPES.filter((scope) => !KNOWN_SCOPES.has(scope))).toEqual([]);
		const tokens = await connect(LEVER_OAUTH_SCOPES.join(' '));
		const credentials = oauthCredentials({
			access_token: tokens.access_token,
			refresh_token: tokens.refresh_token,
			token_type: 'Bearer',
		});
		const performAs = byId(sim.seed.users.recruiter);
		const opportunity = byId(sim.seed.opportunities.adaBackend);
		const runs = [
			{
				resource: 'opportunity',
				operation: 'upsert',
				profileInput: 'fields',
				email: 'scoped@example.com',
				name: 'Scoped',
				profileFields: { headline: 'A' },
				performAs,
			},
			{
				resource: 'opportunity',
				operation: 'upsert',
				profileInput: 'fields',
				email: 'scoped@example.com',
				name: 'Scoped',
				profileFields: { headline: 'B' },
				performAs,
			},
			{
				resource: 'opportunity',
				operation: 'addNote',
				opportunity,
				note: 'Scoped note',
				performAs,
			},
			{
				resource: 'opportunity',
				operation: 'archive',
				opportunity,
				reason: sim.seed.archiveReasons.timing,
			},
			{
				resource: 'feedback',
				operation: 'create',
				opportunity,
				template: sim.seed.feedbackTemplate,
				performAs,
			},
			{ resource: 'offer', operation: 'getMany', opportunity, returnAll: true },
			{ resource: 'interview', operation: 'getMany', opportunity, returnAll: true },
			{ resource: 'posting', operation: 'getMany', returnAll: true },
			{ resource: 'user', operation: 'getMany', returnAll: true },
			{ resource: 'archiveReason', operation: 'getMany', returnAll: true, type: '' },
			{ resource: 'source', operation: 'getMany', returnAll: true },
			{ resource: 'tag', operation: 'getMany', returnAll: true },
		];
		for (const parameters of runs) {
			const { error } = await runLever(
				sim,
				{ authentication: 'oAuth2', ...parameters },
				{ credentials },
			);
			expect({
				operation: `${parameters.resource}.${parameters.operation}`,
				error: error?.message,
			}).toEqual({
				operation: `${parameters.resource}.${parameters.operation}`,
				error: undefined,
			});
		}
		const upload = await runLever(
			sim,
			{
				authentication: 'oAuth2',
				resource: 'opportunity',
				operation: 'uploadFile',
				opportunity,
				binaryPropertyName: 'data',
				performAs,
			},
			{
				credentials,
				input: [
					{
						json: {},
						binary: {
							data: {
								data: Buffer.from('x').toString('base64'),
								mimeType: 'text/plain',
								fileName: 'x.txt',
							},
						},
					},
				],
			},
		);
		expect(upload.error).toBeUndefined();
		expect(sim.requests.filter((request) => request.status === 403)).toEqual([]);
	});

	it('asks to reconnect when the refresh token is no longer valid', async () => {
		const credentials = oauthCredentials({
			access_token: 'expired',
			refresh_token: 'revoked-refresh-token',
			token_type: 'Bearer',
		});
		const { error } = await runLever(
			sim,
			{ authentication: 'oAuth2', ...getStages },
			{ credentials },
		);
		expect(error?.message).toMatch(/needs to be reconnected/);
		expect(JSON.stringify(error)).not.toContain(sim.oauth.clientSecret);
	});
});
