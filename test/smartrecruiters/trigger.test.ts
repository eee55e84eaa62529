/**
 * SmartRecruiters Trigger through n8n's engine with a real HTTP receiver: subscription + X-Hook-Secret handshake +
 * secret key on activation, signature checks on every delivery, replay protection, the status filter, and removal.
 */
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { signV1 } from '../../nodes/SmartRecruiters/trigger/signature';
import { startSmartRecruitersSimulator } from '../simulators/smartrecruiters';
import type { WebhookReceiver } from './helpers';
import { apiKeyCredentials, byId, runSmartRecruiters, startWebhookReceiver } from './helpers';

type Simulator = Awaited<ReturnType<typeof startSmartRecruitersSimulator>>;

let sim: Simulator;
let receiver: WebhookReceiver;
let credentials: Record<string, ICredentialDataDecryptedObject>;

/** The receivers listen on plain http on loopback: the credential (and the simulator) opt in to that. */
const httpCredentials = () => apiKeyCredentials(sim, { allowHttpWebhookUrls: true });

beforeAll(async () => {
	sim = await startSmartRecruitersSimulator({ allowInsecureWebhookUrls: true });
	credentials = httpCredentials();
	receiver = await startWebhookReceiver(
		{ events: ['application.status.updated', 'candidate.created'] },
		credentials,
	);
});

afterEach(() => {
	expect(sim.contractViolations).toEqual([]);
});

afterAll(async () => {
	await receiver.close();
	await sim.close();
});

const state = () =>
	receiver.staticData['node:SmartRecruiters Trigger'] as IDataObject & {
		secretKeys: Array<{ key: string }>;
	};
const subscription = () => sim.state.subscriptions.find((s) => s.id === state().subscriptionId);

/** Posts a delivery the way SmartRecruiters does, signed with the given keys. */
async function postDelivery(
	body: string,
	headers: Record<string, string>,
	keys: string[],
	timestamp = Math.floor(Date.now() / 1000),
) {
	const delivery = {
		timestamp: String(timestamp),
		rawBody: body,
		eventId: headers['event-id'] ?? '',
		eventName: headers['event-name'] ?? '',
		eventVersion: headers['event-version'] ?? '',
		link: headers.link ?? '',
	};
	const signature = keys.map((key) => `v1=${signV1(key, delivery)}`).join(';');
	const response = await fetch(receiver.url, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			...headers,
			'smartrecruiters-timestamp': String(timestamp),
			...(signature ? { 'smartrecruiters-signature': signature } : {}),
		},
		body,
	});
	return response.status;
}

const candidateCreated = (id: string, eventId: string) => ({
	body: JSON.stringify({ id }),
	headers: {
		'event-id': eventId,
		'event-name': 'candidate.created',
		'event-version': 'v201910',
		link: `<${sim.baseUrl}/candidates/${id}>; rel=self`,
	},
});

