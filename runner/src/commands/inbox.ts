/**
 * `ats-sync inbox <workflow> …`: what serve's inbox holds, and the operator's part in it — dead letters read,
 * retried (back into the queue, in their arrival place) or discarded with a reason. The serving process is the
 * inbox's only consumer: a retry here requeues, and serve runs the event (at once if it is running, else when it
 * starts), so events of a workflow never run twice at the same time or out of order.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

import { EXIT_SUCCESS, UserError } from '../errors';
import type { Reporter } from '../report/reporter';
import type { EventStatus, InboxEvent } from '../serve/inbox';
import { Inbox, inboxPathFor } from '../serve/inbox';
import { defaultStatePath } from '../state';

export interface InboxOptions {
	workflowFile: string;
	stateFile?: string;
	action: 'list' | 'show' | 'retry' | 'discard';
	/** An event id (show, retry, discard). */
	id?: number;
	/** list: which events (default pending and dead). */
	statuses: EventStatus[];
	/** retry: every dead event. */
	all: boolean;
	reason?: string;
	json: boolean;
}

const when = (ms: number | undefined) =>
	ms === undefined ? undefined : new Date(ms).toISOString();

/** The listing of one event, without its items (`show` prints those). */
function described(event: InboxEvent) {
	return {
		id: event.id,
		status: event.status,
		trigger: event.trigger,
		who: event.who ?? null,
		receivedAt: when(event.receivedAt),
		attempts: event.attempts,
		...(event.status === 'pending' && event.nextAttemptAt > 0
			? { nextAttemptAt: when(event.nextAttemptAt) }
			: {}),
		...(event.lastError ? { lastError: event.lastError } : {}),
		...(event.deadLetter
			? { deadLetter: { ...event.deadLetter, deadAt: when(event.deadLetter.deadAt) } }
			: {}),
		...(event.discardReason ? { discardReason: event.discardReason } : {}),
	};
}

function line(event: InboxEvent): string {
	const parts = [
		`#${event.id}`,
		event.status,
		`"${event.trigger}"`,
		event.who ?? '(no email or id)',
		`received ${when(event.receivedAt)}`,
		`${event.attempts} attempt(s)`,
	];
	if (event.status === 'pending' && event.nextAttemptAt > Date.now())
		parts.push(`next ${when(event.nextAttemptAt)}`);
	if (event.deadLetter)
		parts.push(
			`dead since ${when(event.deadLetter.deadAt)}${event.deadLetter.node ? ` at "${event.deadLetter.node}"` : ''}: ${event.deadLetter.error}`,
		);
	else if (event.lastError) parts.push(`last error: ${event.lastError}`);
	return parts.join('  ');
}

export function inboxCommand(options: InboxOptions, reporter: Reporter): number {
	const file = inboxPathFor(
		path.resolve(options.stateFile ?? defaultStatePath(options.workflowFile)),
	);
	if (!existsSync(file))
		throw new UserError(
			`No inbox at ${file}: "ats-sync serve" has not served this workflow${options.stateFile ? '' : ' (or it used --state)'}`,
		);
	const inbox = Inbox.open(file);
	try {
		const needsId = () => {
			if (options.id === undefined)
				throw new UserError(
					`"ats-sync inbox … ${options.action}" needs an event id (see "ats-sync inbox ${options.workflowFile} list")`,
				);
			const event = inbox.get(options.id);
			if (!event) throw new UserError(`The inbox has no event #${options.id}`);
			return event;
		};
		switch (options.action) {
			case 'list': {
				const counts = inbox.counts();
				const events = inbox.list(options.statuses);
				if (options.json) {
					reporter.event('inbox', { file, counts, events: events.map(described) });
				} else {
					reporter.note(
						`${file}: ${counts.pending} pending, ${counts.dead} dead, ${counts.done} done, ${counts.discarded} discarded`,
					);
					for (const event of events) reporter.note(line(event));
				}
				return EXIT_SUCCESS;
			}
			case 'show': {
				const event = needsId();
				reporter.event('inboxEvent', { ...described(event), items: event.items });
				return EXIT_SUCCESS;
			}
			case 'retry': {
				if (options.all === (options.id !== undefined))
					throw new UserError(
						'"ats-sync inbox … retry" takes one event id, or --all for every dead event',
					);
				if (!options.all && needsId().status !== 'dead')
					throw new UserError(
						`Event #${options.id} is ${inbox.get(options.id!)!.status}, not dead-lettered: nothing to retry`,
					);
				const requeued = inbox.requeue(options.all ? undefined : options.id);
				if (options.json) reporter.event('requeued', { count: requeued, counts: inbox.counts() });
				else
					reporter.note(
						`${requeued} event(s) back in the queue, in their arrival place: serve runs them (at once if it is running, else when it starts)`,
					);
				return EXIT_SUCCESS;
			}
			case 'discard': {
				const event = needsId();
				if (!options.reason?.trim())
					throw new UserError(
						'"ats-sync inbox … discard" needs --reason "…" (kept with the event)',
					);
				if (!inbox.discard(event.id, options.reason.trim()))
					throw new UserError(
						`Event #${event.id} is ${event.status}: only pending or dead events can be discarded`,
					);
				if (options.json)
					reporter.event('discarded', {
						id: event.id,
						reason: options.reason.trim(),
						counts: inbox.counts(),
					});
				else reporter.note(`event #${event.id} discarded: ${options.reason.trim()}`);
				return EXIT_SUCCESS;
			}
		}
	} finally {
		inbox.close();
	}
}
