/**
 * The comparison `npm run test:n8n` relies on: two end states from the same seed are equal once created ids and
 * timestamps are normalised, and any other difference is reported with its path and both values.
 */
import { endStateDifferences, idsIn, normaliseEndState } from './endState';

const seedIds = idsIn({ lever: [{ id: 'opp-seed-1', contact: 'contact-seed-1', notes: ['Existing note'] }] });
const runAt = (createdId: string, contactId: string, at: number) => ({
	lever: [
		{ id: 'opp-seed-1', contact: 'contact-seed-1', notes: ['Existing note'], stage: 'lead-new' },
		{ id: createdId, contact: contactId, notes: [`Created at ${new Date(at).toISOString()}`], stage: 'applicant-new' },
	],
	onboarding: [{ key: `lever:${createdId}:offer:${at}`, startDate: '2027-01-04' }],
});

describe('end state comparison', () => {
	it('treats runs that differ only in created ids and timestamps as the same', () => {
		const runner = normaliseEndState(runAt('0b6f…-a', 'c-1', 1_763_900_000_000), seedIds);
		const n8n = normaliseEndState(runAt('77e1…-b', 'c-2', 1_763_999_999_999), seedIds);
		expect(endStateDifferences(runner, n8n, ['runner', 'n8n'])).toEqual([]);
		expect(runner).toEqual({
			lever: [
				{ id: 'opp-seed-1', contact: 'contact-seed-1', notes: ['Existing note'], stage: 'lead-new' },
				{ id: '<new-1>', contact: '<new-2>', notes: ['Created at <time>'], stage: 'applicant-new' },
			],
			onboarding: [{ key: 'lever:<new-1>:offer:<time>', startDate: '2027-01-04' }],
		});
	});

	it('names every other difference by path, with both values', () => {
		const runner = normaliseEndState(runAt('a', 'c-1', 1_763_900_000_000), seedIds);
		const changed = runAt('b', 'c-2', 1_763_900_000_000);
		changed.lever[1].stage = 'phone-screen';
		changed.lever[0].notes.push('A note the runner did not write');
		const n8n = normaliseEndState(changed, seedIds);
		expect(endStateDifferences(runner, n8n, ['runner', 'n8n'])).toEqual([
			'$.lever[0].notes.length: runner 1 ≠ n8n 2',
			'$.lever[0].notes[1]: runner undefined ≠ n8n "A note the runner did not write"',
			'$.lever[1].stage: runner "applicant-new" ≠ n8n "phone-screen"',
		]);
	});

	it('treats generated UUIDs inside other values (event ids in idempotency keys) like created ids', () => {
		const post = (eventId: string) => ({ platform: [{ key: `smartrecruiters:${eventId}`, candidate: 'contact-seed-1' }] });
		const runner = normaliseEndState(post('4e679bbb-2ee0-471d-b598-6bc2d1ff1793'), seedIds);
		const n8n = normaliseEndState(post('0403c5db-334c-4feb-825f-74b56f589296'), seedIds);
		expect(runner).toEqual({ platform: [{ key: 'smartrecruiters:<new-1>', candidate: 'contact-seed-1' }] });
		expect(endStateDifferences(runner, n8n, ['runner', 'n8n'])).toEqual([]);
	});

	it('does not let a duplicate record pass as a renamed id', () => {
		const once = normaliseEndState(runAt('a', 'c-1', 1_763_900_000_000), seedIds) as { lever: unknown[] };
		const twice = runAt('b', 'c-2', 1_763_900_000_000);
		twice.lever.push({ ...twice.lever[1], id: 'b-duplicate' });
		expect(endStateDifferences(once, normaliseEndState(twice, seedIds), ['runner', 'n8n'])).toContain('$.lever.length: runner 2 ≠ n8n 3');
	});
});
