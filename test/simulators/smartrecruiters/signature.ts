/**
 * SmartRecruiters webhook signature, scheme `v1` (spec: `POST /subscriptions/{id}/secret-key` description).
 * HMAC-SHA256, keyed with the secret key string, over
 *   timestamp + "." + rawBody + "." + event-id + "." + event-name + "." + event-version + "." + link
 * (an absent header counts as ""), lowercase hex. The header carries one `v1=<hex>` segment per non-expired key,
 * joined with ";". Only `crypto` is used so node code can mirror this (nodes cannot import from test/).
 */
import { createHmac } from 'crypto';

export interface SignedParts {
	/** `smartrecruiters-timestamp` header value (seconds). */
	timestamp: string | number;
	/** The exact bytes of the request body. */
	rawBody: string;
	eventId?: string;
	eventName?: string;
	eventVersion?: string;
	/** `Link` header value including angle brackets and `; rel=self`. */
	link?: string;
}

export function signatureV1(secretKey: string, parts: SignedParts): string {
	const message = [
		parts.timestamp,
		parts.rawBody,
		parts.eventId ?? '',
		parts.eventName ?? '',
		parts.eventVersion ?? '',
		parts.link ?? '',
	].join('.');
	return createHmac('sha256', secretKey).update(message, 'utf8').digest('hex');
}

/** `smartrecruiters-signature` header value for all keys that are still valid. */
export function signatureHeader(secretKeys: string[], parts: SignedParts): string {
	return secretKeys.map((key) => `v1=${signatureV1(key, parts)}`).join(';');
}
