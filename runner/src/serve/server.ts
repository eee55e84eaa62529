/**
 * `ats-sync serve`, assembled: a node:http server for the workflow's webhook triggers (each at the URL n8n would give
 * it), the acceptor that stores every delivery before answering, the worker thread that runs the inbox, and the
 * registrations, which outlive the process. Stopping refuses new deliveries with 503 (the vendor delivers again
 * later), lets the run in progress finish within the shutdown timeout and leaves the rest in the inbox.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

import { UserError } from '../errors';
import type { Reporter } from '../report/reporter';
import type { Session } from '../session';
import { openSession } from '../session';
import { accept, GroupCommit, StoreError } from './acceptor';
import { answer, BodyGate, describeSize, HttpError, webhookRequest } from './http';
import type { WebhookTrigger } from './registration';
import { register, webhookTriggers } from './registration';
import type { ServeOptions } from './options';
import { THREAD_YOUNG_GENERATION_MB } from './options';
import type { FromWorker, ToWorker, WorkerThreadData } from './workerThread';

export interface RunningServer {
	url: string;
	/** Settles if the worker thread dies: serve cannot run events any more (a process manager restarts it). */
	workerFailed: Promise<Error>;
	close(): Promise<void>;
}

interface WorkerHandle {
	ready: Promise<void>;
	failed: Promise<Error>;
	wake(): void;
	/** Asks the worker to finish its run; terminates it after `timeoutMs`. Resolves whether it finished in time. */
	stop(timeoutMs: number): Promise<boolean>;
}

function startWorker(data: WorkerThreadData): WorkerHandle {
	const worker = new Worker(path.join(__dirname, 'workerThread.js'), {
		workerData: data,
		resourceLimits: { maxYoungGenerationSizeMb: THREAD_YOUNG_GENERATION_MB },
	});
	let stopping = false;
	let stopped = false;
	let onFailed: (error: Error) => void = () => undefined;
	const failed = new Promise<Error>((resolve) => (onFailed = resolve));
	const ready = new Promise<void>((resolve, reject) => {
		const fail = (error: Error) => {
			reject(error);
			if (!stopping) onFailed(error);
		};
		worker.on('message', (message: FromWorker) => {
			if (message.type === 'ready') resolve();
			else if (message.type === 'stopped') stopped = true;
			else fail(new UserError(message.message, message.exitCode));
		});
		worker.on('error', (error) => fail(new Error(`the worker thread failed: ${error.message}`)));
		worker.on('exit', (code) => {
			if (!stopped) fail(new Error(`the worker thread stopped (exit code ${code})`));
		});
	});
	// A failure is reported through `ready` or `failed`, never as an unhandled rejection.
	ready.catch(() => undefined);
	const send = (message: ToWorker) => worker.postMessage(message);
	return {
		ready,
		failed,
		wake: () => send({ type: 'wake' }),
		stop: async (timeoutMs) => {
			stopping = true;
			const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
			send({ type: 'stop' });
			let timer: NodeJS.Timeout | undefined;
			const inTime = await Promise.race([
				new Promise<boolean>((resolve) => {
					const check = () => (stopped ? resolve(true) : undefined);
					worker.on('message', check);
					void exited.then(() => resolve(stopped));
				}),
				new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
			]);
			clearTimeout(timer);
			await worker.terminate();
			return inTime;
		},
	};
}

/** The paths a trigger answers: n8n's own, plus the shorter /webhook/<webhookId> and /webhook/<path> forms. */
function routesOf(triggers: WebhookTrigger[]): Map<string, WebhookTrigger> {
	const routes = new Map<string, WebhookTrigger>();
	for (const trigger of triggers) {
		routes.set(trigger.pathname, trigger);
		if (trigger.node.webhookId) routes.set(`/webhook/${trigger.node.webhookId}`, trigger);
		const ownPath =
			typeof trigger.node.parameters.path === 'string'
				? trigger.node.parameters.path.replace(/^\/+/, '')
				: '';
		if (ownPath) routes.set(`/webhook/${ownPath}`, trigger);
	}
	return routes;
}

