import type { IDataObject } from 'n8n-workflow';

import { seenIds } from '../../shared/seenIds';
import type { LeverWebhookEnvelope } from './signature';

/** Enough to cover Lever's five retries of every event for a busy account, small enough for static data. */
export const REMEMBERED_DELIVERIES = 500;

/**
 * Event ids and delivery tokens already handled by this node. Lever retries a delivery (same event `id`) when it
 * did not see our 2xx, and a captured delivery can be replayed (same `token`): both must not run the workflow twice.
 */
const deliveries = (staticData: IDataObject) =>
	seenIds(staticData, 'handledDeliveries', REMEMBERED_DELIVERIES * 2);

const keysOf = (envelope: LeverWebhookEnvelope) =>
	[envelope.id ? `id:${envelope.id}` : '', `token:${envelope.token}`].filter(Boolean);

export function wasHandled(staticData: IDataObject, envelope: LeverWebhookEnvelope): boolean {
	const handled = deliveries(staticData);
	return keysOf(envelope).some((key) => handled.has(key));
}

/** Records the delivery, dropping the oldest entries beyond the bound. */
export function markHandled(staticData: IDataObject, envelope: LeverWebhookEnvelope): void {
	deliveries(staticData).remember(...keysOf(envelope));
}
