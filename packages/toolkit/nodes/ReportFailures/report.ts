import type { IDataObject } from 'n8n-workflow';

/** One failed item, as a person reads it: who it is about, the node it failed in, and why. */
export interface Failure {
	who: string;
	node: string;
	why: string;
}

/** How many items the message names; the description lists all of them. */
const NAMED_IN_MESSAGE = 10;

const text = (value: unknown): string | undefined =>
	typeof value === 'string' && value !== '' ? value : undefined;

function reasonOf(json: IDataObject, error: unknown): string {
	const fromJson = json.error;
	if (typeof fromJson === 'string' && fromJson) return fromJson;
	const object = (fromJson && typeof fromJson === 'object' ? fromJson : error) as
		| { message?: unknown }
		| undefined;
	return text(object?.message) ?? 'failed without a message';
}

/**
 * A failed item's who / where / why, from the JSON our nodes put on their error output (`error`, and `details` with
 * `node`, `email`, `candidateId`, `eventId`); items of other nodes give what they have (an email of the input item
 * merged in by n8n), and the node they came from.
 */
export function describeFailure(
	json: IDataObject,
	error: unknown,
	fromNode: string | undefined,
): Failure {
	const details = (
		json.details && typeof json.details === 'object' && !Array.isArray(json.details)
			? json.details
			: {}
	) as IDataObject;
	const email = text(details.email) ?? text(json.email);
	const candidateId = details.candidateId ?? json.candidateId;
	const eventId = details.eventId ?? json.eventId;
	const subject = [
		email ??
			(candidateId !== undefined && candidateId !== ''
				? `candidate ${String(candidateId)}`
				: undefined),
	];
	if (eventId !== undefined && eventId !== '') subject.push(`event ${String(eventId)}`);
	const who = subject.filter(Boolean).join(', ') || 'an item without email or id';
	return {
		who,
		node: text(details.node) ?? fromNode ?? 'an unknown node',
		why: reasonOf(json, error),
	};
}

const line = (failure: Failure) => `${failure.who} in "${failure.node}": ${failure.why}`;

/** The execution's error: the count and the first items in the message, every item in the description. */
export function failureReport(failures: Failure[]): { message: string; description: string } {
	const count = failures.length === 1 ? '1 item failed' : `${failures.length} items failed`;
	const named = failures.slice(0, NAMED_IN_MESSAGE).map(line);
	const more =
		failures.length > NAMED_IN_MESSAGE ? ` (and ${failures.length - NAMED_IN_MESSAGE} more)` : '';
	return {
		message: `${count}: ${named.join('; ')}${more}`,
		description: failures.map((failure) => `- ${line(failure)}`).join('\n'),
	};
}
