import { createHmac, timingSafeEqual } from 'crypto';

/** What SmartRecruiters signs: the raw body bytes and four delivery headers (absent ones count as ""). */
export interface SignedDelivery {
	timestamp: string;
	rawBody: Buffer | string;
	eventId: string;
	eventName: string;
	eventVersion: string;
	link: string;
}

/** Scheme v1: HMAC-SHA256 over `timestamp.rawBody.event-id.event-name.event-version.link`, lowercase hex. */
export function signV1(secretKey: string, delivery: SignedDelivery): string {
	const body =
		typeof delivery.rawBody === 'string' ? Buffer.from(delivery.rawBody, 'utf8') : delivery.rawBody;
	return createHmac('sha256', secretKey)
		.update(`${delivery.timestamp}.`)
		.update(body)
		.update(`.${delivery.eventId}.${delivery.eventName}.${delivery.eventVersion}.${delivery.link}`)
		.digest('hex');
}

/** The v1 digests of a `smartrecruiters-signature` header (`v1=…;v1=…`: one per active key; other schemes skipped). */
export function v1Signatures(header: string): string[] {
	return header
		.split(';')
		.map((segment) => segment.trim())
		.filter((segment) => segment.startsWith('v1='))
		.map((segment) => segment.slice(3).trim().toLowerCase());
}

/**
 * The v1 digest that matches one of the keys (during rotation several keys are valid at once), else undefined.
 * Returned so that a delivery can be recognised again by what was actually verified, not by the whole header,
 * which a replayer could pad with extra segments.
 */
export function matchingSignature(
	header: string,
	secretKeys: string[],
	delivery: SignedDelivery,
): string | undefined {
	const received = v1Signatures(header).map((hex) => Buffer.from(hex, 'utf8'));
	for (const key of secretKeys) {
		const expected = Buffer.from(signV1(key, delivery), 'utf8');
		if (
			received.some(
				(signature) => signature.length === expected.length && timingSafeEqual(signature, expected),
			)
		) {
			return expected.toString('utf8');
		}
	}
	return undefined;
}
