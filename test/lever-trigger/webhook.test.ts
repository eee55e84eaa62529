import { createHmac } from 'node:crypto';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import {
	LEVER_SEED as S,
	signLever,
	startLeverSimulator,
	type LeverSimulator,
	type LeverSimulatorOptions,
} from '../simulators/lever';
import {
	markHandled,
	REMEMBERED_DELIVERIES,
	wasHandled,
} from '../../nodes/Lever/trigger/deliveries';
import { LeverTrigger } from '../../nodes/Lever/LeverTrigger.node';
import { parseEnvelope } from '../../nodes/Lever/trigger/signature';
import { outputOf, startTriggerFixture, type TriggerFixture } from './fixture';

let sim: LeverSimulator;
let fixture: TriggerFixture | undefined;

beforeAll(async () => {
	// Lever retries a failed delivery 5 times; short waits keep the suite quick.
	// The fixture's receiver listens on plain http on loopback.
	sim = await startLeverSimulator({
		webhookRetryDelaysMs: [1, 1, 1, 1, 1],
		allowInsecureWebhookUrls: true,
	});
});

afterEach(async () => {
	await fixture?.close();
	fixture = undefined;
	sim.reset();
});

afterAll(async () => {
	await sim.close();
});

async function activeTrigger(parameters: INodeParameters, credentialExtra: IDataObject = {}) {
	fixture = await startTriggerFixture(sim, parameters, credentialExtra);
	await fixture.activate();
	return fixture;
}

const ourWebhooks = (url: string) => sim.state.webhooks.filter((webhook) => webhook.url === url);

const stageChange = (toStageId: string, opportunityId: string = S.opportunities.adaBackend) => ({
	opportunityId,
	candidateId: opportunityId,
	contactId: S.contacts.ada,
	toStageId,
	fromStageId: S.stages.phoneInterview,
});

/** A genuine Lever envelope signed with `key`, built the documented way. */
function signedEnvelope(key: string, overrides: IDataObject = {}) {
	const envelope = {
		id: `evt-${Math.random().toString(16).slice(2)}`,
		event: 'candidateStageChange',
		triggeredAt: Date.now(),
		data: stageChange(S.stages.onsite) as IDataObject,
		token: Math.random().toString(16).slice(2).padEnd(48, '0'),
		...overrides,
	};
	return { ...envelope, signature: signLever(key, envelope.token, envelope.triggeredAt) };
}

const registeredToken = (trigger: TriggerFixture) =>
	(trigger.nodeStaticData().webhooks as Array<{ signatureToken: string }>)[0].signatureToken;

