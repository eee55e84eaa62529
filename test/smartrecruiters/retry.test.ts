/**
 * Failures between n8n and SmartRecruiters, injected by a small proxy in front of the simulator: a create whose
 * response is lost must not be repeated blindly (the email re-check finds the candidate), a create that never
 * arrived is retried once, and a 429 is retried.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { startSmartRecruitersSimulator } from '../simulators/smartrecruiters';
import { apiKeyCredentials, byId, runSmartRecruiters } from './helpers';

type Simulator = Awaited<ReturnType<typeof startSmartRecruitersSimulator>>;
type Fault = {
	match: (method: string, path: string) => boolean;
	kind: 'lostResponse' | 'notReached' | 'tooManyRequests';
};

let sim: Simulator;
let proxy: Server;
let proxyUrl: string;
let faults: Fault[] = [];
const seenByProxy: string[] = [];

async function readBody(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

/** Forwards to the simulator; the first request matching a fault gets that fault once. */
async function handle(req: IncomingMessage, res: ServerResponse) {
	const method = req.method ?? 'GET';
	const path = (req.url ?? '/').split('?')[0];
	seenByProxy.push(`${method} ${path}`);
	const body = await readBody(req);
	const index = faults.findIndex((fault) => fault.match(method, path));
	const fault = index >= 0 ? faults.splice(index, 1)[0] : undefined;
	const refuse = (status: number, code: string) => {
		res
			.writeHead(status, { 'content-type': 'application/json' })
			.end(JSON.stringify({ message: code, errors: [{ code, message: code }] }));
	};
	if (fault?.kind === 'notReached') return refuse(503, 'SERVICE_UNAVAILABLE');
	if (fault?.kind === 'tooManyRequests') return refuse(429, 'TOO_MANY_REQUESTS');
	const headers = Object.fromEntries(
		Object.entries(req.headers).filter(
			([name]) => !['host', 'content-length', 'connection'].includes(name),
		) as Array<[string, string]>,
	);
	const upstream = await fetch(`${sim.baseUrl}${req.url ?? '/'}`, {
		method,
		headers,
		body: body.length > 0 ? body : undefined,
	});
	const payload = Buffer.from(await upstream.arrayBuffer());
	if (fault?.kind === 'lostResponse') return refuse(502, 'BAD_GATEWAY');
	res
		.writeHead(upstream.status, {
			'content-type': upstream.headers.get('content-type') ?? 'application/json',
		})
		.end(payload);
}

beforeAll(async () => {
	sim = await startSmartRecruitersSimulator();
	proxy = createServer((req, res) => {
		handle(req, res).catch((error: Error) => res.writeHead(500).end(error.message));
	});
	await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
	proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});

afterEach(() => {
	faults = [];
	expect(sim.contractViolations).toEqual([]);
});

afterAll(async () => {
	await new Promise<void>((resolve) => {
		proxy.close(() => resolve());
		proxy.closeAllConnections();
	});
	await sim.close();
});

const viaProxy = () => apiKeyCredentials({ ...sim, baseUrl: proxyUrl });
const isCreate = (method: string, path: string) =>
	method === 'POST' && /^\/jobs\/[^/]+\/candidates$/.test(path);
const createsReceived = () => sim.requests.filter((r) => isCreate(r.method, r.path)).length;
const withEmail = (email: string) => sim.state.candidates.filter((c) => c.email === email);

const upsert = async (email: string) =>
	await runSmartRecruiters(
		sim,
		{
			resource: 'candidate',
			operation: 'upsert',
			profileInput: 'json',
			candidateProfile: { email, firstName: 'Retry', lastName: 'Case' },
			job: byId(sim.seed.jobs.productDesigner),
		},
		{ credentials: viaProxy() },
	);

describe('SmartRecruiters retries', () => {
	it('a create whose response was lost is not repeated: the email re-check finds the candidate', async () => {
		faults = [{ match: isCreate, kind: 'lostResponse' }];
		const before = createsReceived();
		const result = await upsert('lost.response@example.com');
		expect(result.error).toBeUndefined();
		const [candidate] = withEmail('lost.response@example.com');
		expect(result.json[0]).toMatchObject({ action: 'created', candidateId: candidate.id });
		expect(withEmail('lost.response@example.com')).toHaveLength(1);
		expect(createsReceived()).toBe(before + 1);
	});

	it('a create that never reached SmartRecruiters is retried once', async () => {
		faults = [{ match: isCreate, kind: 'notReached' }];
		const createsSent = () =>
			seenByProxy.filter((request) => /^POST \/jobs\/[^/]+\/candidates$/.test(request)).length;
		const [sentBefore, receivedBefore] = [createsSent(), createsReceived()];
		const result = await upsert('not.reached@example.com');
		expect(result.json[0]).toMatchObject({ action: 'created' });
		expect(withEmail('not.reached@example.com')).toHaveLength(1);
		expect([createsSent() - sentBefore, createsReceived() - receivedBefore]).toEqual([2, 1]);
	});

	it('the plain Create operation reports a lost response instead of creating twice', async () => {
		faults = [{ match: isCreate, kind: 'lostResponse' }];
		const result = await runSmartRecruiters(
			sim,
			{
				resource: 'candidate',
				operation: 'create',
				addTo: 'job',
				job: byId(sim.seed.jobs.productDesigner),
				firstName: 'Once',
				lastName: 'Only',
				email: 'once.only@example.com',
			},
			{ credentials: viaProxy(), continueOnFail: true },
		);
		expect(result.json[0].error).toMatch(/^SmartRecruiters had a server error \(502 BAD_GATEWAY\)/);
		expect(withEmail('once.only@example.com')).toHaveLength(1);
	});

	it('retries a 429 and then succeeds', async () => {
		faults = [
			{
				match: (method, path) =>
					method === 'GET' && path === `/candidates/${sim.seed.candidates.jane}`,
				kind: 'tooManyRequests',
			},
		];
		const result = await runSmartRecruiters(
			sim,
			{ resource: 'candidate', operation: 'get', candidate: byId(sim.seed.candidates.jane) },
			{ credentials: viaProxy() },
		);
		expect(result.json[0].id).toBe(sim.seed.candidates.jane);
		expect(
			seenByProxy.filter((request) => request === `GET /candidates/${sim.seed.candidates.jane}`),
		).toHaveLength(2);
	});
});
