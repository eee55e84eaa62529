import { createHmac } from 'node:crypto';

import type { IDataObject, IWorkflowBase } from 'n8n-workflow';

import { parseContactEvent } from '../../packages/toolkit/nodes/ContactEventTrigger/event';
import { createEngine, TOOLKIT_PACKAGE_NAME, runWorkflowData } from '../harness';
import { startWebhookServer } from './webhookServer';

const SECRET = 'whsec-contact-events-test-0123456789';

/** The documented signature, written out independently of the node: HMAC-SHA256 of the body, hex. */
const sign = (body: string, secret = SECRET) =>
	`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

function repliedEvent(overrides: IDataObject = {}): IDataObject {
	return {
		type: 'contact.replied',
		eventId: 'evt-1',
		occurredAt: '2026-11-20T10:15:00Z',
		campaign: { id: 'camp-42', name: 'Backend engineers Berlin' },
		outreachType: 'email',
		message: 'Sounds interesting, happy to talk.',
		job: { id: 'job-7', title: 'Backend Engineer' },
		contact: {
			email: ' Ada.Lovelace@Example.com ',
			firstName: 'Ada',
			lastName: 'Lovelace',
			headline: 'Staff Engineer',
			company: 'Analytical Engines Ltd',
			location: 'Berlin',
			phones: ['+49 30 1234567'],
			links: ['https://www.linkedin.com/in/ada', 'https://github.com/ada', 'https://ada.dev'],
			customFields: { seniority: 'Senior' },
		},
		...overrides,
	};
}

function triggerWorkflow(
	parameters: IDataObject,
	typeVersion = 1,
	withCredential = parameters.authentication === 'signature',
): IWorkflowBase {
	return {
		id: 'contact-events',
		name: 'contact events',
		active: true,
		nodes: [
			{
				id: 't',
				name: 'Contact Event Trigger',
				type: `${TOOLKIT_PACKAGE_NAME}.contactEventTrigger`,
				typeVersion,
				position: [0, 0],
				parameters,
				...(withCredential
					? { credentials: { contactEventWebhookApi: { id: 'secret', name: 'secret' } } }
					: {}),
			},
		],
		connections: {},
	} as unknown as IWorkflowBase;
}

const post = async (url: string, body: string, headers: Record<string, string> = {}) => {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body,
	});
	return { status: response.status, body: (await response.json()) as IDataObject };
};

const triggerOutput = (run: { data: { resultData: { runData: IDataObject } } }) =>
	(
		(run.data.resultData.runData['Contact Event Trigger'] as IDataObject[])[0] as {
			data: { main: Array<Array<{ json: IDataObject }>> };
		}
	).data.main[0].map((item) => item.json);

describe('Contact Event Trigger (webhook through n8n-core WebhookContext)', () => {
	const engine = createEngine({
		contactEventWebhookApi: { signingSecret: SECRET, signatureHeader: 'x-signature' },
	});
	let signed: Awaited<ReturnType<typeof startWebhookServer>>;
	let open: Awaited<ReturnType<typeof startWebhookServer>>;

	beforeAll(async () => {
		signed = await startWebhookServer(
			engine,
			triggerWorkflow({ authentication: 'signature' }),
			'Contact Event Trigger',
		);
		open = await startWebhookServer(
			engine,
			triggerWorkflow({
				authentication: 'none',
				events: ['contact.interested', 'contact.replied', 'interview.completed'],
			}),
			'Contact Event Trigger',
		);
	});

	afterAll(async () => {
		await signed.close();
		await open.close();
	});

	it('accepts a signed event and starts one run with the event and a canonical candidate', async () => {
		const body = JSON.stringify(repliedEvent());
		const response = await post(signed.url, body, { 'x-signature': sign(body) });
		expect(response).toEqual({
			status: 200,
			body: { received: 1, accepted: 1, ignored: 0, duplicates: 0 },
		});

		const runs = await signed.settledRuns();
		expect(runs).toHaveLength(1);
		expect(runs[0].status).toBe('success');
		const [item] = triggerOutput(runs[0]);
		expect(item).toMatchObject({
			type: 'contact.replied',
			eventId: 'evt-1',
			campaign: { id: 'camp-42' },
			outreachType: 'email',
			job: { id: 'job-7' },
		});
		expect(item.candidate).toEqual({
			email: 'Ada.Lovelace@Example.com',
			firstName: 'Ada',
			lastName: 'Lovelace',
			headline: 'Staff Engineer',
			company: 'Analytical Engines Ltd',
			location: 'Berlin',
			phones: [{ value: '+49 30 1234567' }],
			links: {
				linkedin: 'https://www.linkedin.com/in/ada',
				github: 'https://github.com/ada',
				website: 'https://ada.dev',
			},
			customFields: { seniority: 'Senior' },
		});
	});

	it('refuses a bad event with 400 naming the field, and starts no run', async () => {
		const before = (await signed.settledRuns()).length;
		const bad = repliedEvent({
			eventId: 'evt-bad',
			contact: { ...(repliedEvent().contact as IDataObject), email: 'not-an-email' },
		});
		const body = JSON.stringify(bad);
		const response = await post(signed.url, body, { 'x-signature': sign(body) });
		expect(response.status).toBe(400);
		expect(response.body.message).toBe('Invalid event: "contact.email" must be an email address');

		const missingType = JSON.stringify({
			...repliedEvent({ eventId: 'evt-bad-2' }),
			type: 'contact.teleported',
		});
		const unknownType = await post(signed.url, missingType, { 'x-signature': sign(missingType) });
		expect(unknownType.status).toBe(400);
		expect(unknownType.body.message).toMatch(/^Invalid event: "type" invalid discriminator value/);

		expect((await signed.settledRuns()).length).toBe(before);
	});

	it('refuses control characters and oversize fields with 400 naming the field, before acknowledging (issue 13)', async () => {
		const before = (await signed.settledRuns()).length;
		const contact = repliedEvent().contact as IDataObject;
		const refused = async (event: IDataObject) => {
			const body = JSON.stringify(event);
			const response = await post(signed.url, body, { 'x-signature': sign(body) });
			expect(response.status).toBe(400);
			return response.body.message;
		};
		expect(
			await refused(
				repliedEvent({ eventId: 'evt-nul', contact: { ...contact, firstName: 'Ada\u0000' } }),
			),
		).toBe(
			'Invalid event: "contact.firstName" contains a control character (U+0000 NUL at position 4)',
		);
		expect(
			await refused(
				repliedEvent({ eventId: 'evt-newline', contact: { ...contact, lastName: 'Love\nlace' } }),
			),
		).toBe(
			'Invalid event: "contact.lastName" contains a control character (U+000A line feed at position 5); this field takes one line',
		);
		expect(
			await refused(
				repliedEvent({
					eventId: 'evt-long',
					contact: { ...contact, firstName: 'A'.repeat(20_001) },
				}),
			),
		).toBe(
			'Invalid event: contact: "firstName" is 20,001 characters long; SmartRecruiters takes at most 128',
		);
		expect(
			await refused(repliedEvent({ eventId: 'evt-long-reply', message: 'm'.repeat(10_001) })),
		).toBe(
			'Invalid event: "message" is 10,001 characters long; SmartRecruiters takes at most 10,000',
		);
		expect((await signed.settledRuns()).length).toBe(before);
	});

	it('accepts an internationalised email and a reply spanning lines (issue 13)', async () => {
		const contact = { ...(repliedEvent().contact as IDataObject), email: 'ünïcødé@exämple.de' };
		const body = JSON.stringify(
			repliedEvent({ eventId: 'evt-idn', contact, message: 'Thanks!\r\n\tHappy to talk.' }),
		);
		const response = await post(signed.url, body, { 'x-signature': sign(body) });
		expect(response).toEqual({
			status: 200,
			body: { received: 1, accepted: 1, ignored: 0, duplicates: 0 },
		});
		const runs = await signed.settledRuns();
		expect(triggerOutput(runs[runs.length - 1] as never)[0]).toMatchObject({
			message: 'Thanks!\r\n\tHappy to talk.',
			candidate: { email: 'ünïcødé@exämple.de' },
		});
	});

	it('refuses a whole batch when one entry is bad (never half-processed)', async () => {
		const before = (await signed.settledRuns()).length;
		const good = repliedEvent({ eventId: 'evt-batch-1' });
		const bad = { ...repliedEvent({ eventId: 'evt-batch-2' }), occurredAt: 'yesterday' };
		const body = JSON.stringify([good, bad]);
		const response = await post(signed.url, body, { 'x-signature': sign(body) });
		expect(response.status).toBe(400);
		expect(response.body.message).toBe(
			'Invalid event: [1] "occurredAt" must be an ISO 8601 date-time',
		);
		expect((await signed.settledRuns()).length).toBe(before);
	});

	it('refuses a missing or wrong signature with 401 and starts no run', async () => {
		const before = (await signed.settledRuns()).length;
		const body = JSON.stringify(repliedEvent({ eventId: 'evt-unsigned' }));
		const unsigned = await post(signed.url, body);
		expect(unsigned.status).toBe(401);
		const wrongKey = await post(signed.url, body, { 'x-signature': sign(body, 'another-secret') });
		expect(wrongKey.status).toBe(401);
		const tampered = await post(signed.url, body.replace('evt-unsigned', 'evt-tampered'), {
			'x-signature': sign(body),
		});
		expect(tampered.status).toBe(401);
		expect(JSON.stringify([unsigned.body, wrongKey.body, tampered.body])).not.toContain(SECRET);
		expect((await signed.settledRuns()).length).toBe(before);
	});

	it('acknowledges a repeated eventId and an unselected event type without running again', async () => {
		const interested = JSON.stringify(
			repliedEvent({ type: 'contact.interested', eventId: 'evt-int-1' }),
		);
		expect((await post(open.url, interested)).body).toMatchObject({ accepted: 1 });
		expect((await post(open.url, interested)).body).toEqual({
			received: 1,
			accepted: 0,
			ignored: 0,
			duplicates: 1,
		});
		const added = JSON.stringify(repliedEvent({ type: 'contact.added', eventId: 'evt-added-1' }));
		expect((await post(open.url, added)).body).toEqual({
			received: 1,
			accepted: 0,
			ignored: 1,
			duplicates: 0,
		});
		const runs = await open.settledRuns();
		expect(runs).toHaveLength(1);
		expect(triggerOutput(runs[0])[0]).toMatchObject({
			type: 'contact.interested',
			eventId: 'evt-int-1',
		});
	});

	it('accepts an interview-completed event with result, score, feedback and report URL', async () => {
		const event = {
			type: 'interview.completed',
			eventId: 'int-9',
			occurredAt: '2026-11-21T16:00:00+01:00',
			contact: { email: 'grace@example.com', name: 'Grace Hopper' },
			job: { id: 77 },
			interview: {
				id: 'iv-1',
				result: 'failed',
				score: 41.5,
				feedback: 'Needs more depth on systems.',
				reportUrl: 'https://interviews.example.com/r/iv-1',
			},
		};
		expect((await post(open.url, JSON.stringify(event))).status).toBe(200);
		const runs = await open.settledRuns();
		const item = triggerOutput(runs[runs.length - 1])[0];
		expect(item).toMatchObject({
			type: 'interview.completed',
			job: { id: '77' },
			interview: { result: 'failed', score: 41.5 },
		});
		expect(item.candidate).toEqual({ email: 'grace@example.com', name: 'Grace Hopper' });
	});
});

describe('Contact Event Trigger authentication defaults (issue 13)', () => {
	const engine = createEngine({
		contactEventWebhookApi: { signingSecret: SECRET, signatureHeader: 'x-signature' },
	});

	it('asks for a signature unless "None" is chosen, and warns on the canvas when it is', () => {
		const { description } = engine.types.getByNameAndVersion(
			`${TOOLKIT_PACKAGE_NAME}.contactEventTrigger`,
		);
		expect(description.defaultVersion).toBe(1.1);
		const authentication = description.properties.filter(
			(property) => property.name === 'authentication',
		);
		expect(authentication.map((property) => [property.default, property.displayOptions])).toEqual([
			['none', { show: { '@version': [1] } }],
			['signature', { hide: { '@version': [1] } }],
		]);
		const notice = description.properties.find(
			(property) => property.name === 'noAuthenticationNotice',
		);
		expect(notice).toMatchObject({
			type: 'notice',
			displayOptions: { show: { authentication: ['none'] } },
		});
		expect(notice?.displayName).toMatch(
			/^With Authentication "None", anyone who learns this URL can start the workflow/,
		);
	});

	it('refuses unsigned deliveries to a node added now, which leaves Authentication at its default', async () => {
		const server = await startWebhookServer(
			engine,
			triggerWorkflow({}, 1.1, true),
			'Contact Event Trigger',
		);
		try {
			const body = JSON.stringify(repliedEvent({ eventId: 'evt-default-auth' }));
			expect((await post(server.url, body)).status).toBe(401);
			expect((await post(server.url, body, { 'x-signature': sign(body) })).status).toBe(200);
			expect(await server.settledRuns()).toHaveLength(1);
		} finally {
			await server.close();
		}
	});

	it('keeps "None" for version 1 nodes saved before the change, which stored it by leaving it out', async () => {
		const server = await startWebhookServer(
			engine,
			triggerWorkflow({}, 1),
			'Contact Event Trigger',
		);
		try {
			expect(
				(await post(server.url, JSON.stringify(repliedEvent({ eventId: 'evt-v1' })))).status,
			).toBe(200);
		} finally {
			await server.close();
		}
	});
});

describe("Contact Event Trigger fed with input items (the runner's --input path)", () => {
	const workflowData = triggerWorkflow({ authentication: 'none' });

	it('validates raw events exactly like webhook bodies', async () => {
		const run = await runWorkflowData(createEngine(), workflowData, 'Contact Event Trigger', [
			{ json: repliedEvent() },
		]);
		expect(run.status).toBe('success');
		expect(triggerOutput(run)[0].candidate).toMatchObject({
			email: 'Ada.Lovelace@Example.com',
			links: { github: 'https://github.com/ada' },
		});
	});

	it('fails the run on a bad event, naming the field, or reports it with continueOnFail', async () => {
		const bad = repliedEvent({ campaign: { name: 'no id' } });
		const run = await runWorkflowData(createEngine(), workflowData, 'Contact Event Trigger', [
			{ json: repliedEvent() },
			{ json: bad },
		]);
		expect(run.status).toBe('error');
		expect(run.data.resultData.error?.message).toBe(
			'Invalid contact event: "campaign.id" required',
		);

		const tolerant = {
			...workflowData,
			nodes: [{ ...workflowData.nodes[0], onError: 'continueRegularOutput' }],
		} as IWorkflowBase;
		const continued = await runWorkflowData(createEngine(), tolerant, 'Contact Event Trigger', [
			{ json: repliedEvent() },
			{ json: bad },
		]);
		expect(triggerOutput(continued).map((item) => item.error ?? item.eventId)).toEqual([
			'evt-1',
			'Invalid contact event: "campaign.id" required',
		]);
	});

	it('runs a replayed event once: repeats in the same file and in a later run are dropped unless dedupe is off', async () => {
		const staticData: IDataObject = {};
		const first = await runWorkflowData(
			createEngine(),
			workflowData,
			'Contact Event Trigger',
			[
				{ json: repliedEvent() },
				{ json: repliedEvent() },
				{ json: repliedEvent({ eventId: 'evt-2' }) },
			],
			staticData,
		);
		expect(triggerOutput(first).map((item) => item.eventId)).toEqual(['evt-1', 'evt-2']);

		const again = await runWorkflowData(
			createEngine(),
			workflowData,
			'Contact Event Trigger',
			[{ json: repliedEvent({ eventId: 'evt-2' }) }, { json: repliedEvent({ eventId: 'evt-3' }) }],
			staticData,
		);
		expect(triggerOutput(again).map((item) => item.eventId)).toEqual(['evt-3']);

		const withoutDedupe = triggerWorkflow({ authentication: 'none', options: { dedupe: false } });
		const replayed = await runWorkflowData(
			createEngine(),
			withoutDedupe,
			'Contact Event Trigger',
			[{ json: repliedEvent() }],
			staticData,
		);
		expect(triggerOutput(replayed).map((item) => item.eventId)).toEqual(['evt-1']);
	});

	it('writes no static data in a run started by a delivery, whose ids webhook() already remembered', async () => {
		// n8n saves a run's changed static data whole, from the copy loaded when the run started (possibly before the
		// webhook call's save landed): any write here would overwrite the delivery's remembered ids.
		const engine = createEngine();
		for (const staticData of [
			{},
			{ 'node:Contact Event Trigger': { recentEventIds: ['evt-0'] } },
		] as IDataObject[]) {
			const before = JSON.stringify(staticData);
			const workflow = engine.workflow(workflowData, staticData);
			const run = await engine.run({
				workflow,
				workflowData,
				startNodeName: 'Contact Event Trigger',
				startItems: [{ json: repliedEvent() }],
				mode: 'webhook',
			});
			expect(triggerOutput(run).map((item) => item.eventId)).toEqual(['evt-1']);
			expect((workflow.staticData as IDataObject).__dataChanged).not.toBe(true);
			expect(JSON.stringify(workflow.staticData)).toBe(before);
		}
	});

	it('parses its own output back to the same item (webhook output → execute is a no-op)', () => {
		const first = parseContactEvent(repliedEvent());
		if (!first.ok) throw new Error(first.message);
		const second = parseContactEvent(JSON.parse(JSON.stringify(first.item)));
		expect(second).toEqual(first);
	});
});
