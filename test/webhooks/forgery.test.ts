/**
 * Forged, tampered, stale and replayed webhook deliveries against all three webhook triggers, as one matrix: every
 * row goes through the real node's webhook() via n8n's engine (fixture.ts) and checks the HTTP status it answered and
 * whether a workflow run started. Signatures are computed here from the vendors' documented schemes, independently
 * of the node code. Where a case has no literal equivalent for a vendor, the row says what it maps to.
 *
 * Schemes: Lever signs HMAC-SHA256(token + triggeredAt) and puts it in the JSON body (no header, data unsigned);
 * SmartRecruiters sends `smartrecruiters-signature: v1=<hex>[;v1=…]` over `timestamp.body.event-id.event-name.
 * event-version.link` with `smartrecruiters-timestamp` (seconds); the Contact Event Trigger takes `sha256=<hex>` over
 * `<timestamp>.<body>` when its credential names a Timestamp Header (body-only signatures carry no time, so stale
 * and future cases need that header).
 */
import { createHmac, randomBytes } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import {
	startSmartRecruitersSimulator,
	type SmartRecruitersSimulator,
} from '../simulators/smartrecruiters';
import { startTrigger, type TriggerUnderTest } from './fixture';

/** The cases the suite must cover for every trigger. */
const CASE_KINDS = [
	'valid',
	'tampered body',
	'wrong key',
	'missing signature',
	'malformed signature',
	'missing or malformed timestamp',
	'stale timestamp',
	'future timestamp',
	'replayed event',
] as const;
type CaseKind = (typeof CASE_KINDS)[number];

interface Outcome {
	status: number;
	runStarted: boolean;
}

interface Row {
	kind: CaseKind;
	/** What the row sends, in this vendor's terms. */
	as: string;
	expected: { status: number; run: boolean };
	send(): Promise<Outcome>;
}

const figures: Array<{
	vendor: string;
	kind: CaseKind;
	as: string;
	status: number;
	runStarted: boolean;
}> = [];

function matrix(vendor: string, rows: () => Row[]) {
	it.each(rows())('$kind: $as', async (row) => {
		const outcome = await row.send();
		figures.push({ vendor, kind: row.kind, as: row.as, ...outcome });
		expect({ status: outcome.status, run: outcome.runStarted }).toEqual(row.expected);
	});

	it('covers every case kind', () => {
		expect([...new Set(rows().map((row) => row.kind))].sort()).toEqual([...CASE_KINDS].sort());
	});
}

const hmacHex = (key: string, text: string | Buffer) =>
	createHmac('sha256', key).update(text).digest('hex');
const nowSeconds = () => Math.floor(Date.now() / 1000);
const TEN_MINUTES_MS = 10 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
let sequence = 0;
const nextId = (prefix: string) => `${prefix}-${++sequence}`;

/** Posts a genuine delivery first and checks it ran, so that a replay row proves something. */
async function deliveredOnce(post: () => Promise<Outcome>) {
	const first = await post();
	expect(first.runStarted).toBe(true);
}

/** Runs `send` with the trigger's clock (Date.now) moved by `offsetMs`. */
async function atClockOffset<T>(offsetMs: number, send: () => Promise<T>): Promise<T> {
	const realNow = Date.now.bind(Date);
	const clock = jest.spyOn(Date, 'now').mockImplementation(() => realNow() + offsetMs);
	try {
		return await send();
	} finally {
		clock.mockRestore();
	}
}

afterAll(() => {
	const lines = [...new Set(figures.map((entry) => entry.vendor))].map((vendor) => {
		const rows = figures.filter((entry) => entry.vendor === vendor);
		const runs = rows.filter((entry) => entry.runStarted).length;
		const refusedStatuses = new Map<number, number>();
		for (const entry of rows.filter((row) => !row.runStarted))
			refusedStatuses.set(entry.status, (refusedStatuses.get(entry.status) ?? 0) + 1);
		const statuses = [...refusedStatuses.entries()]
			.map(([status, count]) => `${status}×${count}`)
			.join(' ');
		return `${vendor}: ${rows.length} cases, ${runs} accepted (run started), ${rows.length - runs} refused without a run (${statuses})`;
	});
	const serverErrors = figures.filter((entry) => entry.status >= 500).length;
	process.stdout.write(
		`\nWebhook forgery matrix — ${lines.join('; ')}; ${figures.length} cases in all, ${serverErrors} answered 5xx\n`,
	);
});