describe('Lever Trigger: webhook registration', () => {
	it('registers one webhook per event with origin conditions, keeps each signature token, and removes them on deactivation', async () => {
		const trigger = await activeTrigger({
			events: ['candidateHired', 'candidateStageChange', 'contactUpdated'],
			options: { origins: ['applied', 'referred'] },
		});

		const registered = ourWebhooks(trigger.webhookUrl);
		expect(registered.map((webhook) => webhook.event).sort()).toEqual([
			'candidateHired',
			'candidateStageChange',
			'contactUpdated',
		]);
		const conditionsOf = (event: string) =>
			registered.find((webhook) => webhook.event === event)!.configuration.conditions;
		expect(conditionsOf('candidateHired')).toEqual({ origins: ['applied', 'referred'] });
		expect(conditionsOf('candidateStageChange')).toEqual({ origins: ['applied', 'referred'] });
		// Contact events take no conditions; sending some would be refused by Lever.
		expect(conditionsOf('contactUpdated')).toBeNull();

		// The token is only in the create response: the node must have kept it, per webhook.
		const stored = trigger.nodeStaticData().webhooks as Array<{
			id: string;
			event: string;
			signatureToken: string;
		}>;
		expect(stored).toHaveLength(3);
		for (const webhook of stored) {
			expect(webhook.signatureToken).toBe(
				sim.state.webhooks.find((candidate) => candidate.id === webhook.id)!.signatureToken,
			);
		}

		// Activating again finds them and registers nothing new.
		expect(await trigger.webhookMethod('checkExists')).toBe(true);
		await trigger.activate();
		expect(ourWebhooks(trigger.webhookUrl)).toHaveLength(3);

		// Clearing the origin choice means "all origins": the narrowed webhooks no longer fit.
		trigger.node.parameters.options = {};
		expect(await trigger.webhookMethod('checkExists')).toBe(false);
		await trigger.activate();
		expect(
			ourWebhooks(trigger.webhookUrl)
				.map((webhook) => webhook.configuration.conditions?.origins.length ?? null)
				.sort(),
		).toEqual([6, 6, null]);
		expect(await trigger.webhookMethod('checkExists')).toBe(true);

		expect(await trigger.deactivate()).toBe(true);
		expect(ourWebhooks(trigger.webhookUrl)).toHaveLength(0);
		expect(trigger.nodeStaticData().webhooks).toBeUndefined();
	});

	it('replaces a broken registration (a webhook deleted in Lever) with a complete new set and no duplicates', async () => {
		const trigger = await activeTrigger({ events: ['candidateHired', 'candidateStageChange'] });
		const [first] = ourWebhooks(trigger.webhookUrl);
		sim.state.webhooks.splice(sim.state.webhooks.indexOf(first), 1);

		expect(await trigger.webhookMethod('checkExists')).toBe(false);
		await trigger.activate();
		const now = ourWebhooks(trigger.webhookUrl);
		expect(now.map((webhook) => webhook.event).sort()).toEqual([
			'candidateHired',
			'candidateStageChange',
		]);
		expect(now.map((webhook) => webhook.id)).not.toContain(first.id);
	});

	it('registers nothing in manual mode and verifies with the tokens pasted into the credential', async () => {
		const trigger = await activeTrigger(
			{ registration: 'manual', events: ['candidateStageChange'] },
			{ webhookSignatureTokens: `unrelated-token,\n${sim.accountSignatureToken}` },
		);
		expect(ourWebhooks(trigger.webhookUrl)).toHaveLength(0);
		expect(sim.requests.filter((request) => request.path.startsWith('/v1/webhooks'))).toHaveLength(
			0,
		);

		const [result] = await sim.sendWebhook('candidateStageChange', stageChange(S.stages.onsite), {
			to: trigger.webhookUrl,
		});
		expect(result.status).toBe(200);
		expect(outputOf(trigger.deliveries.at(-1)!.run)).toHaveLength(1);
	});

	it('refuses every delivery when no signing token is known (manual mode, nothing pasted)', async () => {
		const trigger = await activeTrigger({
			registration: 'manual',
			events: ['candidateStageChange'],
		});
		const [result] = await sim.sendWebhook('candidateStageChange', stageChange(S.stages.onsite), {
			to: trigger.webhookUrl,
		});
		expect(result.status).toBe(401);
		expect(trigger.deliveries.every((delivery) => delivery.run === undefined)).toBe(true);
	});
});

