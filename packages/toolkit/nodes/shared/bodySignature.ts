import { createHmac, timingSafeEqual } from 'crypto';

/**
 * Our shared-secret signature for JSON bodies: `sha256=<hex>`, HMAC-SHA256 of the exact body bytes. The Contact Event
 * Trigger checks it on what outreach/interview tools send; Onboarding Push puts it on what it sends.
 */
export function signBody(secret: string, body: Buffer | string): string {
	return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * Checks a `sha256=<hex>` (or bare hex) signature header in constant time. The comparison runs over the
 * digests, so neither the header's length nor its content leaks how much of it matched.
 *
 * With `timestamp` (the value of the sender's timestamp header) the signed text is `<timestamp>.<body>`, the scheme
 * Stripe and Slack use: the time is covered by the signature, so a captured delivery cannot be re-dated.
 */
export function isValidSignature(
	secret: string,
	body: Buffer,
	header: string | undefined,
	timestamp?: string,
): boolean {
	if (!header) return false;
	const received = header
		.trim()
		.replace(/^sha256=/i, '')
		.toLowerCase();
	if (!/^[0-9a-f]{64}$/.test(received)) return false;
	const hmac = createHmac('sha256', secret);
	if (timestamp !== undefined) hmac.update(`${timestamp}.`);
	const expected = hmac.update(body).digest();
	return timingSafeEqual(expected, Buffer.from(received, 'hex'));
}
