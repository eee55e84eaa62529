/**
 * Fuzzing the webhook endpoints of `ats-sync serve`: the two shipped export recipes (Lever Trigger + Contact Event
 * Trigger, SmartRecruiters Trigger + Contact Event Trigger) served against the simulators, then thousands of seeded
 * random requests sent as raw bytes over TCP (so header bytes no HTTP client would send get through too): random
 * bytes, non-UTF-8 and huge bodies, deeply nested JSON, wrong content types, injection-like and oversized headers,
 * random header sets, and near-miss signatures made with the real keys and one change each.
 *
 * Never a crash: every request gets an answer, no 5xx, and both servers still run a genuine delivery afterwards and
 * exit 0 on SIGTERM. Never a run: no run summary on stderr and not one call to either ATS until the controls.
 * FUZZ_SEED and FUZZ_REQUESTS change the seed and the number of requests; the figures line repeats the seed.
 */
import { createHmac } from 'node:crypto';
import net from 'node:net';

import { LEVER_SEED, startLeverSimulator, type LeverSimulator } from '../simulators/lever';
import {
	SMARTRECRUITERS_SEED,
	startSmartRecruitersSimulator,
	type SmartRecruitersSimulator,
} from '../simulators/smartrecruiters';
import {
	ensureBuilt,
	postSigned,
	serveRecipe,
	tempDir,
	writeJson,
	type ServingRecipe,
} from '../recipes/helpers';
import { seededRandom } from '../seededRandom';
import { inboxCounts } from './serveLives';

const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 4000);
const CONCURRENCY = 8;
const INTERVIEW_SECRET = 'interview-platform-signing-secret-fuzz';
const RUN_LINE = /run of "/g;
/** Signed times outside the triggers' 300 s window, by at least a minute so a slow answer cannot bring one inside. */
const outsideWindowSeconds = () => int(360, 86_400);
/** ats-sync serve's default body limit: it answers 413 and closes, which can reset a client still uploading. */
const MAX_BODY_BYTES = 1024 * 1024;

const random = seededRandom(SEED);
const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const pick = <T>(values: readonly T[]): T => values[int(0, values.length - 1)];
const bytes = (length: number) => Buffer.from(Array.from({ length }, () => int(0, 255)));
const hex = (length: number) =>
	Array.from({ length }, () => '0123456789abcdef'[int(0, 15)]).join('');
const hmacHex = (key: string, text: string) => createHmac('sha256', key).update(text).digest('hex');

/** One character of `text` replaced by a different one from `alphabet` (a near miss, never the original). */
function oneOff(text: string, alphabet = '0123456789abcdef'): string {
	const at = int(0, text.length - 1);
	const choices = alphabet.split('').filter((char) => char !== text[at].toLowerCase());
	return `${text.slice(0, at)}${pick(choices)}${text.slice(at + 1)}`;
}

interface FuzzRequest {
	category: string;
	method?: string;
	/** Header lines as sent, in order: [name, value] (any bytes, via latin1). */
	headers: Array<[string, string]>;
	body: Buffer;
}

/**
 * What came back for one raw request: the status; 'reset' when the connection was reset before an answer could be
 * read; 'none' when it closed without an answer.
 */
async function sendRaw(url: string, request: FuzzRequest): Promise<number | 'none' | 'reset'> {
	const { hostname, port, pathname } = new URL(url);
	const head =
		`${request.method ?? 'POST'} ${pathname} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nConnection: close\r\n` +
		request.headers.map(([name, value]) => `${name}: ${value}\r\n`).join('') +
		`Content-Length: ${request.body.length}\r\n\r\n`;
	return await new Promise((resolve) => {
		const socket = net.connect(Number(port), hostname);
		const chunks: Buffer[] = [];
		let settled = false;
		let reset = false;
		const finish = () => {
			if (settled) return;
			settled = true;
			const status = /^HTTP\/1\.[01] (\d{3})/.exec(
				Buffer.concat(chunks).subarray(0, 32).toString('latin1'),
			)?.[1];
			resolve(status ? Number(status) : reset ? 'reset' : 'none');
		};
		socket.on('data', (chunk: Buffer) => chunks.push(chunk));
		socket.on('close', finish);
		socket.on('error', (error: NodeJS.ErrnoException) => {
			reset = error.code === 'ECONNRESET' || error.code === 'EPIPE';
			socket.destroy();
		});
		socket.setTimeout(30_000, () => socket.destroy());
		socket.write(Buffer.concat([Buffer.from(head, 'latin1'), request.body]));
	});
}