describe('Lever Trigger: deliveries', () => {
	it('runs the workflow for a genuine signed delivery, with the opportunity fetched when asked', async () => {
		const trigger = await activeTrigger({
			events: ['candidateStageChange'],
			options: { fetchOpportunity: true },
		});

		const [result] = await sim.sendWebhook('candidateStageChange', stageChange(S.stages.onsite));
		expect(result).toMatchObject({ url: trigger.webhookUrl, status: 200, attempts: 1 });

		const [item] = outputOf(trigger.deliveries.at(-1)!.run);
		expect(item).toMatchObject({
			event: 'candidateStageChange',
			data: { toStageId: S.stages.onsite, opportunityId: S.opportunities.adaBackend },
		});
		const opportunity = item.opportunity as IDataObject;
		expect(opportunity.id).toBe(S.opportunities.adaBackend);
		// expanded by default so a hire can be tied to its posting without another call
		expect((opportunity.applications as IDataObject[])[0]).toMatchObject({
			id: S.applications.adaBackend,
			posting: S.postings.published,
		});
		// verification material is not passed on
		expect(item).not.toHaveProperty('signature');
		expect(item).not.toHaveProperty('token');
	});

	it('does not call Lever when no filter or fetch needs it', async () => {
		const trigger = await activeTrigger({ events: ['candidateStageChange'] });
		const before = sim.requests.length;
		await sim.sendWebhook('candidateStageChange', stageChange(S.stages.onsite));
		expect(sim.requests.slice(before)).toEqual([]);
		expect(outputOf(trigger.deliveries.at(-1)!.run)).toHaveLength(1);
	});

	it("acknowledges Lever's test ping (empty data) without running the workflow", async () => {
		const trigger = await activeTrigger({ events: ['candidateHired'] });
		const [result] = await sim.sendWebhook('candidateHired', {});
		expect(result.status).toBe(200);
		expect(trigger.deliveries).toHaveLength(1);
		expect(trigger.deliveries[0].run).toBeUndefined();
	});

	it('runs once per event: a redelivery (same id or same token) is acknowledged and ignored', async () => {
		const trigger = await activeTrigger({ events: ['candidateStageChange'] });
		const key = registeredToken(trigger);
		const original = signedEnvelope(key);

		expect((await trigger.post(original)).run).toBeDefined();
		// Lever's retry of the same event
		const retry = await trigger.post(original);
		expect(retry.status).toBe(200);
		expect(retry.run).toBeUndefined();
		// same event id, fresh token and signature (a manual "Rerun" in Lever)
		expect((await trigger.post(signedEnvelope(key, { id: original.id }))).run).toBeUndefined();
		// a captured delivery replayed with other data: the signature does not cover data, the token check catches it
		const replay = {
			...original,
			id: 'evt-other',
			data: stageChange(S.stages.offer, S.opportunities.adaData),
		};
		expect((await trigger.post(replay)).run).toBeUndefined();

		expect(trigger.deliveries.filter((delivery) => delivery.run !== undefined)).toHaveLength(1);
	});

	it('remembers handled deliveries in static data, bounded to the most recent ones', async () => {
		const trigger = await activeTrigger({ events: ['candidateStageChange'] });
		const key = registeredToken(trigger);
		const first = signedEnvelope(key);
		await trigger.post(first);
		expect(trigger.nodeStaticData().handledDeliveries).toEqual([
			`id:${first.id}`,
			`token:${first.token}`,
		]);

		const staticData: IDataObject = {};
		const envelopes = Array.from(
			{ length: REMEMBERED_DELIVERIES + 1 },
			(_, i) => parseEnvelope(signedEnvelope(key, { id: `evt-${i}` }))!,
		);
		for (const envelope of envelopes) markHandled(staticData, envelope);
		expect(staticData.handledDeliveries).toHaveLength(REMEMBERED_DELIVERIES * 2);
		expect(wasHandled(staticData, envelopes[0])).toBe(false);
		expect(wasHandled(staticData, envelopes[1])).toBe(true);
		expect(wasHandled(staticData, envelopes.at(-1)!)).toBe(true);
	});
});