describe('SmartRecruiters Trigger', () => {
	it('activates: subscription, X-Hook-Secret handshake answered by webhook(), secret key kept in static data', async () => {
		expect(await receiver.webhookMethod('checkExists')).toBe(false);
		expect(await receiver.webhookMethod('create')).toBe(true);
		expect(subscription()).toMatchObject({
			callbackUrl: receiver.url,
			status: 'active',
			events: ['application.status.updated', 'candidate.created'],
		});
		expect(state().secretKeys).toHaveLength(1);
		expect(subscription()!.secretKeys.map((k) => k.key)).toEqual([state().secretKeys[0].key]);
		expect(await receiver.webhookMethod('checkExists')).toBe(true);
		expect(receiver.triggered).toEqual([]);
	});

	it('accepts a signed delivery with 202 and starts one run with the event', async () => {
		const results = await sim.deliverEvent(
			'candidate.created',
			{ id: sim.seed.candidates.tom },
			{ eventId: 'evt-1' },
		);
		expect(results).toEqual([expect.objectContaining({ status: 202 })]);
		await receiver.settled();
		expect(receiver.triggered).toHaveLength(1);
		expect(receiver.triggered[0][0].json).toMatchObject({
			event: 'candidate.created',
			eventId: 'evt-1',
			payload: { id: sim.seed.candidates.tom },
		});
	});

	it('ignores a repeated event-id (SmartRecruiters re-delivers with the same id)', async () => {
		const results = await sim.deliverEvent(
			'candidate.created',
			{ id: sim.seed.candidates.tom },
			{ eventId: 'evt-1' },
		);
		expect(results).toEqual([expect.objectContaining({ status: 202 })]);
		await receiver.settled();
		expect(receiver.triggered).toHaveLength(1);
	});

	it('rejects tampered, unsigned, wrongly signed and stale deliveries with 401 and no run', async () => {
		const tampered = await sim.deliverEvent(
			'candidate.created',
			{ id: sim.seed.candidates.jane },
			{ eventId: 'evt-tampered', tamper: true },
		);
		expect(tampered).toEqual([expect.objectContaining({ status: 401 })]);
		const stale = await sim.deliverEvent(
			'candidate.created',
			{ id: sim.seed.candidates.jane },
			{ eventId: 'evt-stale', timestamp: Math.floor(Date.now() / 1000) - 3600 },
		);
		expect(stale).toEqual([expect.objectContaining({ status: 401 })]);

		const { body, headers } = candidateCreated(sim.seed.candidates.jane, 'evt-forged');
		expect(await postDelivery(body, headers, [])).toBe(401);
		expect(await postDelivery(body, headers, ['not-the-subscription-key'])).toBe(401);
		expect(
			await postDelivery(
				body,
				headers,
				[state().secretKeys[0].key],
				Math.floor(Date.now() / 1000) - 301,
			),
		).toBe(401);
		await receiver.settled();
		expect(receiver.triggered).toHaveLength(1);
	});

	it('accepts deliveries signed with a rotated key, and with a key pasted into the credential', async () => {
		const rotated = await fetch(
			`${sim.baseUrl}/webhooks-api/v201907/subscriptions/${String(state().subscriptionId)}/secret-key`,
			{
				method: 'POST',
				headers: { 'X-SmartToken': sim.apiKey },
			},
		);
		const { secretKey } = (await rotated.json()) as { secretKey: string };
		// SmartRecruiters now signs with the new key and the deprecated one (valid 24 h): the known old key matches.
		expect(
			await sim.deliverEvent(
				'candidate.created',
				{ id: sim.seed.candidates.jane },
				{ eventId: 'evt-rotated' },
			),
		).toEqual([expect.objectContaining({ status: 202 })]);
		const onlyNewKey = candidateCreated(sim.seed.candidates.maria, 'evt-new-key-only');
		expect(await postDelivery(onlyNewKey.body, onlyNewKey.headers, [secretKey])).toBe(401);
		credentials.smartRecruitersApi.webhookSecretKeys = `unrelated-key, ${secretKey}`;
		expect(await postDelivery(onlyNewKey.body, onlyNewKey.headers, [secretKey])).toBe(202);
		await receiver.settled();
		expect(receiver.triggered.map((items) => items[0].json.eventId)).toEqual([
			'evt-1',
			'evt-rotated',
			'evt-new-key-only',
		]);
	});

	it('refuses an event SmartRecruiters does not send before subscribing', async () => {
		const refused = await startWebhookReceiver(
			{ events: ['candidate.created', 'interview.created'] },
			httpCredentials(),
		);
		const subscriptionsBefore = sim.state.subscriptions.length;
		try {
			await expect(refused.webhookMethod('create')).rejects.toThrow(
				'"Events" has event(s) SmartRecruiters does not send: "interview.created"',
			);
			expect(sim.state.subscriptions).toHaveLength(subscriptionsBefore);
		} finally {
			await refused.close();
		}
	});

	it('removes the subscription on deactivation', async () => {
		const id = String(state().subscriptionId);
		expect(await receiver.webhookMethod('delete')).toBe(true);
		expect(sim.state.subscriptions.find((s) => s.id === id)).toBeUndefined();
		expect(state().subscriptionId).toBeUndefined();
		expect(await receiver.webhookMethod('checkExists')).toBe(false);
	});
});

