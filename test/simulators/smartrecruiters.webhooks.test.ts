/** Webhooks API of the SmartRecruiters simulator: subscriptions, X-Hook-Secret handshake, secret keys, signed deliveries. */
import { startSmartRecruitersSimulator, type SmartRecruitersSimulator } from './smartrecruiters';
import { client } from './smartrecruiters/client';
import {
	startTestReceiver,
	type ReceivedCall,
	type TestReceiver,
} from './smartrecruiters/receiver';
import { signatureV1 } from './smartrecruiters/signature';

const WEBHOOKS = '/webhooks-api/v201907';
const DAY_MS = 24 * 60 * 60 * 1000;

/** The v1 digests a receiver would check, recomputed from what it received. */
function signedWith(call: ReceivedCall, key: string): string {
	const header = (name: string) => (call.headers[name] as string | undefined) ?? '';
	return signatureV1(key, {
		timestamp: header('smartrecruiters-timestamp'),
		rawBody: call.rawBody,
		eventId: header('event-id'),
		eventName: header('event-name'),
		eventVersion: header('event-version'),
		link: header('link'),
	});
}

const segments = (call: ReceivedCall) =>
	String(call.headers['smartrecruiters-signature'] ?? '')
		.split(';')
		.filter(Boolean);

describe('SmartRecruiters simulator — webhooks', () => {
	let sim: SmartRecruitersSimulator;
	let api: ReturnType<typeof client>;
	const receivers: TestReceiver[] = [];

	beforeAll(async () => {
		// Test receivers listen on plain http (no TLS), so this simulator takes loopback http callback URLs.
		sim = await startSmartRecruitersSimulator({
			rateLimit: false,
			allowInsecureWebhookUrls: true,
			webhooks: { handshakeTimeoutMs: 1000, deliveryTimeoutMs: 1000, retryDelaysMs: [10, 20] },
		});
		api = client(sim);
	});
	afterAll(async () => {
		await sim.close();
		await Promise.all(receivers.map((receiver) => receiver.close()));
	});
	beforeEach(() => sim.reset());
	afterEach(() => expect(sim.contractViolations).toEqual([]));

	async function receiver(behaviour?: Parameters<typeof startTestReceiver>[0]) {
		const started = await startTestReceiver(behaviour);
		receivers.push(started);
		return started;
	}

	async function activeSubscription(
		target: TestReceiver,
		events: string[],
		options: { secretKeys?: number; body?: object } = {},
	) {
		const created = await api('POST', `${WEBHOOKS}/subscriptions`, {
			body: { callbackUrl: target.url, events, ...options.body },
		});
		const id = created.body.id as string;
		expect((await api('PUT', `${WEBHOOKS}/subscriptions/${id}/activation`)).status).toBe(204);
		const keys: string[] = [];
		for (let index = 0; index < (options.secretKeys ?? 1); index++) {
			keys.push((await api('POST', `${WEBHOOKS}/subscriptions/${id}/secret-key`)).body.secretKey);
		}
		return { id, keys };
	}

	it('creates inactive subscriptions with events as {name, version} and lists them page by page', async () => {
		const target = await receiver();
		const created = await api('POST', `${WEBHOOKS}/subscriptions`, {
			body: {
				callbackUrl: target.url,
				events: ['candidate.created', 'application.status.updated'],
			},
		});
		expect(created.status).toBe(201);
		expect(created.body).toEqual({
			id: expect.any(String),
			callbackUrl: target.url,
			events: [
				{ name: 'candidate.created', version: 'v1' },
				{ name: 'application.status.updated', version: 'v1' },
			],
			status: 'inactive',
		});
		await api('POST', `${WEBHOOKS}/subscriptions`, {
			body: { callbackUrl: target.url, events: ['job.created'] },
		});
		await api('POST', `${WEBHOOKS}/subscriptions`, {
			body: { callbackUrl: target.url, events: ['job.updated'] },
		});
		const first = await api('GET', `${WEBHOOKS}/subscriptions`, { query: { limit: 2 } });
		expect(first.body).toHaveLength(2);
		const next = /<([^>]+)>; rel="next"/.exec(first.headers.get('link') ?? '')![1];
		expect(new URL(next).searchParams.get('limit')).toBe('2');
		const second = await api('GET', new URL(next).pathname + new URL(next).search);
		expect(
			second.body.map(
				(subscription: { events: Array<{ name: string }> }) => subscription.events[0].name,
			),
		).toEqual(['job.updated']);
		expect(second.headers.get('link')).toBeNull();
		expect((await api('DELETE', `${WEBHOOKS}/subscriptions/${created.body.id}`)).status).toBe(204);
		expect((await api('GET', `${WEBHOOKS}/subscriptions/${created.body.id}`)).status).toBe(404);
	});

	it('limits a subscriber to 20 subscriptions', async () => {
		const target = await receiver();
		for (let index = 0; index < 20; index++) {
			expect(
				(
					await api('POST', `${WEBHOOKS}/subscriptions`, {
						body: { callbackUrl: target.url, events: ['job.created'] },
					})
				).status,
			).toBe(201);
		}
		const refused = await api('POST', `${WEBHOOKS}/subscriptions`, {
			body: { callbackUrl: target.url, events: ['job.created'] },
		});
		expect(refused.status).toBe(403);
		expect(refused.body.errors[0].code).toBe('SUBSCRIPTIONS_LIMIT_EXCEEDED');
	});

	it('activates only after the callback echoes X-Hook-Secret with 200; 409 when already active', async () => {
		const good = await receiver();
		const created = await api('POST', `${WEBHOOKS}/subscriptions`, {
			body: { callbackUrl: good.url, events: ['candidate.created'] },
		});
		expect(
			(await api('PUT', `${WEBHOOKS}/subscriptions/${created.body.id}/activation`)).status,
		).toBe(204);
		expect(good.handshakes).toHaveLength(1);
		expect(good.handshakes[0].headers['x-hook-secret']).toMatch(/^[0-9a-f]{32}$/);
		expect((await api('GET', `${WEBHOOKS}/subscriptions/${created.body.id}`)).body.status).toBe(
			'active',
		);
		const again = await api('PUT', `${WEBHOOKS}/subscriptions/${created.body.id}/activation`);
		expect(again.status).toBe(409);

		for (const handshake of ['wrong-secret', 'no-header', 500] as const) {
			const bad = await receiver({ handshake });
			const subscription = await api('POST', `${WEBHOOKS}/subscriptions`, {
				body: { callbackUrl: bad.url, events: ['candidate.created'] },
			});
			const failed = await api(
				'PUT',
				`${WEBHOOKS}/subscriptions/${subscription.body.id}/activation`,
			);
			expect(failed.status).toBe(424);
			expect(failed.body.errors[0].code).toBe('HANDSHAKE_FAILED');
			expect(
				(await api('GET', `${WEBHOOKS}/subscriptions/${subscription.body.id}`)).body.status,
			).toBe('inactive');
		}
		const closed = await receiver();
		await closed.close();
		const unreachable = await api('POST', `${WEBHOOKS}/subscriptions`, {
			body: { callbackUrl: closed.url, events: ['candidate.created'] },
		});
		expect(
			(await api('PUT', `${WEBHOOKS}/subscriptions/${unreachable.body.id}/activation`)).status,
		).toBe(424);
	});

	it('delivers thin, signed payloads with the documented headers to active subscriptions only', async () => {
		const target = await receiver();
		const inactiveTarget = await receiver();
		await api('POST', `${WEBHOOKS}/subscriptions`, {
			body: { callbackUrl: inactiveTarget.url, events: ['application.status.updated'] },
		});
		const { keys } = await activeSubscription(target, ['application.status.updated']);
		const { candidates, jobs, applications } = sim.seed;
		const payload = {
			job_id: jobs.backendEngineer,
			candidate_id: candidates.jane,
			application_id: applications.janeBackendEngineer,
		};
		const results = await sim.deliverEvent('application.status.updated', payload);
		expect(results).toEqual([{ url: target.url, status: 202, attempts: 1 }]);
		expect(inactiveTarget.deliveries).toHaveLength(0);
		const [call] = target.deliveries;
		expect(JSON.parse(call.rawBody)).toEqual(payload);
		expect(call.headers).toMatchObject({
			'content-type': 'application/json',
			'event-name': 'application.status.updated',
			'event-version': 'v201910',
			'event-id': expect.stringMatching(/^[0-9a-f-]{36}$/),
			link: `<${sim.baseUrl}/candidates/${candidates.jane}/jobs/${jobs.backendEngineer}>; rel=self`,
			'smartrecruiters-timestamp': expect.stringMatching(/^\d{10}$/),
		});
		expect(segments(call)).toEqual([`v1=${signedWith(call, keys[0])}`]);
		// The Link target is a real route of the simulator.
		const linked = call.headers.link as string;
		const application = await api('GET', new URL(linked.slice(1, linked.indexOf('>'))).pathname);
		expect(application.body).toMatchObject({
			applicationId: applications.janeBackendEngineer,
			status: 'INTERVIEW',
		});
	});

	it('sends no Link for deleted candidates and no signature headers while the subscription has no key', async () => {
		const target = await receiver();
		await activeSubscription(target, ['candidate.deleted'], { secretKeys: 0 });
		await sim.deliverEvent('candidate.deleted', { id: sim.seed.candidates.tom });
		const [call] = target.deliveries;
		expect(call.headers.link).toBeUndefined();
		expect(call.headers['smartrecruiters-signature']).toBeUndefined();
		expect(call.headers['smartrecruiters-timestamp']).toBeUndefined();
		expect(call.headers['event-name']).toBe('candidate.deleted');
	});

	it('signs with every key still valid during rotation (one v1 segment each) until the old key expires after 24 h', async () => {
		const target = await receiver();
		const { id, keys } = await activeSubscription(target, ['candidate.updated'], { secretKeys: 2 });
		expect((await api('GET', `${WEBHOOKS}/subscriptions/${id}/secret-key`)).body).toEqual({
			secretKey: keys[1],
		});
		await sim.deliverEvent('candidate.updated', { id: sim.seed.candidates.jane });
		expect(segments(target.deliveries[0]).sort()).toEqual(
			[
				`v1=${signedWith(target.deliveries[0], keys[0])}`,
				`v1=${signedWith(target.deliveries[0], keys[1])}`,
			].sort(),
		);
		sim.advanceTime(DAY_MS + 1000);
		await sim.deliverEvent('candidate.updated', { id: sim.seed.candidates.jane });
		expect(segments(target.deliveries[1])).toEqual([
			`v1=${signedWith(target.deliveries[1], keys[1])}`,
		]);
	});

	it('allows at most 16 non-expired secret keys', async () => {
		const target = await receiver();
		const { id } = await activeSubscription(target, ['candidate.updated'], { secretKeys: 16 });
		const refused = await api('POST', `${WEBHOOKS}/subscriptions/${id}/secret-key`);
		expect(refused.status).toBe(403);
		expect(refused.body.errors[0].code).toBe('SECRET_KEYS_LIMIT_EXCEEDED');
		sim.advanceTime(DAY_MS + 1000);
		expect((await api('POST', `${WEBHOOKS}/subscriptions/${id}/secret-key`)).status).toBe(201);
	});

	it('retries until a 202 arrives, with the same event-id, and gives up after the retry schedule', async () => {
		const flaky = await receiver({ respond: (_call, index) => (index < 2 ? 500 : 202) });
		await activeSubscription(flaky, ['offer.created']);
		const { candidates, jobs, offers } = sim.seed;
		const payload = {
			job_id: jobs.dataAnalyst,
			candidate_id: candidates.john,
			offer_id: offers.johnDataAnalyst,
		};
		expect(await sim.deliverEvent('offer.created', payload, { eventId: 'evt-42' })).toEqual([
			{ url: flaky.url, status: 202, attempts: 3 },
		]);
		expect(flaky.deliveries.map((call) => call.headers['event-id'])).toEqual([
			'evt-42',
			'evt-42',
			'evt-42',
		]);

		const wrongStatus = await receiver({ respond: () => 200 });
		await activeSubscription(wrongStatus, ['offer.updated']);
		expect(await sim.deliverEvent('offer.updated', payload)).toEqual([
			{ url: wrongStatus.url, status: 200, attempts: 3 },
		]);
		const log = sim.state.deliveries.find((delivery) => delivery.eventName === 'offer.updated')!;
		expect(log.delivered).toBe(false);
	});

	it('lets tests tamper with the body, pin the timestamp and override the Link', async () => {
		const target = await receiver();
		const { keys } = await activeSubscription(target, ['review.created']);
		const payload = {
			application_id: sim.seed.applications.janeBackendEngineer,
			review_id: sim.seed.reviews.janeBackendEngineer,
		};
		await sim.deliverEvent('review.created', payload, {
			tamper: true,
			timestamp: 1574080897,
			link: 'https://example.com/elsewhere',
		});
		const [call] = target.deliveries;
		expect(call.headers['smartrecruiters-timestamp']).toBe('1574080897');
		expect(call.headers.link).toBe('<https://example.com/elsewhere>; rel=self');
		expect(segments(call)).not.toContain(`v1=${signedWith(call, keys[0])}`);
		expect(JSON.parse(call.rawBody)).toMatchObject(payload);
	});

	it('adds callback authentication headers and keeps them out of the callbacks log and request log', async () => {
		const target = await receiver();
		const { id } = await activeSubscription(target, ['job.created'], {
			body: {
				callbackAuthentication: {
					type: 'header',
					headerName: 'X-Receiver-Key',
					headerValue: 'receiver-secret-1',
				},
			},
		});
		expect(target.handshakes[0].headers['x-receiver-key']).toBe('receiver-secret-1');
		await sim.deliverEvent('job.created', { id: sim.seed.jobs.marketingIntern });
		expect(target.deliveries[0].headers['x-receiver-key']).toBe('receiver-secret-1');
		const log = await api('GET', `${WEBHOOKS}/subscriptions/${id}/callbacks-log`);
		expect(log.body).toEqual([
			{
				status: 'successful',
				timestamp: expect.any(String),
				requestDetails: {
					url: target.url,
					body: `{"id":"${sim.seed.jobs.marketingIntern}"}`,
					headers: expect.any(Object),
				},
			},
		]);
		expect(JSON.stringify(log.body)).not.toContain('receiver-secret-1');
		expect(JSON.stringify(sim.requests)).not.toContain('receiver-secret-1');
	});

	it('refuses event names that are not in the spec', async () => {
		await expect(sim.deliverEvent('interview.created', { id: 'x' })).rejects.toThrow(
			'not an event name',
		);
	});

	it('with autoEvents, announces changes made through the API like the real service', async () => {
		const auto = await startSmartRecruitersSimulator({
			rateLimit: false,
			autoEvents: true,
			allowInsecureWebhookUrls: true,
		});
		const autoApi = client(auto);
		const target = await receiver();
		try {
			const created = await autoApi('POST', `${WEBHOOKS}/subscriptions`, {
				body: {
					callbackUrl: target.url,
					events: ['candidate.created', 'application.created', 'application.status.updated'],
				},
			});
			await autoApi('PUT', `${WEBHOOKS}/subscriptions/${created.body.id}/activation`);
			const { jobs } = auto.seed;
			const candidate = await autoApi('POST', `/jobs/${jobs.productDesigner}/candidates`, {
				body: { firstName: 'Eve', lastName: 'Auto', email: 'eve@example.com' },
			});
			await autoApi('PUT', `/candidates/${candidate.body.id}/jobs/${jobs.productDesigner}/status`, {
				body: { status: 'IN_REVIEW', subStatus: 'Screening call' },
			});
			await autoApi('PATCH', `/candidates/${candidate.body.id}`, {
				body: { phoneNumber: '+1 555 0123' },
			});
			await auto.settled();
			const applicationId = auto.state.applications.find(
				(application) => application.candidateId === candidate.body.id,
			)!.id;
			expect(
				target.deliveries.map((call) => [call.headers['event-name'], JSON.parse(call.rawBody)]),
			).toEqual([
				['candidate.created', { id: candidate.body.id }],
				[
					'application.created',
					{
						job_id: jobs.productDesigner,
						candidate_id: candidate.body.id,
						application_id: applicationId,
					},
				],
				[
					'application.status.updated',
					{
						job_id: jobs.productDesigner,
						candidate_id: candidate.body.id,
						application_id: applicationId,
					},
				],
			]);
			expect(auto.contractViolations).toEqual([]);
		} finally {
			await auto.close();
		}
	});
});
