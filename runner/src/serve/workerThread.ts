/**
 * Entry point of serve's worker thread (started by server.ts, never imported): runs the inbox off the thread that
 * acknowledges deliveries, so a run's work never delays an acknowledgement. It opens its own session on the same
 * workflow, credentials and inbox database (the serving process holds the lock), and drains until told to stop.
 */
import { parentPort, workerData } from 'node:worker_threads';

import { configureN8nLogging } from '../n8nServices';
import { interceptOutboundHttp } from '../outbound';
import { Reporter } from '../report/reporter';
import { isTransientError } from '../report/summary';
import { Masker } from '../secrets';
import type { SessionOptions } from '../session';
import { openSession } from '../session';
import { crashPoint } from './crashPoints';
import type { InboxEvent } from './inbox';
import type { Outcome, RetryPolicy } from './worker';
import { InboxWorker } from './worker';

export interface WorkerThreadData {
	session: SessionOptions;
	policy: RetryPolicy;
	json: boolean;
	verbose: boolean;
}

/** Messages from the serving thread. */
export type ToWorker = { type: 'wake' } | { type: 'stop' };
/** Messages to the serving thread. */
export type FromWorker =
	| { type: 'ready' }
	| { type: 'failed'; message: string; exitCode?: number }
	| { type: 'stopped' };

const post = (message: FromWorker) => parentPort?.postMessage(message);

async function runThread(data: WorkerThreadData) {
	const reporter = new Reporter({ json: data.json, verbose: data.verbose, masker: new Masker() });
	configureN8nLogging(
		data.verbose ? (level, message) => reporter.note(`[n8n ${level}] ${message}`) : undefined,
	);
	const session = await openSession(data.session, reporter, {
		state: 'inbox',
		lock: false,
		durability: 'normal',
	});
	const inbox = session.inbox!;
	// Counted for the heartbeat line of a long run.
	let requests = 0;
	interceptOutboundHttp(async (_request, send) => {
		requests++;
		return await send();
	});
	const stopHeartbeat = reporter.startHeartbeat(() => requests);

	const run = async (event: InboxEvent): Promise<Outcome> => {
		const trigger = session.workflowData.nodes.find((node) => node.name === event.trigger);
		if (!trigger)
			return {
				ok: false,
				transient: false,
				failure: { error: `the workflow has no node "${event.trigger}" any more`, who: event.who },
			};
		let result;
		try {
			result = await session.execute(session.step(), trigger, event.items, {
				mode: 'webhook',
				alongWith: () => {
					inbox.markDone(event.id);
					crashPoint('run-committing');
				},
			});
		} catch (error) {
			reporter.error(error);
			const message = reporter.masker.text((error as Error).message ?? String(error));
			return {
				ok: false,
				transient: isTransientError(error),
				failure: { error: message, who: event.who },
			};
		}
		crashPoint('run-finished');
		reporter.summary(result.summary);
		if (result.summary.status === 'success') return { ok: true };
		const failed = result.summary.failedItems;
		const error =
			failed.map((item) => `${item.node}: ${item.message}`).join('; ') ||
			result.summary.error ||
			'the run failed';
		return {
			ok: false,
			transient: result.retry === 'transient',
			failure: {
				error: reporter.masker.text(error),
				node: failed[0]?.node,
				who: failed.find((item) => item.email)?.email ?? event.who,
			},
		};
	};

	const describe = (event: InboxEvent) => `event #${event.id}${event.who ? ` (${event.who})` : ''}`;
	const worker = new InboxWorker(inbox, data.policy, {
		run,
		onRetry: (event, attempt, waitMs, outcome) => {
			const error = outcome.ok ? '' : outcome.failure.error;
			if (data.json)
				reporter.event('retryScheduled', {
					eventId: event.id,
					who: event.who ?? null,
					attempt,
					waitMs,
					error,
				});
			else
				reporter.note(
					`${describe(event)}: attempt ${attempt} of ${data.policy.attempts} failed (${error}); next in ${Math.round(waitMs / 1000)} s`,
				);
		},
		onDead: (event, failure) => {
			if (data.json) reporter.event('deadLettered', { eventId: event.id, ...failure });
			else
				reporter.note(
					`${describe(event)} dead-lettered: ${failure.error} — see "ats-sync inbox <workflow> list --dead"`,
				);
		},
	});
	parentPort?.on('message', (message: ToWorker) => {
		if (message.type === 'wake') worker.wake();
		else worker.stop();
	});
	post({ type: 'ready' });
	try {
		await worker.drain();
	} finally {
		stopHeartbeat();
		await session.close();
	}
	post({ type: 'stopped' });
}

runThread(workerData as WorkerThreadData).catch((error: unknown) => {
	post({
		type: 'failed',
		message: (error as Error).message ?? String(error),
		exitCode: (error as { exitCode?: number }).exitCode,
	});
});