describe('Lever Trigger: forged and stale deliveries get 401 and run nothing', () => {
	const expectRejected = (trigger: TriggerFixture) => {
		expect(trigger.deliveries.length).toBeGreaterThan(0);
		for (const delivery of trigger.deliveries) {
			expect(delivery.status).toBe(401);
			expect(delivery.run).toBeUndefined();
		}
	};

	it('signed with a wrong key (Lever retries, every attempt refused)', async () => {
		const trigger = await activeTrigger({ events: ['candidateStageChange'] });
		const [result] = await sim.sendWebhook('candidateStageChange', stageChange(S.stages.onsite), {
			tamper: true,
		});
		expect(result.status).toBe(401);
		expect(result.attempts).toBe(6);
		expectRejected(trigger);
	});

	it('token or triggeredAt changed after signing', async () => {
		const trigger = await activeTrigger({ events: ['candidateStageChange'] });
		const genuine = signedEnvelope(registeredToken(trigger));
		expect((await trigger.post({ ...genuine, triggeredAt: genuine.triggeredAt + 1 })).status).toBe(
			401,
		);
		expect((await trigger.post({ ...genuine, token: `${genuine.token.slice(1)}x` })).status).toBe(
			401,
		);
		expectRejected(trigger);
	});

	it('signed for another event: Lever does not sign `event`, so a token registered for stage changes does not pass a "hire"', async () => {
		const trigger = await activeTrigger({ events: ['candidateStageChange', 'candidateHired'] });
		const webhooks = trigger.nodeStaticData().webhooks as Array<{
			event: string;
			signatureToken: string;
		}>;
		const stageToken = webhooks.find(
			(webhook) => webhook.event === 'candidateStageChange',
		)!.signatureToken;
		const hireToken = webhooks.find(
			(webhook) => webhook.event === 'candidateHired',
		)!.signatureToken;
		expect(stageToken).not.toBe(hireToken);
		const hired = {
			opportunityId: S.opportunities.adaBackend,
			candidateId: S.opportunities.adaBackend,
			contactId: S.contacts.ada,
		};
		expect(
			(await trigger.post(signedEnvelope(stageToken, { event: 'candidateHired', data: hired })))
				.status,
		).toBe(401);
		expectRejected(trigger);
		// The same envelope signed with the hire webhook's token is genuine.
		expect(
			(await trigger.post(signedEnvelope(hireToken, { event: 'candidateHired', data: hired })))
				.status,
		).toBe(200);
	});

	it('signature missing, malformed, or the body not JSON', async () => {
		const trigger = await activeTrigger({ events: ['candidateStageChange'] });
		const { signature, ...unsigned } = signedEnvelope(registeredToken(trigger));
		expect((await trigger.post(unsigned)).status).toBe(401);
		expect((await trigger.post({ ...unsigned, signature: signature.slice(0, 63) })).status).toBe(
			401,
		);
		expect((await trigger.post({ ...unsigned, signature: 'g'.repeat(64) })).status).toBe(401);
		expect((await trigger.post('[]')).status).toBe(401);
		expectRejected(trigger);
	});

	it('older than the allowed window (default 5 minutes)', async () => {
		const trigger = await activeTrigger({ events: ['candidateStageChange'] });
		const [result] = await sim.sendWebhook('candidateStageChange', stageChange(S.stages.onsite), {
			triggeredAt: Date.now() - 10 * 60 * 1000,
		});
		expect(result.status).toBe(401);
		expectRejected(trigger);
	});

	it('a stale delivery passes when the window is widened', async () => {
		const trigger = await activeTrigger({
			events: ['candidateStageChange'],
			options: { toleranceSeconds: 3600 },
		});
		const [result] = await sim.sendWebhook('candidateStageChange', stageChange(S.stages.onsite), {
			triggeredAt: Date.now() - 10 * 60 * 1000,
		});
		expect(result.status).toBe(200);
		expect(outputOf(trigger.deliveries.at(-1)!.run)).toHaveLength(1);
	});

	it("the community node's scheme: `x-lever-signature` header over JSON.stringify(body)", async () => {
		const trigger = await activeTrigger({ events: ['candidateStageChange'] });
		const key = registeredToken(trigger);
		const { signature: _ignored, ...body } = signedEnvelope(key);
		const headerSignature = createHmac('sha256', key).update(JSON.stringify(body)).digest('hex');
		expect((await trigger.post(body, { 'x-lever-signature': headerSignature })).status).toBe(401);
		expectRejected(trigger);
	});

	it('the `Lever-Signature` / `Lever-Timestamp` header scheme over timestamp.body', async () => {
		const trigger = await activeTrigger({ events: ['candidateStageChange'] });
		const key = registeredToken(trigger);
		const { signature: _ignored, ...body } = signedEnvelope(key);
		const raw = JSON.stringify(body);
		const timestamp = String(Date.now());
		const headerSignature = createHmac('sha256', key).update(`${timestamp}.${raw}`).digest('hex');
		expect(
			(
				await trigger.post(raw, {
					'Lever-Signature': headerSignature,
					'Lever-Timestamp': timestamp,
				})
			).status,
		).toBe(401);
		expectRejected(trigger);
	});
});

