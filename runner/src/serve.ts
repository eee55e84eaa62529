/**
 * `ats-sync serve`: a small node:http server for the workflow's webhook triggers. Each node is served at the URL
 * n8n would give it (what its `create` registers with the ATS); its `webhook()` gets the request with the
 * express-like surface n8n nodes read (body, rawBody, headers, query, params), and the items it returns start a run.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { INode, INodeExecutionData, IWebhookData } from 'n8n-workflow';

import { EXIT_SUCCESS, UserError } from './errors';
import type { Reporter } from './report';
import { summarizeRun } from './report';
import type { Session, SessionOptions } from './session';
import { openSession } from './session';
import { triggersOf } from './workflowFile';

export interface ServeOptions extends SessionOptions {
	port: number;
	host: string;
	/** Public base URL the ATS should call (behind a proxy); default http://<host>:<port>. */
	publicUrl?: string;
}

const MAX_BODY_BYTES = 16 * 1024 * 1024;

interface Route {
	node: INode;
	httpMethod: string;
	webhookData: IWebhookData;
}

type ExpressLikeRequest = http.IncomingMessage & {
	body: unknown;
	rawBody: Buffer;
	query: Record<string, string>;
	params: Record<string, string>;
	path: string;
};

type ExpressLikeResponse = http.ServerResponse & {
	status(code: number): ExpressLikeResponse;
	set(name: string, value: string): ExpressLikeResponse;
	header(name: string, value: string): ExpressLikeResponse;
	json(body: unknown): ExpressLikeResponse;
	send(body?: unknown): ExpressLikeResponse;
	sendStatus(code: number): ExpressLikeResponse;
};

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		size += (chunk as Buffer).length;
		if (size > MAX_BODY_BYTES) throw Object.assign(new Error('Request body is larger than 16 MB'), { statusCode: 413 });
		chunks.push(chunk as Buffer);
	}
	return Buffer.concat(chunks);
}

