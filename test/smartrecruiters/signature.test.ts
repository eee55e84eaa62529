import { isFreshUnixSeconds as isFreshTimestamp } from '../../nodes/shared/webhookDelivery';
import {
	matchingSignature,
	signV1,
	v1Signatures,
} from '../../nodes/SmartRecruiters/trigger/signature';

/** True when a v1 segment matches one of the keys. */
const hasValidSignature = (...args: Parameters<typeof matchingSignature>) =>
	matchingSignature(...args) !== undefined;

/** The example published with SmartRecruiters' signature documentation (raw bytes, angle brackets in the link). */
const published = {
	key: 'HeBVky2bccvvkcXPimH8c',
	delivery: {
		timestamp: '1574080897',
		rawBody: '{"job_id":"jid","candidate_id":"cid"}',
		eventId: '123',
		eventName: 'application.created',
		eventVersion: 'v201910',
		link: '<http://smartrecruiters.com/endpoint>; rel=self',
	},
	signature: 'v1=2e9291f10d44ca10204a4cd81b05d73b6a316b2b605d4e2e0e0b37b40198ce1f',
};

describe('SmartRecruiters webhook signature (v1)', () => {
	it('reproduces the published test vector', () => {
		expect(`v1=${signV1(published.key, published.delivery)}`).toBe(published.signature);
		expect(hasValidSignature(published.signature, [published.key], published.delivery)).toBe(true);
	});

	it('signs the raw bytes: a re-serialised body with a space does not verify', () => {
		const reformatted = {
			...published.delivery,
			rawBody: '{"job_id": "jid","candidate_id":"cid"}',
		};
		expect(hasValidSignature(published.signature, [published.key], reformatted)).toBe(false);
		expect(
			hasValidSignature(published.signature, [published.key], {
				...published.delivery,
				rawBody: Buffer.from(published.delivery.rawBody),
			}),
		).toBe(true);
	});

	it('accepts a match in any v1 segment and with any known key (key rotation)', () => {
		const header = `v1=${'0'.repeat(64)}; v2=ignored;${published.signature}`;
		expect(v1Signatures(header)).toHaveLength(2);
		expect(hasValidSignature(header, ['another-key', published.key], published.delivery)).toBe(
			true,
		);
		expect(hasValidSignature(header, ['another-key'], published.delivery)).toBe(false);
	});

	it('rejects a changed header, a wrong key and a truncated signature', () => {
		expect(
			hasValidSignature(published.signature, [published.key], {
				...published.delivery,
				eventId: '124',
			}),
		).toBe(false);
		expect(
			hasValidSignature(published.signature, [published.key], { ...published.delivery, link: '' }),
		).toBe(false);
		expect(
			hasValidSignature(published.signature, ['HeBVky2bccvvkcXPimH8d'], published.delivery),
		).toBe(false);
		expect(
			hasValidSignature(published.signature.slice(0, -2), [published.key], published.delivery),
		).toBe(false);
		expect(hasValidSignature('', [published.key], published.delivery)).toBe(false);
	});

	it('checks the timestamp against a tolerance in seconds', () => {
		const now = 1574080897 * 1000;
		expect(isFreshTimestamp('1574080897', now + 299_000, 300)).toBe(true);
		expect(isFreshTimestamp('1574080897', now + 301_000, 300)).toBe(false);
		expect(isFreshTimestamp('1574080897', now - 301_000, 300)).toBe(false);
		expect(isFreshTimestamp('not-a-number', now, 300)).toBe(false);
	});
});