const CONTENT_TYPES = [
	'application/json',
	'application/json; charset=utf-8',
	'text/plain',
	'application/x-www-form-urlencoded',
	'multipart/form-data; boundary=x',
	'application/xml',
	'application/octet-stream',
	'application/vnd.api+json',
	'',
];
const INJECTIONS = [
	'value\r\nX-Injected: 1',
	'a\nb',
	'v1=abc\r\n\r\nPOST / HTTP/1.1',
	'nul\u0000byte',
	'\u00ff\u00fe latin1',
	'tab\tseparated',
	' leading and trailing ',
	'"; DROP TABLE webhooks; --',
	'${jndi:ldap://127.0.0.1/a}',
	'{{ $env.SECRET }}',
	'../../etc/passwd',
	'%0d%0aSet-Cookie: a=b',
];
const SIGNATURE_HEADERS = [
	'smartrecruiters-signature',
	'smartrecruiters-timestamp',
	'x-signature',
	'x-hub-signature-256',
	'x-lever-signature',
	'lever-signature',
	'event-id',
	'event-name',
	'link',
	'x-hook-secret',
];

function jsonHeaders(contentType = 'application/json'): Array<[string, string]> {
	return contentType ? [['Content-Type', contentType]] : [];
}

function deepJson(depth: number): Buffer {
	return random() < 0.5
		? Buffer.from(`${'['.repeat(depth)}${']'.repeat(depth)}`)
		: Buffer.from(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);
}

function randomJsonValue(depth = 0): unknown {
	const kind = int(0, depth > 3 ? 3 : 6);
	if (kind === 0) return int(-1e9, 1e9);
	if (kind === 1) return hex(int(0, 80));
	if (kind === 2) return random() < 0.5;
	if (kind === 3) return null;
	if (kind === 4) return Array.from({ length: int(0, 4) }, () => randomJsonValue(depth + 1));
	const keys = [
		'token',
		'signature',
		'triggeredAt',
		'id',
		'event',
		'data',
		'type',
		'eventId',
		'occurredAt',
		'contact',
		'campaign',
		'__proto__',
		'constructor',
		hex(6),
	];
	return Object.fromEntries(
		Array.from({ length: int(0, 6) }, () => [pick(keys), randomJsonValue(depth + 1)]),
	);
}

interface Endpoint {
	name: string;
	url: string;
	/** A near-miss delivery for this endpoint: made with the real key, then one thing changed. */
	nearMiss(): FuzzRequest;
}