describe('Lever Trigger: filters', () => {
	it('stage filters pass only stage changes into (or out of) the chosen stages, and leave other events alone', async () => {
		const trigger = await activeTrigger({
			events: ['candidateStageChange', 'candidateHired'],
			options: { toStageIds: [S.stages.offer], fromStageIds: [S.stages.phoneInterview] },
		});
		await sim.sendWebhook('candidateStageChange', stageChange(S.stages.onsite));
		await sim.sendWebhook('candidateStageChange', stageChange(S.stages.offer));
		await sim.sendWebhook('candidateStageChange', {
			...stageChange(S.stages.offer),
			fromStageId: S.stages.onsite,
		});
		await sim.sendWebhook('candidateHired', {
			opportunityId: S.opportunities.alanHired,
			candidateId: S.opportunities.alanHired,
			contactId: S.contacts.alan,
		});

		expect(trigger.deliveries.map((delivery) => delivery.status)).toEqual([200, 200, 200, 200]);
		const ran = trigger.deliveries
			.filter((delivery) => delivery.run)
			.map((delivery) => outputOf(delivery.run)[0]);
		expect(ran.map((item) => [item.event, (item.data as IDataObject).toStageId])).toEqual([
			['candidateStageChange', S.stages.offer],
			['candidateHired', undefined],
		]);
	});

	it('the posting filter looks the opportunity up and passes only candidacies on the chosen postings', async () => {
		const trigger = await activeTrigger({
			events: ['candidateStageChange'],
			options: { postingIds: [S.postings.published] },
		});
		await sim.sendWebhook(
			'candidateStageChange',
			stageChange(S.stages.onsite, S.opportunities.adaBackend),
		);
		await sim.sendWebhook(
			'candidateStageChange',
			stageChange(S.stages.onsite, S.opportunities.adaData),
		);

		const ran = trigger.deliveries
			.filter((delivery) => delivery.run)
			.map((delivery) => outputOf(delivery.run)[0]);
		expect(ran.map((item) => (item.data as IDataObject).opportunityId)).toEqual([
			S.opportunities.adaBackend,
		]);
		const lookups = sim.requests.filter((request) => request.path.startsWith('/v1/opportunities/'));
		expect(lookups.map((request) => [request.path, request.query.expand])).toEqual([
			[`/v1/opportunities/${S.opportunities.adaBackend}`, 'applications'],
			[`/v1/opportunities/${S.opportunities.adaData}`, 'applications'],
		]);
	});

	it('ignores events the node was not set up for', async () => {
		const trigger = await activeTrigger(
			{ registration: 'manual', events: ['candidateHired'] },
			{ webhookSignatureTokens: sim.accountSignatureToken },
		);
		const [result] = await sim.sendWebhook(
			'contactUpdated',
			{ contactId: S.contacts.ada },
			{ to: trigger.webhookUrl },
		);
		expect(result.status).toBe(200);
		expect(trigger.deliveries[0].run).toBeUndefined();
	});
});

