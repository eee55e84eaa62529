/**
 * `ats-sync serve` with the fixture package: a delivery is stored before it is acknowledged and run off the
 * acknowledgement path until it is done or dead-lettered; bodies are bounded; a stop refuses new deliveries with 503
 * and leaves the rest in the inbox; registrations and their signing secrets survive restarts until `deregister`.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';

import { openDatabase } from '../../runner/src/serve/sqlite';
import { freePort } from '../n8n/instance';
import { serveRecipe, type ServingRecipe } from '../recipes/helpers';
import type { FixtureServer } from './fixtureServer';
import { startFixtureServer } from './fixtureServer';
import {
	ensureRunnerBuilt,
	fixturePackageDir,
	fixturesDir,
	runCli,
	runInProcess,
	tempDir,
	waitFor,
} from './cli';

let server: FixtureServer;
let dir: string;
let workflow: string;
let credentials: string;

beforeAll(async () => {
	await ensureRunnerBuilt();
});

beforeEach(async () => {
	server = await startFixtureServer();
	dir = tempDir('serve-');
	workflow = path.join(dir, 'webhook-upsert.json');
	copyFileSync(path.join(fixturesDir, 'webhook-upsert.json'), workflow);
	credentials = path.join(dir, 'credentials.json');
	writeFileSync(
		credentials,
		JSON.stringify({
			'Fixture account': {
				type: 'fixtureApi',
				data: { baseUrl: server.url, apiKey: server.apiKey },
			},
		}),
	);
});

afterEach(async () => {
	await server.close();
});

const serve = async (...args: string[]) =>
	await serveRecipe(workflow, [
		'--credentials',
		credentials,
		'--nodes',
		fixturePackageDir,
		...args,
	]);

const hookId = () => [...server.hooks.keys()][0];

/** POSTs events as the fixture service would deliver them, signed with its hook's secret. */
async function deliver(
	url: string,
	events: Array<{ email: string; name?: string }>,
	signature?: string,
) {
	const body = JSON.stringify({ events });
	const response = await fetch(url, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			'x-fixture-signature': signature ?? server.sign(hookId(), body),
		},
		body,
	});
	return {
		status: response.status,
		headers: response.headers,
		body: (await response.json().catch(() => undefined)) as { message?: string } | undefined,
	};
}

async function inbox(...args: string[]) {
	const result = await runInProcess(['inbox', workflow, ...args, '--json']);
	return JSON.parse(result.stdout) as {
		counts: Record<string, number>;
		events: Array<{
			id: number;
			status: string;
			who: string;
			deadLetter?: { error: string; node?: string; who?: string };
		}>;
	};
}

/**
 * One connection kept alive between requests, the way a vendor's delivery client keeps it: each request is sent on
 * it and resolves with the answer's status, or with 'closed' when the server closed the connection instead.
 */
function keptAliveConnection(url: URL) {
	const socket = net.connect(Number(url.port), url.hostname);
	socket.setEncoding('latin1');
	socket.on('error', () => undefined);
	let received = '';
	let closed = false;
	let check = () => undefined as void;
	socket.on('data', (chunk: string) => {
		received += chunk;
		check();
	});
	socket.on('close', () => {
		closed = true;
		check();
	});
	const request = (method: string, pathname: string) =>
		new Promise<number | 'closed'>((resolve) => {
			received = '';
			check = () => {
				const headEnd = received.indexOf('\r\n\r\n');
				const length = /^content-length: *(\d+)/im.exec(received.slice(0, headEnd))?.[1];
				if (headEnd >= 0 && length && received.length >= headEnd + 4 + Number(length))
					resolve(Number(received.slice('HTTP/1.1 '.length, 'HTTP/1.1 '.length + 3)));
				else if (closed) resolve('closed');
			};
			check();
			socket.write(
				`${method} ${pathname} HTTP/1.1\r\nhost: ${url.host}\r\ncontent-length: 0\r\n\r\n`,
			);
		});
	return { request, close: () => socket.destroy() };
}

