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
import type { Inbox } from './inbox';
import type { WebhookTrigger } from './registration';

/** A string or number field, as text. */
const idText = (value: unknown) => (typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined);

/** Where each trigger type's vendor puts the id that stays the same when it delivers an event again. */
const VENDOR_IDS: Record<string, (request: WebhookRequest, items: INodeExecutionData[]) => string | undefined> = {
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
export function deliveryKey(node: INode, request: WebhookRequest, items: INodeExecutionData[]): string {
	const typeName = node.type.slice(node.type.lastIndexOf('.') + 1);
	const vendorId = VENDOR_IDS[typeName]?.(request, items);
	return `${node.name}\u0000${vendorId ?? `sha256:${createHash('sha256').update(request.rawBody).digest('hex')}`}`;
}

const ID_FIELDS = ['eventId', 'opportunityId', 'candidateId', 'candidate_id', 'applicationId', 'application_id', 'id'];

/** Whose event it is, for the inbox listing and dead letters: an email, else the first id found. */
export function whoOf(items: INodeExecutionData[]): string | undefined {
	const json = items[0]?.json;
	if (!json) return undefined;
	const email = emailIn(json);
	if (email) return email;
	const records = [json, ...Object.values(json).filter((value): value is IDataObject => value !== null && typeof value === 'object' && !Array.isArray(value))];
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
		super(503, `The delivery could not be stored (${(cause as Error).message ?? String(cause)}): deliver it again later`, { 'retry-after': '5' });
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
export async function accept(session: Session<unknown>, inbox: Inbox, trigger: WebhookTrigger, request: WebhookRequest): Promise<Accepted> {
	const step = session.step();
	const response = new RecordedResponse();
	const result = await session.engine.webhook(step.workflow, session.workflowData, trigger.node, trigger.webhookData, request, response);
	if (!result.noWebhookResponse && !response.ended) response.status(200).json(result.webhookResponse ?? { message: 'Workflow was started' });
	const items = result.workflowData?.[0] ?? [];
	let stored = { id: 0, inserted: false };
	try {
		if (items.length === 0) session.commit(step);
		else {
			session.commit(step, () => {
				stored = inbox.insert({ deliveryKey: deliveryKey(trigger.node, request, items), trigger: trigger.node.name, items, who: whoOf(items) });
			});
		}
	} catch (error) {
		throw new StoreError(error);
	}
	if (items.length === 0) return { response, items: 0, inserted: false };
	crashPoint('accepted');
	return { response, items: items.length, inserted: stored.inserted, eventId: stored.id };
}
