/**
 * Taking a delivery in, in the order that loses nothing: the trigger node's own webhook() checks it (signature,
 * handshake, replay window, dedupe, lookups) against a recording response; if it emitted items, they go into the
 * inbox together with what the node changed in its static data, in one transaction; only then is the node's answer
 * sent. A node that throws answers 500 and commits nothing, so the vendor delivers again.
 */
import { createHash } from 'node:crypto';

import type { IDataObject, INode, INodeExecutionData } from 'n8n-workflow';

import { emailIn } from '../report/summary';
import type { Session } from '../session';
import { crashPoint } from './crashPoints';
import type { WebhookRequest } from './http';
import { HttpError, RecordedResponse } from './http';
import type { Inbox, StaticDataCommit } from './inbox';
import { staticDataChanges } from './inbox';
import type { WebhookTrigger } from './registration';

/** A string or number field, as text. */
const idText = (value: unknown) =>
	typeof value === 'string' && value !== ''
		? value
		: typeof value === 'number'
			? String(value)
			: undefined;

/** Where each trigger type's vendor puts the id that stays the same when it delivers an event again. */
const VENDOR_IDS: Record<
	string,
	(request: WebhookRequest, items: INodeExecutionData[]) => string | undefined
> = {
	// Lever: the event `id` of the body envelope (a retry resends the identical envelope); `token` when there is none.
	leverTrigger: (request) => {
		const body = (request.body ?? {}) as IDataObject;
		const id = idText(body.id) ?? idText(body.token);
		return id && `lever:${id}`;
	},
	// SmartRecruiters: the `event-id` header, "unchanged across retries".
	smartRecruitersTrigger: (request) => {
		const id = idText(request.headers['event-id']);
		return id && `smartrecruiters:${id}`;
	},
	// Outreach tools / interview platforms: each event's `eventId` (a delivery may carry several).
	contactEventTrigger: (_request, items) => {
		const ids = items.map((item) => idText(item.json.eventId));
		return ids.every(Boolean) ? `contact-event:${ids.join(',')}` : undefined;
	},
};

/** The inbox key of a delivery: trigger node and the vendor's event id, else a hash of the raw body. */
export function deliveryKey(
	node: INode,
	request: WebhookRequest,
	items: INodeExecutionData[],
): string {
	const typeName = node.type.slice(node.type.lastIndexOf('.') + 1);
	const vendorId = VENDOR_IDS[typeName]?.(request, items);
	return `${node.name}\u0000${vendorId ?? `sha256:${createHash('sha256').update(request.rawBody).digest('hex')}`}`;
}

const ID_FIELDS = [
	'eventId',
	'opportunityId',
	'candidateId',
	'candidate_id',
	'applicationId',
	'application_id',
	'id',
];

/** Whose event it is, for the inbox listing and dead letters: an email, else the first id found. */
export function whoOf(items: INodeExecutionData[]): string | undefined {
	const json = items[0]?.json;
	if (!json) return undefined;
	const email = emailIn(json);
	if (email) return email;
	const records = [
		json,
		...Object.values(json).filter(
			(value): value is IDataObject =>
				value !== null && typeof value === 'object' && !Array.isArray(value),
		),
	];
	for (const field of ID_FIELDS) {
		for (const record of records) {
			const id = idText(record[field]);
			if (id) return `${field} ${id}`;
		}
	}
	return undefined;
}

/** The inbox could not take the delivery (disk full, database locked): 503, so the vendor delivers it again. */
export class StoreError extends HttpError {
	constructor(cause: unknown) {
		super(
			503,
			`The delivery could not be stored (${(cause as Error).message ?? String(cause)}): deliver it again later`,
			{ 'retry-after': '5' },
		);
	}
}

/**
 * Commits what the deliveries accepted in one turn of the event loop changed, in one transaction: one disk flush
 * (synchronous=FULL) for all of them instead of one each, so acknowledgements do not queue behind each other's flush.
 */
export class GroupCommit {
	private queue: Array<StaticDataCommit & { settle: (error?: unknown) => void; since: number }> =
		[];

	private scheduled = false;

	constructor(
		private readonly inbox: Inbox,
		/** How long a delivery waits for the worker's write lock before it is answered 503. */
		private readonly patienceMs = 10_000,
	) {}

	commit(entry: StaticDataCommit): Promise<void> {
		return new Promise((resolve, reject) => {
			this.queue.push({
				...entry,
				since: Date.now(),
				settle: (error) => (error === undefined ? resolve() : reject(error)),
			});
			this.schedule(() => setImmediate(() => this.flush()));
		});
	}

	private schedule(later: () => void) {
		if (this.scheduled) return;
		this.scheduled = true;
		later();
	}

	private flush() {
		this.scheduled = false;
		const batch = this.queue.splice(0);
		try {
			if (!this.inbox.tryCommitBatch(batch)) {
				// The worker holds the write lock for a moment: try again soon, without blocking this thread meanwhile.
				const stale = batch.filter((entry) => Date.now() - entry.since > this.patienceMs);
				for (const entry of stale) entry.settle(new Error('the database stayed locked'));
				this.queue.unshift(...batch.filter((entry) => !stale.includes(entry)));
				if (this.queue.length > 0) this.schedule(() => setTimeout(() => this.flush(), 1));
				return;
			}
		} catch (error) {
			for (const entry of batch) entry.settle(error ?? new Error('commit failed'));
			return;
		}
		for (const entry of batch) entry.settle();
	}
}

export interface Accepted {
	response: RecordedResponse;
	/** Items the trigger emitted (0: nothing to run, e.g. a handshake or a filtered event). */
	items: number;
	/** False when the inbox already held this delivery (a vendor's retry of an acknowledged one). */
	inserted: boolean;
	eventId?: number;
}

/** Runs the trigger's webhook() on one request and stores what it emitted; the caller sends `response` after this. */
export async function accept(
	session: Session<unknown>,
	commits: GroupCommit,
	inbox: Inbox,
	trigger: WebhookTrigger,
	request: WebhookRequest,
): Promise<Accepted> {
	const step = session.webhookStep(trigger.node);
	const response = new RecordedResponse();
	const result = await session.engine.webhook(
		step.workflow,
		session.workflowData,
		trigger.node,
		trigger.webhookData,
		request,
		response,
	);
	if (!result.noWebhookResponse && !response.ended)
		response.status(200).json(result.webhookResponse ?? { message: 'Workflow was started' });
	const items = result.workflowData?.[0] ?? [];
	const changes = staticDataChanges(step.before, step.workflow.staticData);
	if (items.length === 0 && changes.length === 0) return { response, items: 0, inserted: false };
	let stored = { id: 0, inserted: false };
	const delivery =
		items.length > 0
			? {
					deliveryKey: deliveryKey(trigger.node, request, items),
					trigger: trigger.node.name,
					items,
					who: whoOf(items),
				}
			: undefined;
	try {
		await commits.commit({
			changes,
			alongWith: delivery && (() => (stored = inbox.insert(delivery))),
		});
	} catch (error) {
		throw new StoreError(error);
	}
	if (items.length === 0) return { response, items: 0, inserted: false };
	crashPoint('accepted');
	return { response, items: items.length, inserted: stored.inserted, eventId: stored.id };
}