const runs = (serving: ServingRecipe) => (serving.stderr().match(/run of "/g) ?? []).length;
const emails = () => server.candidates.map((candidate) => candidate.email).sort();

describe('ats-sync serve', () => {
	it('stores a delivery, then acknowledges it, then runs it; a repeat is acknowledged once; a restart keeps the registration and its secret', async () => {
		const port = await freePort();
		const first = await serve('--port', String(port));
		const url = first.urlOf('Events');
		let hook: { url: string; secret: string };
		try {
			expect(url).toBe(`http://127.0.0.1:${port}/webhook/wh-fixture/events`);
			expect([...server.hooks.values()].map((registered) => registered.url)).toEqual([url]);
			hook = { ...server.hooks.get(hookId())! };

			expect((await deliver(url, [{ email: 'eve@example.com' }], 'f'.repeat(64))).status).toBe(401);
			const delivered = await deliver(url, [
				{ email: 'ada@example.com', name: 'Ada' },
				{ email: 'grace@example.com', name: 'Grace' },
			]);
			expect(delivered.status).toBe(200);
			await first.waitFor(/run of "Webhook to upsert"/);
			expect(emails()).toEqual(['ada@example.com', 'grace@example.com']);
			// The vendor sends the same delivery again (it never saw our answer): acknowledged, not run again.
			expect(
				(
					await deliver(url, [
						{ email: 'ada@example.com', name: 'Ada' },
						{ email: 'grace@example.com', name: 'Grace' },
					])
				).status,
			).toBe(200);
			expect((await inbox('list')).counts).toEqual({ pending: 0, done: 1, dead: 0, discarded: 0 });
			expect(
				(await fetch(url.replace('/events', '/other'), { method: 'POST', body: '{}' })).status,
			).toBe(404);
			expect((await fetch(url, { method: 'GET' })).status).toBe(405);
		} finally {
			expect(await first.stop()).toBe(0);
		}
		expect(runs(first)).toBe(1);
		expect(first.stderr()).toContain('"Events" registered its webhook');

		// Registered at the service while serve is down: deliveries wait for the restart, signed as before.
		expect([...server.hooks.values()]).toEqual([hook]);
		const second = await serve('--port', String(port));
		try {
			expect(second.stderr()).toContain('"Events" keeps its webhook registration');
			expect([...server.hooks.values()]).toEqual([hook]);
			expect((await deliver(url, [{ email: 'lin@example.com', name: 'Lin' }])).status).toBe(200);
			await second.waitFor(/run of "Webhook to upsert"/);
		} finally {
			expect(await second.stop()).toBe(0);
		}
		expect(emails()).toEqual(['ada@example.com', 'grace@example.com', 'lin@example.com']);

		const removed = await runCli([
			'deregister',
			workflow,
			'--credentials',
			credentials,
			'--nodes',
			fixturePackageDir,
		]);
		expect(removed.code).toBe(0);
		expect(server.hooks.size).toBe(0);
	});

	it('answers 503 when the inbox cannot store a delivery, and runs it once when it comes again', async () => {
		const serving = await serve();
		const url = serving.urlOf('Events');
		// Another writer holds the database: the insert waits its busy timeout, then gives up.
		const blocker = openDatabase(path.join(dir, 'webhook-upsert.inbox.db'), 0);
		try {
			blocker.exec('BEGIN IMMEDIATE');
			const refused = await deliver(url, [{ email: 'ada@example.com', name: 'Ada' }]);
			expect(refused.status).toBe(503);
			expect(refused.headers.get('retry-after')).toBe('5');
			expect(refused.body?.message).toMatch(/could not be stored .*deliver it again/);
			blocker.exec('ROLLBACK');
			expect(server.writes).toEqual([]);
			expect((await deliver(url, [{ email: 'ada@example.com', name: 'Ada' }])).status).toBe(200);
			await serving.waitFor(/run of "Webhook to upsert"/);
		} finally {
			blocker.close();
			expect(await serving.stop()).toBe(0);
		}
		expect(emails()).toEqual(['ada@example.com']);
		expect(runs(serving)).toBe(1);
	});

	it('refuses a body over its trigger limit with 413 while it streams, and bodies beyond the read cap with 503', async () => {
		expect(
			(
				await runCli([
					'serve',
					workflow,
					'--port',
					'0',
					'--credentials',
					credentials,
					'--nodes',
					fixturePackageDir,
					'--max-body',
					'Nope=1mb',
				])
			).stderr,
		).toContain('--max-body names "Nope", which is not a webhook trigger of the workflow');
		const serving = await serve('--max-body', 'Events=64kb', '--max-open-bodies', '1');
		const url = new URL(serving.urlOf('Events'));
		const post = (
			write: (request: http.ClientRequest) => void,
			headers: http.OutgoingHttpHeaders = {},
		) =>
			new Promise<{ status: number | 'reset'; request: http.ClientRequest }>((resolve) => {
				const request = http.request({
					host: url.hostname,
					port: url.port,
					path: url.pathname,
					method: 'POST',
					headers: { 'content-type': 'application/json', ...headers },
				});
				request.on('response', (response) => {
					response.resume();
					resolve({ status: response.statusCode ?? 0, request });
				});
				request.on('error', () => resolve({ status: 'reset', request }));
				write(request);
			});
		try {
			expect(serving.stderr()).toContain('(bodies up to 64 KB)');
			// Announced too large: refused before a byte of it is read.
			const announced = await post((request) => request.end(Buffer.alloc(65 * 1024, 0x20)), {
				'content-length': 65 * 1024,
			});
			expect(announced.status).toBe(413);
			// Streamed without a length: refused once 64 KB have arrived, the rest is never read.
			const streamed = await post((request) => {
				for (let i = 0; i < 40; i++) request.write(Buffer.alloc(4096, 0x20));
			});
			expect(streamed.status).toBe(413);
			streamed.request.destroy();

			// One body is being read (its upload stalls): the next request is turned away until it is done.
			const stalled = http.request({
				host: url.hostname,
				port: url.port,
				path: url.pathname,
				method: 'POST',
				headers: { 'content-type': 'application/json', 'content-length': 100 },
			});
			stalled.on('error', () => undefined);
			stalled.write('{"events": [');
			const untilAnswered = async (status: number) => {
				for (let tries = 0; tries < 600; tries++) {
					if ((await post((request) => request.end('{}'))).status === status) return status;
					await new Promise((resolve) => setTimeout(resolve, 50));
				}
				return undefined;
			};
			expect(await untilAnswered(503)).toBe(503);
			stalled.destroy();
			// Unsigned: refused by the trigger, which shows the body was read.
			expect(await untilAnswered(401)).toBe(401);
		} finally {
			expect(await serving.stop()).toBe(0);
		}
		expect(server.writes).toEqual([]);
	});

	it('on SIGTERM refuses new deliveries with 503, ends the run in progress within its shutdown timeout and leaves the rest for the next start', async () => {
		/** Holds every write's answer (the write is applied) until released: the run in progress cannot finish. */
		const holdWrites = () => {
			let release: () => void = () => undefined;
			const released = new Promise<void>((resolve) => (release = resolve));
			let held = 0;
			server.onWrite = async () => {
				held++;
				await released;
			};
			return { release, held: () => held };
		};
		const port = await freePort();
		const people = ['p1', 'p2', 'p3', 'p4', 'p5'].map((name) => ({
			email: `${name}@example.com`,
			name,
		}));

		let writes = holdWrites();
		const first = await serve('--port', String(port), '--shutdown-timeout', '600');
		const url = first.urlOf('Events');
		const idle = keptAliveConnection(new URL(url));
		expect(await idle.request('GET', '/not-a-webhook')).toBe(404);
		// Acknowledged at once, although the first run is stuck: runs do not hold acknowledgements.
		for (const person of people) expect((await deliver(url, [person])).status).toBe(200);
		await waitFor(() => writes.held() > 0, 'the first run to reach its write');
		const firstExit = first.stop();
		await first.waitFor(/stopping: new deliveries are refused/);
		// While the run in progress finishes, the listener answers 503: the vendor delivers again later.
		const refused = await deliver(url, [{ email: 'late@example.com', name: 'Late' }]);
		expect({ status: refused.status, retryAfter: refused.headers.get('retry-after') }).toEqual({
			status: 503,
			retryAfter: '5',
		});
		// A connection left idle before the stop gets that 503 too, not a connection closed as the delivery is sent.
		expect(await idle.request('POST', new URL(url).pathname)).toBe(503);
		idle.close();
		writes.release();
		expect(await firstExit).toBe(0);
		expect((await inbox('list')).counts).toMatchObject({ pending: 4, done: 1 });

		// A run that does not finish within the shutdown timeout is left for the next start; serve still exits 0.
		writes = holdWrites();
		const second = await serve('--port', String(port), '--shutdown-timeout', '1');
		expect(second.stderr()).toContain('4 event(s) waiting');
		await waitFor(() => writes.held() > 0, 'the next run to reach its write');
		expect(await second.stop()).toBe(0);
		expect(second.stderr()).toContain('the run in progress did not finish within 1 s');
		expect((await inbox('list')).counts).toMatchObject({ pending: 4, done: 1 });

		writes.release();
		server.onWrite = undefined;
		const third = await serve('--port', String(port));
		try {
			await third.waitFor(/run of "Webhook to upsert"/, 4);
		} finally {
			expect(await third.stop()).toBe(0);
		}
		// The cut-short run's write was applied; its rerun found the candidate instead of creating a second one.
		expect(emails()).toEqual(people.map((person) => person.email));
		expect((await inbox('list')).counts).toMatchObject({ pending: 0, done: 5 });
	});

	it('retries a run that failed while the service was down, and dead-letters a permanent failure until a retry after the fix', async () => {
		const serving = await serve(
			'--retry-base',
			'0.2',
			'--retry-max',
			'0.4',
			'--retry-attempts',
			'1000',
		);
		const url = serving.urlOf('Events');
		try {
			server.unavailable = true;
			expect((await deliver(url, [{ email: 'ada@example.com', name: 'Ada' }])).status).toBe(200);
			await serving.waitFor(/attempt 2 of 1000 failed \(Upsert: .*\); next in/);
			server.unavailable = false;
			await waitFor(() => emails().includes('ada@example.com'), 'the retried run');

			expect((await deliver(url, [{ email: 'bob@blocked.example', name: 'Bob' }])).status).toBe(
				200,
			);
			await serving.waitFor(/dead-lettered: Upsert: .*/);
			const { counts, events } = await inbox('list', '--dead');
			expect(counts).toMatchObject({ dead: 1, pending: 0, done: 1 });
			expect(events).toEqual([
				expect.objectContaining({
					status: 'dead',
					who: 'bob@blocked.example',
					deadLetter: expect.objectContaining({
						node: 'Upsert',
						who: 'bob@blocked.example',
						error: expect.stringMatching(/^Upsert: .*/),
					}),
				}),
			]);
			// The operator fixes the cause and retries: the running server picks the event up.
			server.blockedDomains.clear();
			const retried = await inbox('retry', String(events[0].id));
			expect(retried).toMatchObject({ counts: { dead: 0, pending: 1 } });
			await waitFor(() => emails().includes('bob@blocked.example'), 'the retried dead letter');
		} finally {
			expect(await serving.stop()).toBe(0);
		}
		expect(emails()).toEqual(['ada@example.com', 'bob@blocked.example']);
		expect((await inbox('list')).counts).toMatchObject({ dead: 0, pending: 0, done: 2 });
	});
});
