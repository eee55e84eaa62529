import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { LEVER_SEED, startLeverSimulator, type LeverSimulator } from '..';
import { client } from './helpers';

interface Received {
	headers: Record<string, string | string[] | undefined>;
	body: {
		id: string;
		event: string;
		triggeredAt: number;
		data: Record<string, unknown>;
		token: string;
		signature: string;
	};
}

/** A receiver that answers with the given statuses in turn (the last one repeats). */
async function startReceiver(statuses: number[] = [200]) {
	const received: Received[] = [];
	const server: Server = createServer((req, res) => {
		let raw = '';
		req.on('data', (chunk) => (raw += chunk));
		req.on('end', () => {
			received.push({ headers: req.headers, body: JSON.parse(raw) });
			const status = statuses[Math.min(received.length - 1, statuses.length - 1)];
			if (status >= 300 && status < 400) res.setHeader('Location', 'https://elsewhere.example/');
			res.writeHead(status).end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/lever`;
	return {
		url,
		received,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

/** The documented verification: HMAC-SHA256(signatureToken, token + triggeredAt) hex, compared in constant time. */
function verify(body: Received['body'], signatureToken: string): boolean {
	const expected = Buffer.from(
		createHmac('sha256', signatureToken)
			.update(body.token + body.triggeredAt)
			.digest('hex'),
	);
	const given = Buffer.from(body.signature);
	return expected.length === given.length && timingSafeEqual(expected, given);
}

describe('Lever simulator: webhooks', () => {
	let sim: LeverSimulator;
	let receiver: Awaited<ReturnType<typeof startReceiver>>;

	beforeAll(async () => {
		sim = await startLeverSimulator({
			rateLimit: false,
			autoWebhooks: true,
			allowInsecureWebhookUrls: true,
		});
	});
	afterAll(() => sim.close());
	beforeEach(() => sim.reset());
	afterEach(() => receiver?.close());

	async function register(url: string, event: string, configuration?: unknown) {
		return client(sim).post('/webhooks', {
			url,
			event,
			...(configuration ? { configuration } : {}),
		});
	}

	it('registers a webhook, returns its signature token only once, and deletes it', async () => {
		receiver = await startReceiver();
		const created = await register(receiver.url, 'candidateHired');
		expect(created.status).toBe(201);
		expect(created.data.data).toEqual({
			id: expect.any(String),
			event: 'candidateHired',
			url: receiver.url,
			configuration: {
				conditions: {
					origins: ['applied', 'sourced', 'referred', 'university', 'agency', 'internal'],
				},
				signatureToken: expect.stringMatching(/^[0-9a-f]{48}$/),
			},
			createdAt: expect.any(Number),
			updatedAt: expect.any(Number),
		});
		const listed = await client(sim).get('/webhooks');
		expect(listed.data.data).toHaveLength(1);
		expect(JSON.stringify(listed.data)).not.toContain(
			created.data.data.configuration.signatureToken,
		);
		expect((await client(sim).delete(`/webhooks/${created.data.data.id}`)).status).toBe(204);
		expect((await client(sim).get('/webhooks')).data.data).toEqual([]);
		expect((await client(sim).delete(`/webhooks/${created.data.data.id}`)).status).toBe(404);
	});

	it.each([
		[{ url: 'https://example.com/hook', event: 'offerCreated' }, /event/],
		[{ url: 'not a url', event: 'candidateHired' }, /url/],
		// Loopback http is the test option's only exception; any other plain-http URL is refused as by Lever.
		[{ url: 'http://example.com/hook', event: 'candidateHired' }, /only supports HTTPS/],
		[{ event: 'candidateHired' }, /url/],
		[
			{
				url: 'https://example.com/hook',
				event: 'contactCreated',
				configuration: { conditions: { origins: ['applied'] } },
			},
			/conditions/,
		],
		[
			{
				url: 'https://example.com/hook',
				event: 'candidateHired',
				configuration: { conditions: { origins: ['linkedin'] } },
			},
			/origins/,
		],
	])('rejects an invalid registration %j', async (body, message) => {
		const response = await client(sim).post('/webhooks', body);
		expect(response.status).toBe(400);
		expect(response.data.code).toBe('BadRequest');
		expect(response.data.message).toMatch(message);
	});

	it('delivers Lever-signed envelopes that the documented algorithm verifies', async () => {
		receiver = await startReceiver();
		const token = (await register(receiver.url, 'candidateStageChange')).data.data.configuration
			.signatureToken as string;
		const data = {
			opportunityId: LEVER_SEED.opportunities.adaBackend,
			candidateId: LEVER_SEED.opportunities.adaBackend,
			contactId: LEVER_SEED.contacts.ada,
			toStageId: 'offer',
			fromStageId: LEVER_SEED.stages.phoneInterview,
		};
		const results = await sim.sendWebhook('candidateStageChange', data, {
			triggeredAt: 1431454330072,
		});
		expect(results).toEqual([{ url: receiver.url, status: 200, attempts: 1 }]);
		const [delivery] = receiver.received;
		expect(delivery.headers['user-agent']).toBe('Lever-Webhooks');
		expect(delivery.headers['content-type']).toMatch(/^application\/json/);
		expect(delivery.body).toEqual({
			id: expect.any(String),
			event: 'candidateStageChange',
			triggeredAt: 1431454330072,
			data,
			token: expect.stringMatching(/^\w{48}$/),
			signature: expect.stringMatching(/^[0-9a-f]{64}$/),
		});
		expect(verify(delivery.body, token)).toBe(true);
		// signature is over token + triggeredAt, not the raw body
		expect(verify({ ...delivery.body, triggeredAt: delivery.body.triggeredAt + 1 }, token)).toBe(
			false,
		);
		expect(verify(delivery.body, 'another-token')).toBe(false);
		expect(sim.state.deliveries).toEqual([
			expect.objectContaining({
				event: 'candidateStageChange',
				delivered: true,
				attempts: 1,
				status: 200,
			}),
		]);
	});

	it('sends tampered signatures on request, and only to webhooks of that event', async () => {
		receiver = await startReceiver();
		const token = (await register(receiver.url, 'candidateHired')).data.data.configuration
			.signatureToken as string;
		expect(await sim.sendWebhook('contactCreated', { contactId: 'x' })).toEqual([]);
		await sim.sendWebhook(
			'candidateHired',
			{ opportunityId: LEVER_SEED.opportunities.alanHired },
			{ tamper: true },
		);
		expect(receiver.received).toHaveLength(1);
		expect(verify(receiver.received[0].body, token)).toBe(false);
		await expect(sim.sendWebhook('offerCreated', {})).rejects.toThrow(
			/Unknown Lever webhook event/,
		);
	});

	it('retries a failing receiver 5 times with the same id and token, counting 3xx as failure', async () => {
		receiver = await startReceiver([500, 302, 503, 200]);
		await register(receiver.url, 'candidateHired');
		const [result] = await sim.sendWebhook('candidateHired', {});
		expect(result).toEqual({ url: receiver.url, status: 200, attempts: 4 });
		expect(new Set(receiver.received.map((r) => r.body.id)).size).toBe(1);
		expect(new Set(receiver.received.map((r) => r.body.token)).size).toBe(1);
		await receiver.close();

		receiver = await startReceiver([410]);
		const [gone] = await sim.sendWebhook('candidateHired', {}, { to: receiver.url });
		expect(gone).toEqual({ url: receiver.url, status: 410, attempts: 6 });
		expect(receiver.received).toHaveLength(6);
		expect(sim.state.deliveries.at(-1)).toMatchObject({ delivered: false, attempts: 6 });
	});

	it('filters by origin conditions and emits events for API state changes', async () => {
		receiver = await startReceiver();
		await register(receiver.url, 'candidateStageChange', { conditions: { origins: ['applied'] } });
		const api = client(sim);
		// adaBackend is sourced: filtered out; graceArchived applied: delivered
		await api.put(`/opportunities/${LEVER_SEED.opportunities.adaBackend}/stage`, {
			stage: 'offer',
		});
		await api.put(`/opportunities/${LEVER_SEED.opportunities.graceArchived}/stage`, {
			stage: 'offer',
		});
		// deliveries are recorded when the event fires, before the POST goes out
		expect(sim.state.deliveries.map((delivery) => delivery.event)).toEqual([
			'candidateStageChange',
		]);
		for (let waited = 0; !sim.state.deliveries[0].delivered && waited < 2000; waited += 10)
			await new Promise((resolve) => setTimeout(resolve, 10));
		expect(receiver.received.map((r) => r.body.data)).toEqual([
			{
				opportunityId: LEVER_SEED.opportunities.graceArchived,
				candidateId: LEVER_SEED.opportunities.graceArchived,
				contactId: LEVER_SEED.contacts.grace,
				toStageId: 'offer',
				fromStageId: LEVER_SEED.stages.recruiterScreen,
			},
		]);
	});
});

describe('Lever simulator: account-wide signature token', () => {
	it('signs every webhook with one account token when webhookTokenScope is account', async () => {
		const sim = await startLeverSimulator({
			rateLimit: false,
			webhookTokenScope: 'account',
			allowInsecureWebhookUrls: true,
		});
		const receiver = await startReceiver();
		try {
			const a = await client(sim).post('/webhooks', { url: receiver.url, event: 'candidateHired' });
			const b = await client(sim).post('/webhooks', {
				url: `${receiver.url}/2`,
				event: 'contactCreated',
			});
			expect(a.data.data.configuration.signatureToken).toBe(sim.accountSignatureToken);
			expect(b.data.data.configuration.signatureToken).toBe(sim.accountSignatureToken);
			await sim.sendWebhook('candidateHired', {});
			expect(verify(receiver.received[0].body, sim.accountSignatureToken)).toBe(true);
		} finally {
			await receiver.close();
			await sim.close();
		}
	});
});

describe('Lever simulator: webhook URLs and the create answer', () => {
	it('refuses plain-http URLs, loopback ones too, unless started with allowInsecureWebhookUrls', async () => {
		const strict = await startLeverSimulator({ rateLimit: false });
		const receiver = await startReceiver();
		try {
			const refused = await client(strict).post('/webhooks', {
				url: receiver.url,
				event: 'candidateHired',
			});
			expect(refused.status).toBe(400);
			expect(refused.data).toEqual({
				code: 'BadRequest',
				message: 'Invalid value for field "url": Lever only supports HTTPS endpoints',
			});
			expect(strict.state.webhooks).toEqual([]);

			const created = await client(strict).post('/webhooks', {
				url: 'https://n8n.example.com/webhook/lever',
				event: 'candidateHired',
			});
			expect(created.status).toBe(201);
			const moved = await client(strict).put('/webhooks', {
				data: [{ id: created.data.data.id, url: receiver.url }],
			});
			expect(moved.status).toBe(400);
			expect(strict.state.webhooks.map((webhook) => webhook.url)).toEqual([
				'https://n8n.example.com/webhook/lever',
			]);
		} finally {
			await receiver.close();
			await strict.close();
		}
	});

	it("answers POST /webhooks in the docs' double-nested shape with webhookCreateShape 'documented'", async () => {
		const documented = await startLeverSimulator({
			rateLimit: false,
			webhookCreateShape: 'documented',
		});
		try {
			const created = await client(documented).post('/webhooks', {
				url: 'https://n8n.example.com/webhook/lever',
				event: 'candidateHired',
			});
			expect(created.status).toBe(201);
			expect(Object.keys(created.data)).toEqual(['data']);
			expect(created.data.data.data).toMatchObject({
				id: documented.state.webhooks[0].id,
				configuration: { signatureToken: documented.state.webhooks[0].signatureToken },
			});
		} finally {
			await documented.close();
		}
	});
});