describe('SmartRecruiters Trigger with "Only When Status Becomes: Hired"', () => {
	let hiredOnly: WebhookReceiver;

	beforeAll(async () => {
		hiredOnly = await startWebhookReceiver(
			{ events: ['application.status.updated'], options: { onlyStatuses: ['HIRED'] } },
			httpCredentials(),
		);
		await hiredOnly.webhookMethod('create');
	});

	afterAll(async () => {
		await hiredOnly.webhookMethod('delete');
		await hiredOnly.close();
	});

	it('reads the application behind the thin payload and starts only for hired candidates', async () => {
		const { candidates, jobs, applications } = sim.seed;
		const link = (candidateId: string, jobId: string) =>
			`<${sim.baseUrl}/candidates/${candidateId}/jobs/${jobId}>; rel=self`;
		await sim.deliverEvent(
			'application.status.updated',
			{
				job_id: jobs.backendEngineer,
				candidate_id: candidates.jane,
				application_id: applications.janeBackendEngineer,
			},
			{ link: link(candidates.jane, jobs.backendEngineer) },
		);
		await hiredOnly.settled();
		expect(hiredOnly.triggered).toEqual([]);

		// Hire Maria through the node, then deliver the event SmartRecruiters would send.
		const hire = await runSmartRecruiters(sim, {
			resource: 'candidate',
			operation: 'setStatus',
			candidate: byId(candidates.maria),
			job: byId(jobs.productDesigner),
			status: 'HIRED',
		});
		expect(hire.error).toBeUndefined();
		await sim.deliverEvent(
			'application.status.updated',
			{
				job_id: jobs.productDesigner,
				candidate_id: candidates.maria,
				application_id: applications.mariaProductDesigner,
			},
			{ link: link(candidates.maria, jobs.productDesigner) },
		);
		await hiredOnly.settled();
		expect(hiredOnly.triggered).toHaveLength(1);
		expect(hiredOnly.triggered[0][0].json).toMatchObject({
			event: 'application.status.updated',
			payload: { candidate_id: candidates.maria, job_id: jobs.productDesigner },
			application: { status: 'HIRED' },
		});
	});
});

describe('SmartRecruiters Trigger registration', () => {
	it('has the secret key before activating: an event delivered at activation is accepted on the first attempt', async () => {
		const first = await startWebhookReceiver({ events: ['candidate.created'] }, httpCredentials());
		const requestsBefore = sim.requests.length;
		try {
			sim.deliverOnActivation(
				'candidate.created',
				{ id: sim.seed.candidates.tom },
				{ eventId: 'evt-at-activation' },
			);
			expect(await first.webhookMethod('create')).toBe(true);
			await sim.settled();
			await first.settled();
			const delivery = sim.state.deliveries.find(
				(candidate) => candidate.eventId === 'evt-at-activation',
			)!;
			// Signed (the subscription had its key), accepted at once: no wait for SmartRecruiters' retry minutes later.
			expect(delivery.attempts.map((attempt) => attempt.status)).toEqual([202]);
			expect(delivery.attempts[0].headers['smartrecruiters-signature']).toMatch(
				/^v1=[0-9a-f]{64}$/,
			);
			expect(first.triggered.map((items) => items[0].json.eventId)).toEqual(['evt-at-activation']);
			const calls = sim.requests
				.slice(requestsBefore)
				.filter((request) => request.path.startsWith('/webhooks-api/'))
				.map((request) => `${request.method} ${request.path.replace(/[0-9a-f-]{36}/, '{id}')}`);
			expect(calls).toEqual([
				'POST /webhooks-api/v201907/subscriptions',
				'POST /webhooks-api/v201907/subscriptions/{id}/secret-key',
				'PUT /webhooks-api/v201907/subscriptions/{id}/activation',
			]);
		} finally {
			await first.webhookMethod('delete');
			await first.close();
		}
	});

	it('refuses a plain-http webhook URL before subscribing, with a message that says what to do', async () => {
		const subscriptionsBefore = sim.state.subscriptions.length;
		const requestsBefore = sim.requests.length;
		for (const extra of [{}, { environment: 'production', allowHttpWebhookUrls: true }]) {
			const plainHttp = await startWebhookReceiver(
				{ events: ['candidate.created'] },
				apiKeyCredentials(sim, extra),
			);
			try {
				const failure = plainHttp.webhookMethod('create');
				await expect(failure).rejects.toThrow(
					"SmartRecruiters only delivers to https URLs: set n8n's webhook URL to an https address",
				);
				await expect(failure).rejects.toMatchObject({
					description: expect.stringContaining(`This trigger's webhook URL is ${plainHttp.url}.`),
				});
			} finally {
				await plainHttp.close();
			}
		}
		expect(sim.state.subscriptions).toHaveLength(subscriptionsBefore);
		expect(sim.requests).toHaveLength(requestsBefore);
	});
});