describe('webhook endpoints of ats-sync serve under fuzzing', () => {
	let lever: LeverSimulator;
	let sr: SmartRecruitersSimulator;
	let leverServer: ServingRecipe;
	let srServer: ServingRecipe;
	let dir: string;

	beforeAll(async () => {
		await ensureBuilt();
		// Both servers register plain-http loopback URLs: simulators and credentials opt in to that.
		lever = await startLeverSimulator({
			webhookRetryDelaysMs: [1, 1, 1, 1, 1],
			allowInsecureWebhookUrls: true,
		});
		sr = await startSmartRecruitersSimulator({ allowInsecureWebhookUrls: true });
		dir = tempDir('webhook-fuzz-');
		const shared = {
			'Interview platform webhook': {
				type: 'contactEventWebhookApi',
				data: { signingSecret: INTERVIEW_SECRET },
			},
			'Pseudonym secret': {
				type: 'pseudonymSecretApi',
				data: { secret: 'pseudonym-secret-for-webhook-fuzz-0123456789' },
			},
			'Interview platform API': {
				type: 'onboardingApi',
				data: {
					authType: 'header',
					headerName: 'Authorization',
					headerValue: 'Bearer fuzz-platform-token',
				},
			},
		};
		const credentials = writeJson(dir, 'credentials.json', {
			'Lever account': {
				type: 'leverApi',
				data: {
					apiKey: lever.apiKey,
					environment: 'custom',
					customUrl: lever.baseUrl,
					allowHttpWebhookUrls: true,
					defaultPerformAs: LEVER_SEED.users.recruiter,
				},
			},
			'SmartRecruiters account': {
				type: 'smartRecruitersApi',
				data: {
					apiKey: sr.apiKey,
					environment: 'custom',
					customUrl: sr.baseUrl,
					allowHttpWebhookUrls: true,
				},
			},
			...shared,
		});
		leverServer = await serveRecipe('export-on-interview-feedback.lever.json', [
			'--credentials',
			credentials,
			'--state',
			`${dir}/lever-state.json`,
		]);
		srServer = await serveRecipe('export-on-interview-feedback.smartrecruiters.json', [
			'--credentials',
			credentials,
			'--state',
			`${dir}/sr-state.json`,
		]);
		await leverServer.waitFor(/registered its webhook/);
		await srServer.waitFor(/registered its webhook/);
	});

	afterAll(async () => {
		await lever?.close();
		await sr?.close();
	});

	it('answers every request without a crash or a 5xx and starts no run, then still runs genuine deliveries', async () => {
		const leverUrl = leverServer.urlOf('Stage Changed');
		const srUrl = srServer.urlOf('Status Changed');
		const leverKey = lever.state.webhooks.find(
			(webhook) => webhook.url === leverUrl,
		)!.signatureToken;
		const subscription = sr.state.subscriptions.find(
			(candidate) => candidate.callbackUrl === srUrl,
		)!;
		const srKey = subscription.secretKeys[subscription.secretKeys.length - 1].key;

		const leverEnvelope = () => {
			const body = {
				id: `fuzz-${hex(8)}`,
				event: 'candidateStageChange',
				triggeredAt: Date.now(),
				data: {
					opportunityId: LEVER_SEED.opportunities.adaBackend,
					toStageId: LEVER_SEED.stages.onsite,
				},
				token: hex(48),
			};
			return { ...body, signature: hmacHex(leverKey, `${body.token}${body.triggeredAt}`) };
		};
		const srSigned = (body: string, timestamp: number, eventId: string) => {
			const link = `<${sr.baseUrl}/candidates/${SMARTRECRUITERS_SEED.candidates.jane}/jobs/${SMARTRECRUITERS_SEED.jobs.backendEngineer}>; rel=self`;
			const signature = hmacHex(
				srKey,
				[timestamp, body, eventId, 'application.status.updated', 'v201910', link].join('.'),
			);
			return { link, signature };
		};
		const interviewEvent = () =>
			JSON.stringify({
				type: 'interview.completed',
				eventId: `fuzz-${hex(8)}`,
				occurredAt: '2026-11-23T10:00:00Z',
				contact: { email: 'fuzz@example.com' },
				interview: { result: 'passed' },
			});

		const endpoints: Endpoint[] = [
			{
				name: 'Lever',
				url: leverUrl,
				nearMiss: () => {
					// Lever signs token + triggeredAt only: a near miss changes one of those or the signature itself.
					const envelope: Record<string, unknown> = leverEnvelope();
					const field = pick(['signature', 'token', 'triggeredAt', 'staleBy', 'aheadBy']);
					if (field === 'signature') envelope.signature = oneOff(envelope.signature as string);
					if (field === 'token') envelope.token = oneOff(envelope.token as string);
					if (field === 'triggeredAt')
						envelope.triggeredAt = (envelope.triggeredAt as number) + int(1, 1000) * pick([-1, 1]);
					if (field === 'staleBy' || field === 'aheadBy') {
						const triggeredAt =
							Date.now() + (field === 'staleBy' ? -1 : 1) * outsideWindowSeconds() * 1000;
						envelope.triggeredAt = triggeredAt;
						envelope.signature = hmacHex(leverKey, `${envelope.token as string}${triggeredAt}`);
					}
					return {
						category: 'near-miss signature',
						headers: jsonHeaders(),
						body: Buffer.from(JSON.stringify(envelope)),
					};
				},
			},
			{
				name: 'SmartRecruiters',
				url: srUrl,
				nearMiss: () => {
					let body = JSON.stringify({
						job_id: SMARTRECRUITERS_SEED.jobs.backendEngineer,
						candidate_id: SMARTRECRUITERS_SEED.candidates.jane,
					});
					let timestamp = Math.floor(Date.now() / 1000);
					let eventId = `fuzz-${hex(8)}`;
					const { link, signature } = srSigned(body, timestamp, eventId);
					let header = `v1=${signature}`;
					const change = pick([
						'signature',
						'body',
						'timestamp',
						'eventId',
						'scheme',
						'stale',
						'ahead',
					]);
					if (change === 'signature') header = `v1=${oneOff(signature)}`;
					if (change === 'body') body = body.replace('"job_id"', '"job_Id"');
					if (change === 'timestamp') timestamp += pick([-1, 1]);
					if (change === 'eventId') eventId = oneOff(eventId, 'ghijklmnop');
					if (change === 'scheme')
						header = `${pick(['v2', 'V1', 'v0', 'sha256', ''])}=${signature}`;
					if (change === 'stale' || change === 'ahead') {
						timestamp += (change === 'stale' ? -1 : 1) * outsideWindowSeconds();
						header = `v1=${srSigned(body, timestamp, eventId).signature}`;
					}
					return {
						category: 'near-miss signature',
						headers: [
							['Content-Type', 'application/json'],
							['event-id', eventId],
							['event-name', 'application.status.updated'],
							['event-version', 'v201910'],
							['link', link],
							['smartrecruiters-timestamp', String(timestamp)],
							['smartrecruiters-signature', header],
						],
						body: Buffer.from(body),
					};
				},
			},
			...[leverServer, srServer].map((server, index) => ({
				name: `Contact Event (${index === 0 ? 'Lever' : 'SmartRecruiters'} recipe)`,
				url: server.urlOf('Interview Completed'),
				nearMiss: (): FuzzRequest => {
					let body = interviewEvent();
					let digest = hmacHex(INTERVIEW_SECRET, body);
					const change = pick(['signature', 'body', 'scheme', 'key']);
					if (change === 'signature') digest = oneOff(digest);
					if (change === 'body') body = body.replace('passed', 'failed');
					if (change === 'key')
						digest = hmacHex(oneOff(INTERVIEW_SECRET, 'abcdefghijklmnopqrstuvwxyz'), body);
					const prefix =
						change === 'scheme' ? pick(['sha1=', 'sha512=', 'v1=', 'sha256:']) : 'sha256=';
					return {
						category: 'near-miss signature',
						headers: [
							['Content-Type', 'application/json'],
							['x-signature', `${prefix}${digest}`],
						],
						body: Buffer.from(body),
					};
				},
			})),
		];

		const generators: Array<[number, (endpoint: Endpoint) => FuzzRequest]> = [
			[20, (endpoint) => endpoint.nearMiss()],
			[
				12,
				() => ({
					category: 'random bytes',
					headers: jsonHeaders(pick(CONTENT_TYPES)),
					body: bytes(int(0, 4096)),
				}),
			],
			[
				10,
				() => ({
					category: 'non-UTF-8 JSON',
					headers: jsonHeaders(),
					body: Buffer.concat([
						Buffer.from('{"token":"'),
						bytes(int(1, 64)).map((b) => b | 0x80),
						Buffer.from('","signature":"'),
						Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xff, 0xfe]),
						Buffer.from('"}'),
					]),
				}),
			],
			[
				8,
				() => ({
					category: 'deeply nested JSON',
					headers: jsonHeaders(),
					body: deepJson(int(1_000, 200_000)),
				}),
			],
			[
				12,
				() => ({
					category: 'wrong content type',
					headers: jsonHeaders(pick(CONTENT_TYPES.filter((type) => !type.includes('json')))),
					body: Buffer.from(interviewEvent()),
				}),
			],
			[
				12,
				(endpoint) => {
					const headers: Array<[string, string]> = [['Content-Type', 'application/json']];
					for (let i = int(1, 4); i > 0; i--)
						headers.push([pick(SIGNATURE_HEADERS), pick(INJECTIONS)]);
					return { category: 'injection-like headers', headers, body: endpoint.nearMiss().body };
				},
			],
			[
				15,
				() => {
					const headers: Array<[string, string]> = jsonHeaders(pick(CONTENT_TYPES));
					for (let i = int(0, 12); i > 0; i--)
						headers.push([
							random() < 0.5 ? pick(SIGNATURE_HEADERS) : `x-${hex(int(1, 12))}`,
							random() < 0.3 ? hex(64) : `v1=${hex(int(0, 70))}`,
						]);
					return {
						category: 'random headers and JSON',
						headers,
						body: Buffer.from(JSON.stringify(randomJsonValue())),
					};
				},
			],
			[
				4,
				(endpoint) => ({
					category: 'oversized headers',
					headers: [
						['Content-Type', 'application/json'],
						[pick(SIGNATURE_HEADERS), `v1=${hex(int(20_000, 120_000))}`],
					],
					body: endpoint.nearMiss().body,
				}),
			],
			[
				3,
				(endpoint) => {
					const headers: Array<[string, string]> = [['Content-Type', 'application/json']];
					const near = endpoint.nearMiss();
					// The same signature header twice: a genuine one's near miss and a random one, in either order.
					for (const [name, value] of near.headers)
						if (name !== 'Content-Type') headers.push([name, value], [name, `v1=${hex(64)}`]);
					return { category: 'duplicate headers', headers, body: near.body };
				},
			],
			[
				2,
				() => ({
					category: 'other methods',
					method: pick(['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']),
					headers: jsonHeaders(),
					body: Buffer.from('{}'),
				}),
			],
			[
				1,
				() => ({
					category: 'huge body',
					headers: jsonHeaders(),
					body: Buffer.alloc(int(1, 20) * 1024 * 1024, 0x20),
				}),
			],
		];
		const totalWeight = generators.reduce((sum, [weight]) => sum + weight, 0);
		const generate = (endpoint: Endpoint) => {
			let roll = random() * totalWeight;
			for (const [weight, make] of generators) {
				roll -= weight;
				if (roll < 0) return make(endpoint);
			}
			return generators[0][1](endpoint);
		};

		const apiCallsBefore = { lever: lever.requests.length, sr: sr.requests.length };
		const statuses = new Map<string, number>();
		const byCategory = new Map<string, number>();
		const crashes: string[] = [];
		const acceptedForgeries: string[] = [];
		let handshakes = 0;
		let next = 0;
		await Promise.all(
			Array.from({ length: CONCURRENCY }, async () => {
				while (next < REQUESTS) {
					next++;
					// Made just before it is sent, so its signed times are relative to now. Making a request is
					// synchronous, so the PRNG is consumed in request order and a seed gives the same requests.
					const endpoint = pick(endpoints);
					const request = generate(endpoint);
					const status = await sendRaw(endpoint.url, request);
					statuses.set(String(status), (statuses.get(String(status)) ?? 0) + 1);
					byCategory.set(request.category, (byCategory.get(request.category) ?? 0) + 1);
					// Over the limit the server answers 413 and closes mid-upload; a reset before the answer is read is that refusal.
					const refusedUpload = status === 'reset' && request.body.length > MAX_BODY_BYTES;
					if (
						status === 'none' ||
						(status === 'reset' && !refusedUpload) ||
						(typeof status === 'number' && status >= 500)
					)
						crashes.push(`${endpoint.name} / ${request.category}: ${status}`);
					// The only 2xx a forgery may get: SmartRecruiters' activation handshake, an echo of X-Hook-Secret.
					const handshake =
						endpoint.name === 'SmartRecruiters' &&
						request.headers.some(([name]) => name === 'x-hook-secret');
					if (typeof status === 'number' && status < 300) {
						if (handshake) handshakes++;
						else
							acceptedForgeries.push(
								`${endpoint.name} / ${request.category}: accepted with ${status}`,
							);
					}
				}
			}),
		);

		const runLines = () => [
			(leverServer.stderr().match(RUN_LINE) ?? []).length,
			(srServer.stderr().match(RUN_LINE) ?? []).length,
		];
		const apiCalls =
			lever.requests.length - apiCallsBefore.lever + (sr.requests.length - apiCallsBefore.sr);
		const histogram = [...statuses.entries()]
			.sort()
			.map(([status, count]) => `${status}×${count}`)
			.join(' ');
		const categories = [...byCategory.entries()]
			.sort()
			.map(([category, count]) => `${category} ${count}`)
			.join(', ');

		// Controls: a genuine delivery to each endpoint still runs, so the zero above is not a dead server's zero.
		const leverControl = await lever.sendWebhook(
			'candidateStageChange',
			{
				opportunityId: LEVER_SEED.opportunities.adaBackend,
				toStageId: LEVER_SEED.stages.onsite,
				fromStageId: LEVER_SEED.stages.phoneInterview,
			},
			{ to: leverUrl },
		);
		await leverServer.waitFor(RUN_LINE, 1);
		const srControl = await sr.deliverEvent('application.status.updated', {
			job_id: SMARTRECRUITERS_SEED.jobs.backendEngineer,
			candidate_id: SMARTRECRUITERS_SEED.candidates.jane,
			application_id: SMARTRECRUITERS_SEED.applications.janeBackendEngineer,
		});
		await srServer.waitFor(RUN_LINE, 1);
		const contactControl = await postSigned(
			leverServer.urlOf('Interview Completed'),
			INTERVIEW_SECRET,
			JSON.parse(interviewEvent()),
		);
		await leverServer.waitFor(RUN_LINE, 2);
		const exitCodes = [await leverServer.stop(), await srServer.stop()];
		const [leverRuns, srRuns] = runLines();
		// Whatever a fuzz request had got accepted would be in the inbox, run or not.
		const accepted = (state: string) =>
			Object.values(inboxCounts(state)).reduce((sum, count) => sum + count, 0);
		const inboxEvents = {
			lever: accepted(`${dir}/lever-state.json`),
			sr: accepted(`${dir}/sr-state.json`),
		};
		const runsStartedByFuzz = leverRuns - 2 + (srRuns - 1);

		process.stdout.write(
			`\nWebhook fuzz (seed ${SEED}): ${REQUESTS} requests to ${endpoints.length} endpoints (${categories}); ` +
				`status histogram ${histogram} (2xx: ${handshakes} X-Hook-Secret handshake echoes, no run${statuses.has('reset') ? '; reset: uploads over 1 MB cut off after the 413' : ''}); crashes ${crashes.length + exitCodes.filter((code) => code !== 0).length}; forgeries answered 2xx ${acceptedForgeries.length}; ` +
				`runs started ${runsStartedByFuzz}; ATS API calls ${apiCalls}; controls after fuzzing: Lever ${leverControl[0].status}, SmartRecruiters ${srControl[0].status}, Contact Event ${contactControl.status}, all ran\n`,
		);
		expect(crashes).toEqual([]);
		expect(acceptedForgeries).toEqual([]);
		// Exactly the three controls ran: two on the Lever recipe's server, one on the SmartRecruiters one.
		expect({ leverRuns, srRuns }).toEqual({ leverRuns: 2, srRuns: 1 });
		expect(inboxEvents).toEqual({ lever: 2, sr: 1 });
		expect(apiCalls).toBe(0);
		expect([leverControl[0].status, srControl[0].status, contactControl.status]).toEqual([
			200, 202, 200,
		]);
		expect(exitCodes).toEqual([0, 0]);
	});
});
