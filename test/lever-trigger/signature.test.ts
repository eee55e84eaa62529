import { createHmac } from 'node:crypto';

import { splitKeys } from '../../nodes/shared/parameters';
import { isWithinTolerance } from '../../nodes/shared/webhookDelivery';
import {
	computeLeverSignature,
	parseEnvelope,
	signatureMatchesAnyKey,
} from '../../nodes/Lever/trigger/signature';

/** Lever's documented verifier, written out independently: HMAC-SHA256(signatureToken, token + triggeredAt) as hex. */
const documentedSignature = (
	signatureToken: string,
	body: { token: string; triggeredAt: number },
) =>
	createHmac('sha256', signatureToken)
		.update(body.token + body.triggeredAt)
		.digest('hex');

const KEY = 'f3a1c0ffee5b0b5e7a11e5ca1ab1e0ddba11f00dcafe4242';

function envelope(overrides: Record<string, unknown> = {}) {
	const body = {
		id: 'c1a3c6a4-0e3c-4d3b-9a77-7d8f3c1b2a10',
		event: 'candidateStageChange',
		triggeredAt: 1431454330072,
		data: { opportunityId: 'opp-1', toStageId: 'offer', fromStageId: 'lead-new' },
		token: 'a'.repeat(48),
		signature: '',
		...overrides,
	};
	if (!('signature' in overrides)) body.signature = documentedSignature(KEY, body);
	return body;
}

describe('Lever webhook signature', () => {
	it('computes the documented HMAC over token + triggeredAt', () => {
		const body = envelope();
		expect(computeLeverSignature(KEY, body.token, body.triggeredAt)).toBe(body.signature);
	});

	it('accepts a delivery signed with any of the known keys, and only those', () => {
		const parsed = parseEnvelope(envelope())!;
		expect(signatureMatchesAnyKey(parsed, ['other-key', KEY])).toBe(true);
		expect(signatureMatchesAnyKey(parsed, ['other-key'])).toBe(false);
		expect(signatureMatchesAnyKey(parsed, [])).toBe(false);
	});

	it('fails when token or triggeredAt were changed after signing', () => {
		const signed = envelope();
		expect(
			signatureMatchesAnyKey(parseEnvelope({ ...signed, token: 'b'.repeat(48) })!, [KEY]),
		).toBe(false);
		expect(
			signatureMatchesAnyKey(parseEnvelope({ ...signed, triggeredAt: signed.triggeredAt + 1 })!, [
				KEY,
			]),
		).toBe(false);
	});

	it('does not cover the data: the signature alone cannot detect a changed payload', () => {
		// This is Lever's design (documented); the trigger compensates with replay protection and API re-fetches.
		const signed = envelope();
		const altered = parseEnvelope({ ...signed, data: { opportunityId: 'someone-else' } })!;
		expect(signatureMatchesAnyKey(altered, [KEY])).toBe(true);
	});

	it('rejects malformed envelopes before any comparison', () => {
		expect(parseEnvelope(undefined)).toBeUndefined();
		expect(parseEnvelope([])).toBeUndefined();
		expect(parseEnvelope(envelope({ signature: undefined }))).toBeUndefined();
		expect(parseEnvelope(envelope({ signature: 'zz'.repeat(32) }))).toBeUndefined();
		expect(parseEnvelope(envelope({ signature: 'ab' }))).toBeUndefined();
		expect(parseEnvelope(envelope({ token: '' }))).toBeUndefined();
		expect(parseEnvelope(envelope({ triggeredAt: '2026-11-23T09:00:00Z' }))).toBeUndefined();
		expect(parseEnvelope(envelope({ triggeredAt: 1.5 }))).toBeUndefined();
	});

	it('treats a digit-string triggeredAt like the number it spells', () => {
		const signed = envelope();
		const parsed = parseEnvelope({ ...signed, triggeredAt: String(signed.triggeredAt) })!;
		expect(signatureMatchesAnyKey(parsed, [KEY])).toBe(true);
	});

	it('limits the age of a delivery to the tolerance, in both directions', () => {
		const now = 1_800_000_000_000;
		expect(isWithinTolerance(now - 299_000, now, 300)).toBe(true);
		expect(isWithinTolerance(now - 301_000, now, 300)).toBe(false);
		expect(isWithinTolerance(now + 301_000, now, 300)).toBe(false);
		expect(isWithinTolerance(now - 86_399_000, now, 86_400)).toBe(true);
	});

	it('splits pasted tokens on commas, spaces and new lines', () => {
		expect(splitKeys(' one,two\nthree  four ,')).toEqual(['one', 'two', 'three', 'four']);
		expect(splitKeys(undefined)).toEqual([]);
	});
});