describe('Lever Trigger', () => {
	const KEY = 'lever-signature-token-forgery-matrix-000000000001';
	let lever: TriggerUnderTest;

	beforeAll(async () => {
		// Manual registration with the token pasted into the credential: webhook() needs no Lever API for this.
		lever = await startTrigger({
			type: 'leverTrigger',
			parameters: { registration: 'manual', events: ['candidateStageChange'] },
			credentials: {
				leverApi: {
					apiKey: 'lever-api-key-not-called',
					environment: 'custom',
					customUrl: 'http://127.0.0.1:9',
					webhookSignatureTokens: KEY,
				},
			},
		});
	});
	afterAll(async () => {
		await lever.close();
	});

	/** A delivery as Lever builds it: the signature is in the body and covers token + triggeredAt only. */
	function envelope(
		overrides: { key?: string; id?: string; triggeredAt?: number } = {},
	): IDataObject {
		const body = {
			id: overrides.id ?? nextId('lever-event'),
			event: 'candidateStageChange',
			triggeredAt: overrides.triggeredAt ?? Date.now(),
			data: {
				opportunityId: nextId('opportunity'),
				toStageId: 'onsite',
				fromStageId: 'phone-screen',
			},
			token: randomBytes(24).toString('hex'),
		};
		return {
			...body,
			signature: hmacHex(overrides.key ?? KEY, `${body.token}${body.triggeredAt}`),
		};
	}
	const post = (body: IDataObject | string) =>
		lever.post(typeof body === 'string' ? body : JSON.stringify(body), {
			'content-type': 'application/json',
			'user-agent': 'Lever-Webhooks',
		});
	const refused = { status: 401, run: false };
	// A repeat is answered 200, or Lever would retry it five times; it starts nothing.
	const acknowledged = { status: 200, run: false };

	matrix('Lever', () => [
		{
			kind: 'valid',
			as: 'signed with the webhook token',
			expected: { status: 200, run: true },
			send: () => post(envelope()),
		},
		{
			kind: 'tampered body',
			as: 'triggeredAt changed after signing',
			expected: refused,
			send: async () => {
				const genuine = envelope();
				return await post({ ...genuine, triggeredAt: (genuine.triggeredAt as number) + 1 });
			},
		},
		{
			kind: 'tampered body',
			as: 'token changed after signing',
			expected: refused,
			send: async () => post({ ...envelope(), token: randomBytes(24).toString('hex') }),
		},
		{
			// Lever's signature does not cover `data`: a changed copy of a delivered event is caught by its token.
			kind: 'tampered body',
			as: 'data changed in a copy of a delivered event (unsigned by Lever; caught as a token replay)',
			expected: acknowledged,
			send: async () => {
				const genuine = envelope();
				await deliveredOnce(() => post(genuine));
				return await post({
					...genuine,
					id: nextId('lever-event'),
					data: { opportunityId: 'someone-else', toStageId: 'hired' },
				});
			},
		},
		{
			kind: 'wrong key',
			as: 'signed with another token',
			expected: refused,
			send: () => post(envelope({ key: 'another-lever-signature-token-000000000000000' })),
		},
		{
			kind: 'missing signature',
			as: 'no signature field in the body (Lever has no signature header)',
			expected: refused,
			send: async () => {
				const { signature: _dropped, ...unsigned } = envelope();
				return await post(unsigned);
			},
		},
		{
			kind: 'malformed signature',
			as: 'not hex',
			expected: refused,
			send: () => post({ ...envelope(), signature: 'z'.repeat(64) }),
		},
		{
			kind: 'malformed signature',
			as: '63 hex digits',
			expected: refused,
			send: async () => {
				const genuine = envelope();
				return await post({ ...genuine, signature: (genuine.signature as string).slice(0, 63) });
			},
		},
		{
			kind: 'malformed signature',
			as: '65 hex digits',
			expected: refused,
			send: async () => {
				const genuine = envelope();
				return await post({ ...genuine, signature: `${genuine.signature as string}0` });
			},
		},
		{
			kind: 'malformed signature',
			as: 'right digest under a scheme prefix ("sha256=…")',
			expected: refused,
			send: async () => {
				const genuine = envelope();
				return await post({ ...genuine, signature: `sha256=${genuine.signature as string}` });
			},
		},
		{
			kind: 'malformed signature',
			as: 'body is not an object',
			expected: refused,
			send: () => post('[]'),
		},
		{
			kind: 'missing or malformed timestamp',
			as: 'no triggeredAt',
			expected: refused,
			send: async () => {
				const { triggeredAt: _dropped, ...undated } = envelope();
				return await post(undated);
			},
		},
		{
			kind: 'missing or malformed timestamp',
			as: 'triggeredAt is a date string',
			expected: refused,
			send: async () => {
				const body = { ...envelope(), token: 't'.repeat(48), triggeredAt: '2026-11-23T10:00:00Z' };
				return await post({ ...body, signature: hmacHex(KEY, `${body.token}${body.triggeredAt}`) });
			},
		},
		{
			kind: 'stale timestamp',
			as: 'triggeredAt 10 minutes ago (window 5 minutes)',
			expected: refused,
			send: () => post(envelope({ triggeredAt: Date.now() - TEN_MINUTES_MS })),
		},
		{
			kind: 'future timestamp',
			as: 'triggeredAt 10 minutes ahead',
			expected: refused,
			send: () => post(envelope({ triggeredAt: Date.now() + TEN_MINUTES_MS })),
		},
		{
			kind: 'replayed event',
			as: 'the same delivery again',
			expected: acknowledged,
			send: async () => {
				const genuine = envelope();
				await deliveredOnce(() => post(genuine));
				return await post(genuine);
			},
		},
		{
			kind: 'replayed event',
			as: 'same event id, freshly signed (Lever\'s "Rerun")',
			expected: acknowledged,
			send: async () => {
				const genuine = envelope();
				await deliveredOnce(() => post(genuine));
				return await post(envelope({ id: genuine.id as string }));
			},
		},
	]);
});