function parseBody(raw: Buffer, contentType: string | undefined): unknown {
	if (raw.length === 0) return {};
	const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
	if (type === 'application/json' || type.endsWith('+json')) {
		try {
			return JSON.parse(raw.toString('utf8')) as unknown;
		} catch {
			throw Object.assign(new Error('Request body is not valid JSON'), { statusCode: 400 });
		}
	}
	if (type === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
	if (type.startsWith('text/')) return raw.toString('utf8');
	return {};
}

function expressLike(req: http.IncomingMessage, res: http.ServerResponse, url: URL, raw: Buffer) {
	const request = Object.assign(req, {
		body: parseBody(raw, req.headers['content-type']),
		rawBody: raw,
		query: Object.fromEntries(url.searchParams),
		params: {},
		path: url.pathname,
	}) as ExpressLikeRequest;
	const response = res as ExpressLikeResponse;
	response.status = (code) => {
		response.statusCode = code;
		return response;
	};
	response.set = response.header = (name, value) => {
		response.setHeader(name, value);
		return response;
	};
	response.json = (body) => {
		if (!response.headersSent) response.setHeader('content-type', 'application/json');
		response.end(JSON.stringify(body));
		return response;
	};
	response.send = (body) => {
		if (body === undefined || body === null) response.end();
		else if (Buffer.isBuffer(body) || typeof body === 'string') response.end(body);
		else response.json(body);
		return response;
	};
	response.sendStatus = (code) => response.status(code).send(String(code));
	return { request, response };
}

export interface RunningServer {
	url: string;
	close(): Promise<void>;
}

/** Starts the server and registers the webhooks; resolves once listening. `close()` deregisters and stops. */
export async function startServe(options: ServeOptions, reporter: Reporter): Promise<RunningServer> {
	const server = http.createServer();
	await new Promise<void>((resolve, reject) => {
		server.once('error', (error: NodeJS.ErrnoException) =>
			reject(new UserError(`Cannot listen on ${options.host}:${options.port}: ${error.code ?? error.message}`)),
		);
		server.listen(options.port, options.host, () => resolve());
	});
	const address = server.address() as AddressInfo;
	const baseUrl = (options.publicUrl ?? `http://${options.host}:${address.port}`).replace(/\/+$/, '');
	let session: Session;
	try {
		session = await openSession({ ...options, webhookBaseUrl: baseUrl }, reporter);
	} catch (error) {
		server.close();
		throw error;
	}
	const { engine, workflowData, state } = session;
	const workflow = engine.workflow(workflowData, session.staticData());
	const webhookNodes = triggersOf(workflowData, engine.types).filter((trigger) => trigger.kind === 'webhook');
	if (webhookNodes.length === 0) {
		await session.close();
		server.close();
		throw new UserError(`The workflow has no webhook trigger to serve: use "ats-sync run" for polling or manual triggers`);
	}

	const routes = new Map<string, Route>();
	for (const { node } of webhookNodes) {
		const endpoint = engine.webhookEndpoint(workflow, workflowData, node);
		if (!endpoint) continue;
		const pathname = new URL(endpoint.url).pathname;
		const route: Route = { node, httpMethod: endpoint.httpMethod, webhookData: engine.webhookDescription(workflow, node, pathname, endpoint.httpMethod) };
		// n8n's own path, plus the shorter /webhook/<webhookId> and /webhook/<path> forms.
		routes.set(pathname, route);
		if (node.webhookId) routes.set(`/webhook/${node.webhookId}`, route);
		const ownPath = typeof node.parameters.path === 'string' ? node.parameters.path.replace(/^\/+/, '') : '';
		if (ownPath) routes.set(`/webhook/${ownPath}`, route);
		reporter.note(`"${node.name}" listens at ${endpoint.httpMethod} ${baseUrl}${pathname}`);
	}

	// Runs one at a time, in arrival order: static data (cursors, registration ids) is saved between them.
	let queue: Promise<unknown> = Promise.resolve();
	const runFrom = (node: INode, startItems: INodeExecutionData[]) => {
		// Said at once, so a log shows an accepted event even while earlier runs still hold the queue.
		reporter.note(`"${node.name}" queued a run of ${startItems.length} item${startItems.length === 1 ? '' : 's'}`);
		queue = queue.then(async () => {
			const startedAt = Date.now();
			try {
				reporter.runStarted();
				const run = await engine.run({
					workflow,
					workflowData,
					startNodeName: node.name,
					startItems,
					mode: 'webhook',
					onNodeFinished: (nodeName, summary) => reporter.nodeFinished(nodeName, summary, startItems.length),
				});
				let summary = summarizeRun({
					run,
					nodes: workflowData.nodes,
					connections: workflowData.connections,
					types: engine.types,
					workflow: workflowData.name,
					trigger: node.name,
					startItems,
					durationMs: Date.now() - startedAt,
					dryRun: false,
					plannedWrites: 0,
					stateSaved: false,
				});
				if (summary.status === 'success') {
					state.commitStaticData(workflow.staticData);
					summary = { ...summary, stateSaved: true };
				}
				reporter.summary(summary);
			} catch (error) {
				reporter.error(error);
			}
		});
	};

	server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
		void (async () => {
			const url = new URL(req.url ?? '/', baseUrl);
			const route = routes.get(url.pathname.replace(/\/+$/, ''));
			if (!route) {
				res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ message: `No webhook at ${url.pathname}` }));
				return;
			}
			if (req.method !== route.httpMethod) {
				res.writeHead(405, { 'content-type': 'application/json', allow: route.httpMethod }).end(JSON.stringify({ message: `Use ${route.httpMethod}` }));
				return;
			}
			try {
				const raw = await readBody(req);
				const { request, response } = expressLike(req, res, url, raw);
				const result = await engine.webhook(workflow, workflowData, route.node, route.webhookData, request, response);
				if (!result.noWebhookResponse && !res.headersSent) {
					response.status(200).json(result.webhookResponse ?? { message: 'Workflow was started' });
				}
				const items = result.workflowData?.[0];
				if (items && items.length > 0) {
					reporter.verbose(`"${route.node.name}" received ${items.length} item(s)`);
					runFrom(route.node, items);
				}
			} catch (error) {
				const statusCode = (error as { statusCode?: number }).statusCode ?? 500;
				reporter.error(error);
				if (!res.headersSent) res.writeHead(statusCode, { 'content-type': 'application/json' });
				if (!res.writableEnded) res.end(JSON.stringify({ message: reporter.masker.text((error as Error).message) }));
			}
		})();
	});

	const register = async () => {
		for (const route of new Set(routes.values())) {
			const exists = await engine.webhookMethod(workflow, workflowData, route.node, route.webhookData, 'checkExists');
			if (exists === false) {
				await engine.webhookMethod(workflow, workflowData, route.node, route.webhookData, 'create');
				reporter.note(`"${route.node.name}" registered its webhook`);
			}
		}
		// Registration ids and signing secrets live in static data: keep them even if the server dies.
		state.commitStaticData(workflow.staticData);
	};
	try {
		await register();
	} catch (error) {
		server.close();
		await session.close();
		throw error;
	}

	let closing: Promise<void> | undefined;
	return {
		url: baseUrl,
		close: async () => {
			closing ??= (async () => {
				const closed = new Promise<void>((resolve) => server.close(() => resolve()));
				// Idle keep-alive connections (an ATS's delivery client) would otherwise hold the close for seconds.
				server.closeIdleConnections();
				await closed;
				await queue;
				try {
					for (const route of new Set(routes.values())) {
						await engine.webhookMethod(workflow, workflowData, route.node, route.webhookData, 'delete', 'activate');
					}
					state.commitStaticData(workflow.staticData);
					reporter.note('webhooks deregistered');
				} finally {
					await session.close();
				}
			})();
			await closing;
		},
	};
}

/** Runs until SIGINT/SIGTERM, then deregisters the webhooks and exits 0. */
export async function serveCommand(options: ServeOptions, reporter: Reporter): Promise<number> {
	const running = await startServe(options, reporter);
	reporter.note(`serving ${running.url} — stop with Ctrl-C`);
	await new Promise<void>((resolve) => {
		const stop = () => {
			process.off('SIGINT', stop);
			process.off('SIGTERM', stop);
			resolve();
		};
		process.on('SIGINT', stop);
		process.on('SIGTERM', stop);
	});
	reporter.note('stopping: finishing runs in progress and deregistering webhooks');
	await running.close();
	return EXIT_SUCCESS;
}
