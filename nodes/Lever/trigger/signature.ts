import { createHmac, timingSafeEqual } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

/**
 * Lever's webhook envelope. The signature travels in the JSON body (not a header) and covers only
 * `token + triggeredAt`, never the body: `data` is not authenticated, which is why the trigger re-fetches
 * records by id when asked to and refuses a delivery whose token it has already seen.
 */
export interface LeverWebhookEnvelope {
	id: string;
	event: string;
	triggeredAt: number;
	data: IDataObject;
	token: string;
	signature: string;
}

const HEX_SHA256 = /^[0-9a-f]{64}$/i;

/** HMAC-SHA256 (key = the webhook's signature token) over `token + triggeredAt`, as a hex digest. */
export function computeLeverSignature(
	signatureToken: string,
	token: string,
	triggeredAt: number | string,
): string {
	return createHmac('sha256', signatureToken)
		.update(`${token}${String(triggeredAt)}`)
		.digest('hex');
}

/**
 * Reads the envelope fields the signature depends on. Returns undefined when a field is missing or has the
 * wrong type, so a malformed body is rejected like a bad signature. `triggeredAt` is an integer in
 * milliseconds; a digit string is accepted too, because it concatenates to the same text.
 */
export function parseEnvelope(body: unknown): LeverWebhookEnvelope | undefined {
	if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const { id, event, triggeredAt, data, token, signature } = body as IDataObject;
	const triggeredAtIsValid =
		(typeof triggeredAt === 'number' && Number.isSafeInteger(triggeredAt)) ||
		(typeof triggeredAt === 'string' && /^\d{1,16}$/.test(triggeredAt));
	if (typeof token !== 'string' || token === '') return undefined;
	if (typeof signature !== 'string' || !HEX_SHA256.test(signature)) return undefined;
	if (!triggeredAtIsValid) return undefined;
	return {
		id: typeof id === 'string' ? id : '',
		event: typeof event === 'string' ? event : '',
		triggeredAt: Number(triggeredAt),
		data:
			data !== null && typeof data === 'object' && !Array.isArray(data)
				? (data as IDataObject)
				: {},
		token,
		signature: signature.toLowerCase(),
	};
}

/**
 * True when the envelope's signature matches one of the signing keys. Every key is compared in constant time
 * and all keys are tried, so the response time does not reveal which key (if any) came close.
 */
export function signatureMatchesAnyKey(
	envelope: LeverWebhookEnvelope,
	signingKeys: string[],
): boolean {
	const provided = Buffer.from(envelope.signature, 'hex');
	let matched = false;
	for (const key of signingKeys) {
		const expected = Buffer.from(
			computeLeverSignature(key, envelope.token, envelope.triggeredAt),
			'hex',
		);
		if (expected.length === provided.length && timingSafeEqual(expected, provided)) matched = true;
	}
	return matched;
}