describe('SmartRecruiters Trigger', () => {
	/** SmartRecruiters' published example (webhooks API, "Generate secret key"): raw bytes, angle brackets in the link. */
	const PUBLISHED = {
		key: 'HeBVky2bccvvkcXPimH8c',
		timestamp: 1574080897,
		body: '{"job_id":"jid","candidate_id":"cid"}',
		headers: {
			'event-id': '123',
			'event-name': 'application.created',
			'event-version': 'v201910',
			link: '<http://smartrecruiters.com/endpoint>; rel=self',
		},
		signature: 'v1=2e9291f10d44ca10204a4cd81b05d73b6a316b2b605d4e2e0e0b37b40198ce1f',
	};
	let sim: SmartRecruitersSimulator;
	let sr: TriggerUnderTest;
	let vector: TriggerUnderTest;
	let firstKey: string;
	let rotatedKey: string;

	// The triggers listen on plain http on loopback: credential and simulator opt in to http webhook URLs.
	const srCredentials = (extra: IDataObject = {}) => ({
		smartRecruitersApi: {
			apiKey: sim.apiKey,
			environment: 'custom',
			customUrl: sim.baseUrl,
			allowHttpWebhookUrls: true,
			...extra,
		},
	});

	beforeAll(async () => {
		sim = await startSmartRecruitersSimulator({ allowInsecureWebhookUrls: true });
		// Activated against the simulator: subscription, X-Hook-Secret handshake, secret key kept in static data.
		sr = await startTrigger({
			type: 'smartRecruitersTrigger',
			parameters: { events: ['candidate.created'] },
			credentials: srCredentials(),
		});
		await sr.activate();
		firstKey = (sr.nodeStaticData().secretKeys as Array<{ key: string }>)[0].key;
		// The published example's key pasted into the credential (the example is not tied to a subscription).
		vector = await startTrigger({
			type: 'smartRecruitersTrigger',
			parameters: { events: ['application.created'] },
			credentials: srCredentials({ webhookSecretKeys: PUBLISHED.key }),
		});
	});
	afterAll(async () => {
		await sr.close();
		await vector.close();
		await sim.close();
	});
	afterEach(() => {
		expect(sim.contractViolations).toEqual([]);
	});

	interface SrDelivery {
		body: string;
		headers: Record<string, string>;
	}
	/** A delivery as SmartRecruiters builds it, signed with `keys` (one v1 segment each). */
	function delivery(
		options: {
			keys?: string[];
			timestamp?: string;
			eventId?: string | null;
			signWith?: (segment: string) => string;
		} = {},
	): SrDelivery {
		const id = nextId('sr-candidate');
		const body = JSON.stringify({ id });
		const timestamp = options.timestamp ?? String(nowSeconds());
		const event: Record<string, string> = {
			...(options.eventId === null ? {} : { 'event-id': options.eventId ?? nextId('sr-event') }),
			'event-name': 'candidate.created',
			'event-version': 'v201910',
			link: `<${sim.baseUrl}/candidates/${id}>; rel=self`,
		};
		const signed = [
			timestamp,
			body,
			event['event-id'] ?? '',
			event['event-name'],
			event['event-version'],
			event.link,
		].join('.');
		const segments = (options.keys ?? [currentKey()]).map((key) => `v1=${hmacHex(key, signed)}`);
		return {
			body,
			headers: {
				'content-type': 'application/json',
				...event,
				'smartrecruiters-timestamp': timestamp,
				'smartrecruiters-signature': options.signWith
					? options.signWith(segments.join(';'))
					: segments.join(';'),
			},
		};
	}
	const currentKey = () => rotatedKey ?? firstKey;
	const post = (d: SrDelivery) => sr.post(d.body, d.headers);
	const without = (d: SrDelivery, header: string): SrDelivery => ({
		body: d.body,
		headers: Object.fromEntries(Object.entries(d.headers).filter(([name]) => name !== header)),
	});
	const accepted = { status: 202, run: true };
	const refused = { status: 401, run: false };
	// Answered 202 (anything else makes SmartRecruiters retry for up to 24 h) but started nothing.
	const acknowledged = { status: 202, run: false };

	matrix('SmartRecruiters', () => [
		{
			kind: 'valid',
			as: 'signed with the subscription key',
			expected: accepted,
			send: () => post(delivery()),
		},
		{
			kind: 'valid',
			as: "SmartRecruiters' published test vector, at its own timestamp",
			expected: accepted,
			send: async () =>
				await atClockOffset(PUBLISHED.timestamp * 1000 + 2000 - Date.now(), () =>
					vector.post(PUBLISHED.body, {
						'content-type': 'application/json',
						...PUBLISHED.headers,
						'smartrecruiters-timestamp': String(PUBLISHED.timestamp),
						'smartrecruiters-signature': PUBLISHED.signature,
					}),
				),
		},
		{
			kind: 'valid',
			as: 'key rotated (learned on re-activation): new and deprecated key both sign, as SmartRecruiters does',
			expected: accepted,
			send: async () => {
				const response = await fetch(
					`${sim.baseUrl}/webhooks-api/v201907/subscriptions/${String(sr.nodeStaticData().subscriptionId)}/secret-key`,
					{
						method: 'POST',
						headers: { 'x-smarttoken': sim.apiKey },
					},
				);
				rotatedKey = ((await response.json()) as { secretKey: string }).secretKey;
				await sr.activate();
				return await post(delivery({ keys: [rotatedKey, firstKey] }));
			},
		},
		{
			kind: 'valid',
			as: 'deprecated key alone, 23 h into its 24 h overlap',
			expected: accepted,
			send: () => atClockOffset(23 * HOUR_MS, () => post(delivery({ keys: [firstKey] }))),
		},
		{
			kind: 'wrong key',
			as: 'deprecated key alone, 25 h after the rotation (overlap over)',
			expected: refused,
			send: () => atClockOffset(25 * HOUR_MS, () => post(delivery({ keys: [firstKey] }))),
		},
		{
			kind: 'valid',
			as: 'new key alone, 25 h after the rotation',
			expected: accepted,
			send: () => atClockOffset(25 * HOUR_MS, () => post(delivery({ keys: [currentKey()] }))),
		},
		{
			kind: 'tampered body',
			as: 'body changed after signing',
			expected: refused,
			send: async () => {
				const genuine = delivery();
				return await post({ ...genuine, body: genuine.body.replace('}', ',"tampered":true}') });
			},
		},
		{
			kind: 'tampered body',
			as: 'signed header (event-name) changed after signing',
			expected: refused,
			send: async () => {
				const genuine = delivery();
				return await post({
					...genuine,
					headers: { ...genuine.headers, 'event-name': 'candidate.deleted' },
				});
			},
		},
		{
			kind: 'wrong key',
			as: 'signed with a key of another subscription',
			expected: refused,
			send: () => post(delivery({ keys: ['another-subscription-secret-key-0001'] })),
		},
		{
			kind: 'missing signature',
			as: 'no smartrecruiters-signature header',
			expected: refused,
			send: () => post(without(delivery(), 'smartrecruiters-signature')),
		},
		{
			kind: 'malformed signature',
			as: 'v1 segment not hex',
			expected: refused,
			send: () => post(delivery({ signWith: () => `v1=${'z'.repeat(64)}` })),
		},
		{
			kind: 'malformed signature',
			as: 'v1 segment of 63 hex digits',
			expected: refused,
			send: () => post(delivery({ signWith: (header) => header.slice(0, -1) })),
		},
		{
			kind: 'malformed signature',
			as: 'right digest under an unknown scheme (v2=)',
			expected: refused,
			send: () => post(delivery({ signWith: (header) => header.replace(/^v1=/, 'v2=') })),
		},
		{
			kind: 'malformed signature',
			as: 'empty header value',
			expected: refused,
			send: () => post(delivery({ signWith: () => '' })),
		},
		{
			kind: 'missing or malformed timestamp',
			as: 'no smartrecruiters-timestamp header',
			expected: refused,
			send: () => post(without(delivery(), 'smartrecruiters-timestamp')),
		},
		{
			kind: 'missing or malformed timestamp',
			as: 'timestamp in milliseconds-with-decimals form, signed as sent',
			expected: refused,
			send: () => post(delivery({ timestamp: `${nowSeconds()}.5` })),
		},
		{
			kind: 'stale timestamp',
			as: 'signed 10 minutes ago (tolerance 5 minutes)',
			expected: refused,
			send: () => post(delivery({ timestamp: String(nowSeconds() - 600) })),
		},
		{
			kind: 'future timestamp',
			as: 'signed 10 minutes ahead',
			expected: refused,
			send: () => post(delivery({ timestamp: String(nowSeconds() + 600) })),
		},
		{
			kind: 'replayed event',
			as: 'the same delivery again',
			expected: acknowledged,
			send: async () => {
				const genuine = delivery();
				await deliveredOnce(() => post(genuine));
				return await post(genuine);
			},
		},
		{
			kind: 'replayed event',
			as: "same event-id, new timestamp and signature (SmartRecruiters' own retry)",
			expected: acknowledged,
			send: async () => {
				const genuine = delivery();
				await deliveredOnce(() => post(genuine));
				return await post(delivery({ eventId: genuine.headers['event-id'] }));
			},
		},
		{
			kind: 'replayed event',
			as: 'a delivery without event-id, replayed with an extra signature segment',
			expected: acknowledged,
			send: async () => {
				const genuine = delivery({ eventId: null });
				await deliveredOnce(() => post(genuine));
				return await post({
					...genuine,
					headers: {
						...genuine.headers,
						'smartrecruiters-signature': `v2=${'0'.repeat(64)};${genuine.headers['smartrecruiters-signature']}`,
					},
				});
			},
		},
	]);
});