/** Starts the server, the worker and the registrations; resolves once it serves. */
export async function startServe(
	options: ServeOptions,
	reporter: Reporter,
): Promise<RunningServer> {
	// Node closes a kept-alive connection after 5 s idle; a client sending its next delivery on it just then gets a
	// reset instead of an answer. Senders keep connections idle for up to a minute, so serve keeps them longer.
	const server = http.createServer({ keepAliveTimeout: 65_000 });
	server.headersTimeout = 66_000;
	let session: Session<unknown> | undefined;
	let commits: GroupCommit | undefined;
	let routes: Map<string, WebhookTrigger> | undefined;
	let worker: WorkerHandle | undefined;
	let stopping = false;
	let inFlight = 0;
	const gate = new BodyGate(options.maxOpenBodies);

	server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
		void (async () => {
			if (stopping || !routes || !session?.inbox || !commits) {
				// The vendor delivers again later; by then serve is up (or up again).
				answer(res, 503, stopping ? 'ats-sync is stopping' : 'ats-sync is starting', {
					headers: { 'retry-after': '5' },
					close: true,
				});
				return;
			}
			const url = new URL(req.url ?? '/', 'http://serve.invalid');
			const trigger = routes.get(url.pathname.replace(/\/+$/, ''));
			if (!trigger) return answer(res, 404, `No webhook at ${url.pathname}`);
			if (req.method !== trigger.httpMethod)
				return answer(res, 405, `Use ${trigger.httpMethod}`, {
					headers: { allow: trigger.httpMethod },
				});
			inFlight++;
			try {
				const raw = await gate.read(
					req,
					options.maxBody.byTrigger[trigger.node.name] ?? options.maxBody.all,
				);
				const accepted = await accept(
					session,
					commits,
					session.inbox,
					trigger,
					webhookRequest(req, url, raw),
				);
				accepted.response.sendTo(res);
				if (accepted.inserted) {
					reporter.note(
						`"${trigger.node.name}" queued a run of ${accepted.items} item${accepted.items === 1 ? '' : 's'} (event #${accepted.eventId})`,
					);
					worker?.wake();
				} else if (accepted.items > 0) {
					reporter.verbose(
						`"${trigger.node.name}": event #${accepted.eventId} is already in the inbox`,
					);
				}
			} catch (error) {
				if (error instanceof HttpError) {
					if (error instanceof StoreError) reporter.error(error);
					answer(res, error.statusCode, error.message, {
						headers: error.headers,
						close: error.statusCode === 413 || error.statusCode === 503,
					});
					return;
				}
				// The trigger node failed (e.g. an ATS lookup): nothing was stored, so 500 makes the vendor deliver again.
				reporter.error(error);
				answer(res, 500, reporter.masker.text((error as Error).message));
			} finally {
				inFlight--;
			}
		})();
	});

	await new Promise<void>((resolve, reject) => {
		server.once('error', (error: NodeJS.ErrnoException) =>
			reject(
				new UserError(
					`Cannot listen on ${options.host}:${options.port}: ${error.code ?? error.message}`,
				),
			),
		);
		server.listen(options.port, options.host, () => resolve());
	});
	const baseUrl = (
		options.publicUrl ?? `http://${options.host}:${(server.address() as AddressInfo).port}`
	).replace(/\/+$/, '');

	// Until the run in progress is over, the listener stays open and answers 503: the vendor delivers again later.
	// Kept-alive connections stay open too, so a delivery sent on one gets that 503 (and `connection: close`) rather
	// than a connection closed under it as it is sent.
	const close = async (shutdownTimeoutMs: number, startedUp = true) => {
		stopping = true;
		const deadline = Date.now() + shutdownTimeoutMs;
		try {
			if (worker && !(await worker.stop(shutdownTimeoutMs)) && startedUp) {
				reporter.note(
					`the run in progress did not finish within ${shutdownTimeoutMs / 1000} s: it stays in the inbox and runs again at the next start`,
				);
			}
			// Deliveries being taken in finish (they are short); then nothing holds the inbox any more.
			while (inFlight > 0 && Date.now() < deadline)
				await new Promise((resolve) => setTimeout(resolve, 20));
		} finally {
			server.close();
			server.closeAllConnections();
			await session?.close();
		}
	};

	try {
		session = await openSession({ ...options, webhookBaseUrl: baseUrl }, reporter, {
			state: 'inbox',
		});
		const triggers = webhookTriggers(session);
		for (const trigger of triggers) {
			const limit = options.maxBody.byTrigger[trigger.node.name] ?? options.maxBody.all;
			reporter.note(
				`"${trigger.node.name}" listens at ${trigger.httpMethod} ${baseUrl}${trigger.pathname} (bodies up to ${describeSize(limit)})`,
			);
		}
		const unknown = Object.keys(options.maxBody.byTrigger).filter(
			(name) => !triggers.some((trigger) => trigger.node.name === name),
		);
		if (unknown.length > 0)
			throw new UserError(
				`--max-body names ${unknown.map((name) => `"${name}"`).join(', ')}, which is not a webhook trigger of the workflow`,
			);
		const counts = session.inbox!.counts();
		if (counts.pending > 0)
			reporter.note(`${counts.pending} event(s) waiting in ${session.inbox!.file}: they run first`);
		if (counts.dead > 0)
			reporter.note(
				`${counts.dead} dead-lettered event(s) in ${session.inbox!.file}: see "ats-sync inbox ${options.workflowFile} list --dead"`,
			);
		// Deliveries are taken in from here on (a handshake during registration needs it); they wait in the inbox.
		commits = new GroupCommit(session.inbox!);
		routes = routesOf(triggers);
		worker = startWorker({
			session: { ...options, webhookBaseUrl: baseUrl },
			policy: options.retry,
			json: options.json,
			verbose: options.verbose,
		});
		await register(session, triggers, reporter);
		await worker.ready;
	} catch (error) {
		await close(0, false).catch(() => undefined);
		throw error;
	}
	let closing: Promise<void> | undefined;
	return {
		url: baseUrl,
		workerFailed: worker.failed,
		close: async () => await (closing ??= close(options.shutdownTimeoutMs)),
	};
}