describe('Lever Trigger: filter choices in the editor', () => {
	it('lists stages in pipeline order and every posting, closed and confidential ones included', async () => {
		fixture = await startTriggerFixture(sim, { events: ['candidateStageChange'] });
		const context = fixture.engine.loadOptionsContext(
			fixture.workflow,
			{ nodes: [fixture.node], connections: {} } as never,
			fixture.node,
		);
		const { getStages, getPostings } = new LeverTrigger().methods.loadOptions;

		const stages = await getStages.call(context);
		expect(stages.map((stage) => stage.value)).toEqual(sim.state.stages.map((stage) => stage.id));

		const postings = await getPostings.call(context);
		expect(postings.map((posting) => posting.value).sort()).toEqual(
			Object.values(S.postings).sort(),
		);
		expect(postings.find((posting) => posting.value === S.postings.closed)?.name).toMatch(
			/\(closed/,
		);
	});
});

/** An OAuth2 connection whose consent covered only `scopes`, through the simulator's authorization-code flow. */
async function oauthCredentials(scopes: string[]): Promise<IDataObject> {
	const redirectUri = 'http://127.0.0.1/callback';
	const authorize = new URL(sim.oauth.authorizeUrl);
	for (const [key, value] of Object.entries({
		client_id: sim.oauth.clientId,
		redirect_uri: redirectUri,
		response_type: 'code',
		state: 'test-state',
		audience: sim.oauth.audience,
		scope: scopes.join(' '),
	})) {
		authorize.searchParams.set(key, value);
	}
	const redirect = await fetch(authorize, { redirect: 'manual' });
	const code = new URL(redirect.headers.get('location')!).searchParams.get('code')!;
	const tokenResponse = await fetch(sim.oauth.tokenUrl, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({
			grant_type: 'authorization_code',
			client_id: sim.oauth.clientId,
			client_secret: sim.oauth.clientSecret,
			code,
			redirect_uri: redirectUri,
		}),
	});
	const oauthTokenData = (await tokenResponse.json()) as IDataObject;
	return {
		environment: 'custom',
		customUrl: sim.baseUrl,
		allowHttpWebhookUrls: true,
		customAuthUrl: sim.oauth.authorizeUrl,
		customAccessTokenUrl: sim.oauth.tokenUrl,
		customAudience: sim.oauth.audience,
		clientId: sim.oauth.clientId,
		clientSecret: sim.oauth.clientSecret,
		oauthTokenData,
	};
}

describe('Lever Trigger: credentials without webhook permission', () => {
	it('explains how to add the webhook by hand, naming the URL, when Lever answers 403', async () => {
		fixture = await startTriggerFixture(
			sim,
			{ authentication: 'oAuth2', events: ['candidateHired'] },
			{},
			{ leverOAuth2Api: await oauthCredentials(['offline_access', 'opportunities:read:admin']) },
		);
		const failure = fixture.activate();
		await expect(failure).rejects.toThrow(
			'Lever refused to manage webhooks with this credential (403)',
		);
		await expect(failure).rejects.toMatchObject({
			description: expect.stringContaining(fixture.webhookUrl),
		});
		expect(ourWebhooks(fixture.webhookUrl)).toHaveLength(0);
	});

	it('registers and verifies webhooks over OAuth2 when the webhooks scope was granted', async () => {
		fixture = await startTriggerFixture(
			sim,
			{ authentication: 'oAuth2', events: ['candidateHired'] },
			{},
			{ leverOAuth2Api: await oauthCredentials(['offline_access', 'webhooks:write:admin']) },
		);
		await fixture.activate();
		expect(ourWebhooks(fixture.webhookUrl)).toHaveLength(1);
		const [result] = await sim.sendWebhook('candidateHired', {
			opportunityId: S.opportunities.alanHired,
		});
		expect(result.status).toBe(200);
		expect(outputOf(fixture.deliveries.at(-1)!.run)).toHaveLength(1);
	});
});