describe('Contact Event Trigger (HMAC signature with Timestamp Header)', () => {
	const SECRET = 'contact-events-signing-secret-forgery-matrix';
	let contact: TriggerUnderTest;

	beforeAll(async () => {
		contact = await startTrigger({
			type: 'contactEventTrigger',
			parameters: { authentication: 'signature' },
			credentials: {
				contactEventWebhookApi: {
					signingSecret: SECRET,
					signatureHeader: 'x-signature',
					timestampHeader: 'x-signature-timestamp',
				},
			},
		});
	});
	afterAll(async () => {
		await contact.close();
	});

	interface ContactDelivery {
		body: string;
		headers: Record<string, string>;
	}
	function delivery(
		options: {
			secret?: string;
			timestamp?: string;
			eventId?: string;
			signature?: (digest: string) => string;
		} = {},
	): ContactDelivery {
		const body = JSON.stringify({
			type: 'contact.interested',
			eventId: options.eventId ?? nextId('contact-event'),
			occurredAt: '2026-11-23T10:00:00Z',
			campaign: { id: 'campaign-7' },
			contact: { email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' },
		});
		const timestamp = options.timestamp ?? String(nowSeconds());
		const digest = hmacHex(options.secret ?? SECRET, `${timestamp}.${body}`);
		return {
			body,
			headers: {
				'content-type': 'application/json',
				'x-signature-timestamp': timestamp,
				'x-signature': options.signature ? options.signature(digest) : `sha256=${digest}`,
			},
		};
	}
	const post = (d: ContactDelivery) => contact.post(d.body, d.headers);
	const without = (d: ContactDelivery, header: string): ContactDelivery => ({
		body: d.body,
		headers: Object.fromEntries(Object.entries(d.headers).filter(([name]) => name !== header)),
	});
	const refused = { status: 401, run: false };
	// Answered 200 with `duplicates: 1`, so the sender stops retrying; nothing runs.
	const acknowledged = { status: 200, run: false };

	matrix('Contact Event', () => [
		{
			kind: 'valid',
			as: 'sha256= over <timestamp>.<body>',
			expected: { status: 200, run: true },
			send: () => post(delivery()),
		},
		{
			kind: 'valid',
			as: 'bare hex digest (no sha256= prefix)',
			expected: { status: 200, run: true },
			send: () => post(delivery({ signature: (digest) => digest })),
		},
		{
			kind: 'tampered body',
			as: 'body changed after signing',
			expected: refused,
			send: async () => {
				const genuine = delivery();
				return await post({
					...genuine,
					body: genuine.body.replace('ada@example.com', 'mallory@example.com'),
				});
			},
		},
		{
			kind: 'tampered body',
			as: 'timestamp header changed after signing (re-dating a capture)',
			expected: refused,
			send: async () => {
				const genuine = delivery({ timestamp: String(nowSeconds() - 60) });
				return await post({
					...genuine,
					headers: { ...genuine.headers, 'x-signature-timestamp': String(nowSeconds()) },
				});
			},
		},
		{
			kind: 'tampered body',
			as: 'body-only signature (timestamp not covered)',
			expected: refused,
			send: async () => {
				const genuine = delivery();
				return await post({
					...genuine,
					headers: { ...genuine.headers, 'x-signature': `sha256=${hmacHex(SECRET, genuine.body)}` },
				});
			},
		},
		{
			kind: 'wrong key',
			as: 'signed with another secret',
			expected: refused,
			send: () => post(delivery({ secret: 'another-signing-secret-000000000000' })),
		},
		{
			kind: 'missing signature',
			as: 'no x-signature header',
			expected: refused,
			send: () => post(without(delivery(), 'x-signature')),
		},
		{
			kind: 'malformed signature',
			as: 'not hex',
			expected: refused,
			send: () => post(delivery({ signature: () => `sha256=${'z'.repeat(64)}` })),
		},
		{
			kind: 'malformed signature',
			as: '63 hex digits',
			expected: refused,
			send: () => post(delivery({ signature: (digest) => `sha256=${digest.slice(0, 63)}` })),
		},
		{
			kind: 'malformed signature',
			as: 'right digest under an unknown scheme (sha512=)',
			expected: refused,
			send: () => post(delivery({ signature: (digest) => `sha512=${digest}` })),
		},
		{
			kind: 'malformed signature',
			as: 'two digests in one header',
			expected: refused,
			send: () => post(delivery({ signature: (digest) => `sha256=${digest},sha256=${digest}` })),
		},
		{
			kind: 'missing or malformed timestamp',
			as: 'no timestamp header',
			expected: refused,
			send: () => post(without(delivery(), 'x-signature-timestamp')),
		},
		{
			kind: 'missing or malformed timestamp',
			as: 'ISO date instead of Unix seconds, signed as sent',
			expected: refused,
			send: () => post(delivery({ timestamp: '2026-11-23T10:00:00Z' })),
		},
		{
			kind: 'stale timestamp',
			as: 'signed 10 minutes ago (tolerance 5 minutes)',
			expected: refused,
			send: () => post(delivery({ timestamp: String(nowSeconds() - 600) })),
		},
		{
			kind: 'future timestamp',
			as: 'signed 10 minutes ahead',
			expected: refused,
			send: () => post(delivery({ timestamp: String(nowSeconds() + 600) })),
		},
		{
			kind: 'replayed event',
			as: 'the same delivery again',
			expected: acknowledged,
			send: async () => {
				const genuine = delivery();
				await deliveredOnce(() => post(genuine));
				return await post(genuine);
			},
		},
		{
			kind: 'replayed event',
			as: "same eventId, freshly signed (the sender's retry)",
			expected: acknowledged,
			send: async () => {
				const eventId = nextId('contact-event');
				await deliveredOnce(() => post(delivery({ eventId })));
				return await post(delivery({ eventId }));
			},
		},
	]);
});
