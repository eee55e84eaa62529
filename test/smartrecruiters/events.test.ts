/** The SmartRecruiters Trigger's events: every id of the Webhooks API's EventName enum, labelled in words and grouped. */
import { EVENT_NAMES, eventOptions } from '../../nodes/SmartRecruiters/trigger/events';

/** `EventName` of the Webhooks API v201907, as the OpenAPI spec lists it. */
const SPEC_EVENT_NAMES = [
	'job.created',
	'job.updated',
	'job.status.updated',
	'job.hiring-team.updated',
	'job.ad.created',
	'job.ad.updated',
	'job.ad.postings.updated',
	'position.created',
	'position.updated',
	'position.deleted',
	'application.created',
	'application.status.updated',
	'application.fields.updated',
	'application.onboarding-status.updated',
	'application.attachment.created',
	'application.source.updated',
	'candidate.created',
	'candidate.updated',
	'candidate.deleted',
	'offer.created',
	'offer.updated',
	'offer.approval.created',
	'offer.approval.approved',
	'offer.approval.rejected',
	'offer.approval.abandoned',
	'offer.approval.step.approved',
	'offer.approval.step.rejected',
	'offer.approver.skipped',
	'offer.approver.delegated',
	'offer.approval.comment.created',
	'job.approval.created',
	'job.approval.approved',
	'job.approval.rejected',
	'job.approval.abandoned',
	'job.approval.step.approved',
	'job.approval.step.rejected',
	'job.approver.skipped',
	'job.approver.delegated',
	'job.approval.comment.created',
	'review.created',
	'review.updated',
	'review.deleted',
	'application.screening-answers.created',
	'application.screening-answers.updated',
	'onboarding.process.started',
	'onboarding.assignments.high-priority.completed',
	'onboarding.assignments.completed',
];

describe('SmartRecruiters trigger events', () => {
	it('offers every event SmartRecruiters sends, once, with its id as the value', () => {
		expect([...EVENT_NAMES].sort()).toEqual([...SPEC_EVENT_NAMES].sort());
	});

	it('labels each event "Group: What Happened" with a description, sorted so groups stay together', () => {
		for (const option of eventOptions) {
			expect(option.name).toMatch(/^[A-Z][A-Za-z ]+: [A-Z][A-Za-z -]+$/);
			expect(option.description).toBeTruthy();
		}
		const names = eventOptions.map((option) => option.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		expect(eventOptions.find((option) => option.value === 'application.status.updated')?.name).toBe(
			'Application: Status Updated',
		);
	});
});