/** A simulator of its own for one describe block (other options than the shared one), and the trigger its test starts. */
function ownSimulator(options: LeverSimulatorOptions) {
	const own = {} as { sim: LeverSimulator; fixture?: TriggerFixture };
	beforeAll(async () => {
		own.sim = await startLeverSimulator({
			webhookRetryDelaysMs: [1, 1, 1, 1, 1],
			allowInsecureWebhookUrls: true,
			...options,
		});
	});
	afterAll(async () => {
		await own.fixture?.close();
		await own.sim.close();
	});
	return own;
}

describe('Lever Trigger: one signature token for the whole account', () => {
	// ⚠ lever.md §4: it is unclear whether Lever's token is per webhook or per account; both must work.
	const account = ownSimulator({ webhookTokenScope: 'account' });

	it('verifies deliveries for every event with the shared token returned at registration', async () => {
		const { sim: accountSim } = account;
		const accountFixture = (account.fixture = await startTriggerFixture(accountSim, {
			events: ['candidateHired', 'contactCreated'],
		}));
		await accountFixture.activate();
		const stored = accountFixture.nodeStaticData().webhooks as Array<{ signatureToken: string }>;
		expect(stored.map((webhook) => webhook.signatureToken)).toEqual([
			accountSim.accountSignatureToken,
			accountSim.accountSignatureToken,
		]);

		const [hired] = await accountSim.sendWebhook('candidateHired', {
			opportunityId: S.opportunities.alanHired,
		});
		const [contact] = await accountSim.sendWebhook('contactCreated', { contactId: S.contacts.ada });
		expect([hired.status, contact.status]).toEqual([200, 200]);
		expect(accountFixture.deliveries.map((delivery) => outputOf(delivery.run)[0]?.event)).toEqual([
			'candidateHired',
			'contactCreated',
		]);
	});
});

describe('Lever Trigger: webhook URL', () => {
	it('refuses a plain-http webhook URL before registering anything, with a message that says what to do', async () => {
		for (const credential of [
			{ allowHttpWebhookUrls: false },
			{ environment: 'production', allowHttpWebhookUrls: true },
		]) {
			fixture = await startTriggerFixture(sim, { events: ['candidateHired'] }, credential);
			const failure = fixture.activate();
			await expect(failure).rejects.toThrow(
				"Lever only delivers to https URLs: set n8n's webhook URL to an https address",
			);
			await expect(failure).rejects.toMatchObject({
				description: expect.stringContaining(
					`This trigger's webhook URL is ${fixture.webhookUrl}.`,
				),
			});
			await fixture.close();
			fixture = undefined;
		}
		// Refused before any call: no listing, no registration (a Production credential never reached the network).
		expect(sim.requests.filter((request) => request.path.startsWith('/v1/webhooks'))).toEqual([]);
		expect(sim.state.webhooks).toEqual([]);
	});
});

describe("Lever Trigger: the docs' double-nested create answer", () => {
	const documented = ownSimulator({ webhookCreateShape: 'documented' });

	it('keeps the webhook id and signature token from {data: {data: {…}}}, verifies deliveries and deregisters', async () => {
		const { sim: documentedSim } = documented;
		const documentedFixture = (documented.fixture = await startTriggerFixture(documentedSim, {
			events: ['candidateHired'],
		}));
		await documentedFixture.activate();
		const [webhook] = documentedSim.state.webhooks;
		expect(documentedFixture.nodeStaticData().webhooks).toEqual([
			{ id: webhook.id, event: 'candidateHired', signatureToken: webhook.signatureToken },
		]);

		const [delivery] = await documentedSim.sendWebhook('candidateHired', {
			opportunityId: S.opportunities.alanHired,
		});
		expect(delivery).toMatchObject({ status: 200, attempts: 1 });
		expect(outputOf(documentedFixture.deliveries[0].run)).toEqual([
			expect.objectContaining({ event: 'candidateHired' }),
		]);

		expect(await documentedFixture.deactivate()).toBe(true);
		expect(documentedSim.state.webhooks).toEqual([]);
	});
});
