/**
 * The records service the fixture nodes talk to: a source list to poll, candidates to upsert by email, webhook
 * registrations with per-hook signing secrets. Requires `Authorization: Bearer <apiKey>` like a real API.
 */
import { createHmac, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Candidate {
	id: string;
	email: string;
	name: string;
}

export interface Write {
	method: string;
	path: string;
	body: Record<string, unknown>;
}

export interface FixtureServer {
	url: string;
	apiKey: string;
	source: Array<Record<string, unknown> & { seq: number }>;
	candidates: Candidate[];
	writes: Write[];
	hooks: Map<string, { url: string; secret: string }>;
	/** Called for every write after it was applied, before the response is sent. */
	onWrite?: (write: Write, count: number) => void | Promise<void>;
	/** Email domains whose candidates are refused with 422 (a permanent failure). */
	blockedDomains: Set<string>;
	/** While true every request is answered 503 (the service is down). */
	unavailable: boolean;
	sign(hookId: string, body: string): string;
	close(): Promise<void>;
}

export async function startFixtureServer(apiKey = 'fixture-key-5c1e7a'): Promise<FixtureServer> {
	let nextId = 1;
	const state: FixtureServer = {
		url: '',
		apiKey,
		source: [],
		candidates: [],
		writes: [],
		hooks: new Map(),
		blockedDomains: new Set(['blocked.example']),
		unavailable: false,
		sign: (hookId, body) =>
			createHmac('sha256', state.hooks.get(hookId)!.secret).update(body).digest('hex'),
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			void (async () => {
				const send = (status: number, body: unknown) =>
					res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
				if (state.unavailable)
					return send(503, { message: 'service unavailable, try again later' });
				if (req.headers.authorization !== `Bearer ${apiKey}`)
					return send(401, { message: 'invalid API key' });
				const url = new URL(req.url ?? '/', 'http://localhost');
				const body = chunks.length
					? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>)
					: {};
				const write = async (apply: () => unknown, status = 200) => {
					const result = apply();
					const entry = { method: req.method!, path: url.pathname, body };
					state.writes.push(entry);
					await state.onWrite?.(entry, state.writes.length);
					send(status, result);
				};
				const parts = url.pathname.split('/').filter(Boolean);
				if (req.method === 'GET' && url.pathname === '/source') {
					const after = Number(url.searchParams.get('after') ?? 0);
					return send(
						200,
						state.source.filter((record) => record.seq > after),
					);
				}
				if (req.method === 'GET' && url.pathname === '/candidates') {
					const email = url.searchParams.get('email');
					return send(
						200,
						state.candidates.filter((candidate) => candidate.email === email),
					);
				}
				if (req.method === 'POST' && url.pathname === '/candidates') {
					const email = String(body.email ?? '');
					if (state.blockedDomains.has(email.split('@')[1] ?? ''))
						return send(422, { message: 'email domain is blocked' });
					return await write(() => {
						const candidate = { id: `c${nextId++}`, email, name: String(body.name ?? '') };
						state.candidates.push(candidate);
						return candidate;
					}, 201);
				}
				if (req.method === 'PUT' && parts[0] === 'candidates' && parts[1]) {
					const candidate = state.candidates.find((c) => c.id === parts[1]);
					if (!candidate) return send(404, { message: 'no such candidate' });
					return await write(() =>
						Object.assign(candidate, { name: String(body.name ?? candidate.name) }),
					);
				}
				if (req.method === 'POST' && url.pathname === '/hooks') {
					const id = `h${nextId++}`;
					const hook = { url: String(body.url), secret: randomBytes(16).toString('hex') };
					state.hooks.set(id, hook);
					return send(201, { id, ...hook });
				}
				if (parts[0] === 'hooks' && parts[1]) {
					const hook = state.hooks.get(parts[1]);
					if (!hook) return send(404, { message: 'no such hook' });
					if (req.method === 'GET') return send(200, { id: parts[1], url: hook.url });
					if (req.method === 'DELETE') {
						state.hooks.delete(parts[1]);
						return send(200, {});
					}
				}
				return send(404, { message: `no route ${req.method} ${url.pathname}` });
			})();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return state;
}
