/**
 * Report Failures' message, and who a failed item is about (nodes/shared/failedItem.ts): the two halves of a failed
 * item shown in n8n. The whole path, in a real n8n, is test/n8n/failures.test.ts; in the runner,
 * test/recipes/pushOnInterested.lever.test.ts.
 */
import { subjectOf } from '../../nodes/shared/failedItem';
import { describeFailure, failureReport } from '../../packages/toolkit/nodes/ReportFailures/report';

describe('who a failed item is about', () => {
	it('takes the email from the item or one level down, the event id from the trigger item', () => {
		const event = { eventId: 'evt-5', contact: { email: 'nolastname@example.com' } };
		expect(
			subjectOf({ profile: { email: 'nolastname@example.com' }, lever: { postingId: 'p' } }, event),
		).toEqual({ email: 'nolastname@example.com', eventId: 'evt-5' });
		expect(subjectOf(undefined, event)).toEqual({
			email: 'nolastname@example.com',
			eventId: 'evt-5',
		});
	});

	it('names a Lever delivery by its id, and a candidate by its id or Lever emails', () => {
		const delivery = { id: 'd-1', event: 'candidateHired', data: { opportunityId: 'opp-1' } };
		expect(subjectOf({ opportunity: { emails: ['ada@example.com'] } }, delivery)).toEqual({
			email: 'ada@example.com',
			candidateId: 'opp-1',
			eventId: 'd-1',
		});
		// A polled record's id is the record's own, not an event's.
		expect(subjectOf({ candidateId: 'c-9' }, { id: 'opp-2', name: 'Ada' })).toEqual({
			candidateId: 'c-9',
		});
	});
});

describe('Report Failures', () => {
	it('names who, where and why of each item, from our details or from what another node left', () => {
		expect(
			describeFailure(
				{
					error: 'Mandatory field "name" is empty',
					details: { node: 'Upsert Candidate', email: 'a@example.com', eventId: 'e-5' },
				},
				undefined,
				'Upsert Candidate',
			),
		).toEqual({
			who: 'a@example.com, event e-5',
			node: 'Upsert Candidate',
			why: 'Mandatory field "name" is empty',
		});
		// An n8n node's error item: { error: { message } } merged with its input item by n8n.
		expect(
			describeFailure(
				{ error: { message: 'Bad request' }, candidateId: 'c-1' },
				undefined,
				'HTTP Request',
			),
		).toEqual({
			who: 'candidate c-1',
			node: 'HTTP Request',
			why: 'Bad request',
		});
		expect(describeFailure({}, { message: 'boom' }, undefined)).toEqual({
			who: 'an item without email or id',
			node: 'an unknown node',
			why: 'boom',
		});
	});

	it('lists the first ten in the message and all of them in the description', () => {
		const failures = Array.from({ length: 12 }, (_, index) => ({
			who: `p${index}@example.com`,
			node: 'Upsert Candidate',
			why: 'refused',
		}));
		const report = failureReport(failures);
		expect(report.message).toMatch(
			/^12 items failed: p0@example\.com in "Upsert Candidate": refused; /,
		);
		expect(report.message).toMatch(
			/p9@example\.com in "Upsert Candidate": refused \(and 2 more\)$/,
		);
		expect(report.description.split('\n')).toHaveLength(12);
		expect(failureReport(failures.slice(0, 1)).message).toBe(
			'1 item failed: p0@example.com in "Upsert Candidate": refused',
		);
	});
});
