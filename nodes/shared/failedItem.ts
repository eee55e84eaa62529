import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { asNodeError } from './errors';

/** Who a failed item is about and which event brought it: what a person needs to find it in the ATS or the sender. */
export interface FailedItemSubject {
	email?: string;
	candidateId?: string;
	eventId?: string;
}

const text = (value: unknown): string | undefined =>
	(typeof value === 'string' && value !== '') || typeof value === 'number'
		? String(value)
		: undefined;

const objectIn = (value: unknown): IDataObject | undefined =>
	value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : undefined;

/** The record itself and the objects one level down (an event's `contact`, a webhook's `data` or `payload`). */
const levelsOf = (json: IDataObject | undefined): IDataObject[] =>
	json
		? [
				json,
				...Object.values(json)
					.map(objectIn)
					.filter((value): value is IDataObject => value !== undefined),
			]
		: [];

const firstOf = (json: IDataObject | undefined, keys: string[]): string | undefined => {
	for (const level of levelsOf(json)) {
		for (const key of keys) {
			const found = text(level[key]);
			if (found) return found;
		}
	}
	return undefined;
};

/** An email on the record (Lever's `emails` list included), or one level down. */
const emailOf = (json: IDataObject | undefined): string | undefined => {
	for (const level of levelsOf(json)) {
		const email =
			text(level.email) ?? (Array.isArray(level.emails) ? text(level.emails[0]) : undefined);
		if (email) return email;
	}
	return undefined;
};

/**
 * Who an item is about, from the item itself and from the trigger item it came from: the email, the ATS's
 * candidate (Lever opportunity) id, and the event's id (a contact event's `eventId`, SmartRecruiters' event-id,
 * a Lever delivery's `id`).
 */
export function subjectOf(
	item: IDataObject | undefined,
	triggerItem: IDataObject | undefined,
): FailedItemSubject {
	const email = emailOf(item) ?? emailOf(triggerItem);
	const candidateId =
		firstOf(item, ['candidateId', 'opportunityId']) ??
		firstOf(triggerItem, ['candidateId', 'opportunityId']);
	// A Lever delivery is `{ id, event, … }`; any other record's `id` is the record's, not an event's.
	const deliveryId = triggerItem?.event !== undefined ? text(triggerItem.id) : undefined;
	const eventId = text(triggerItem?.eventId) ?? deliveryId ?? text(item?.eventId);
	return {
		...(email ? { email } : {}),
		...(candidateId ? { candidateId } : {}),
		...(eventId ? { eventId } : {}),
	};
}

/**
 * The item of the workflow's start node this input item came from (following n8n's paired items), or undefined
 * when it cannot be told. A node has one start node per run: the trigger that fired (or the runner's input).
 */
function triggerItemOf(this: IExecuteFunctions, itemIndex: number): IDataObject | undefined {
	const nodeName = this.getNode().name;
	const ancestors = this.getParentNodes(nodeName);
	const startNodes = ancestors.filter(
		(ancestor) => this.getParentNodes(ancestor.name, { depth: 1 }).length === 0,
	);
	for (const start of startNodes) {
		try {
			const proxy = this.getWorkflowDataProxy(itemIndex);
			const reference = proxy.$(start.name);
			if (!reference.isExecuted) continue;
			const json = (reference.item as INodeExecutionData | undefined)?.json;
			if (json) return json;
		} catch {
			// No paired item leads back to this start node (e.g. the other trigger of the workflow).
		}
	}
	return undefined;
}

/**
 * The item a node returns for a failed input item under "continue on fail": n8n's shape, `{ error: message }`, plus
 * `details` saying where (`node`), who (`email`, `candidateId`, `eventId`) and the rest of the error (`description`,
 * `httpCode`). n8n routes JSON of only `error`/`message`/`details` to the error output ("continue using error
 * output") and merges the input item into it, so a Report Failures node, an error workflow or any node wired to the
 * error output can name the item. (An `item.error` would make n8n replace the JSON with `{ error }`, losing all that.)
 */
export function failedItem(
	this: IExecuteFunctions,
	caught: unknown,
	itemIndex: number,
): INodeExecutionData {
	const error = asNodeError(this.getNode(), caught, itemIndex);
	const input = this.getInputData()[itemIndex]?.json;
	let triggerItem: IDataObject | undefined;
	try {
		triggerItem = triggerItemOf.call(this, itemIndex);
	} catch {
		triggerItem = undefined;
	}
	const details: IDataObject = { node: this.getNode().name, ...subjectOf(input, triggerItem) };
	if (error.description && error.description !== error.message)
		details.description = error.description;
	if (error instanceof NodeApiError && error.httpCode) details.httpCode = error.httpCode;
	return { json: { error: error.message, details }, pairedItem: { item: itemIndex } };
}
