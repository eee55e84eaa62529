import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * The Webhooks API's `EventName` enum (v201907), each labelled "Group: What happened" so the list reads grouped
 * (n8n sorts options by name). The value is SmartRecruiters' event id, as the subscription and deliveries carry it.
 */
export const eventOptions: INodePropertyOptions[] = [
	{
		value: 'application.attachment.created',
		name: 'Application: Attachment Added',
		description: 'A file (e.g. a resume) was added to a job application',
	},
	{
		value: 'application.created',
		name: 'Application: Created',
		description: 'A candidate applied or was added to a job',
	},
	{
		value: 'application.fields.updated',
		name: 'Application: Fields Updated',
		description: "A job application's candidate properties (custom fields) changed",
	},
	{
		value: 'application.onboarding-status.updated',
		name: 'Application: Onboarding Status Updated',
		description: "A hire's onboarding status changed",
	},
	{
		value: 'application.screening-answers.created',
		name: 'Application: Screening Answers Added',
		description: 'A candidate answered the screening questions of a job',
	},
	{
		value: 'application.screening-answers.updated',
		name: 'Application: Screening Answers Updated',
		description: 'Screening answers of a job application changed',
	},
	{
		value: 'application.source.updated',
		name: 'Application: Source Updated',
		description: "A job application's source changed",
	},
	{
		value: 'application.status.updated',
		name: 'Application: Status Updated',
		description: 'A job application moved to another status, e.g. Interview, Offered or Hired',
	},
	{
		value: 'candidate.created',
		name: 'Candidate: Created',
		description: 'A new candidate profile was created',
	},
	{
		value: 'candidate.deleted',
		name: 'Candidate: Deleted',
		description: 'A candidate profile was deleted',
	},
	{
		value: 'candidate.updated',
		name: 'Candidate: Updated',
		description: "A candidate's personal details changed",
	},
	{ value: 'job.ad.created', name: 'Job Ad: Created', description: 'A job ad was created' },
	{
		value: 'job.ad.postings.updated',
		name: 'Job Ad: Postings Updated',
		description: 'Where a job ad is posted changed',
	},
	{ value: 'job.ad.updated', name: 'Job Ad: Updated', description: 'A job ad changed' },
	{
		value: 'job.approval.abandoned',
		name: 'Job Approval: Abandoned',
		description: 'A job approval was abandoned',
	},
	{
		value: 'job.approval.approved',
		name: 'Job Approval: Approved',
		description: 'A job was approved',
	},
	{
		value: 'job.approval.comment.created',
		name: 'Job Approval: Comment Added',
		description: 'Someone commented on a job approval',
	},
	{
		value: 'job.approval.created',
		name: 'Job Approval: Requested',
		description: 'A job was sent for approval',
	},
	{
		value: 'job.approval.rejected',
		name: 'Job Approval: Rejected',
		description: 'A job approval was rejected',
	},
	{
		value: 'job.approval.step.approved',
		name: 'Job Approval: Step Approved',
		description: 'One step of a job approval was approved',
	},
	{
		value: 'job.approval.step.rejected',
		name: 'Job Approval: Step Rejected',
		description: 'One step of a job approval was rejected',
	},
	{
		value: 'job.approver.delegated',
		name: 'Job Approval: Approver Delegated',
		description: 'A job approver handed the approval to someone else',
	},
	{
		value: 'job.approver.skipped',
		name: 'Job Approval: Approver Skipped',
		description: 'A job approver was skipped',
	},
	{ value: 'job.created', name: 'Job: Created', description: 'A job was created' },
	{
		value: 'job.hiring-team.updated',
		name: 'Job: Hiring Team Updated',
		description: "A job's hiring team changed",
	},
	{
		value: 'job.status.updated',
		name: 'Job: Status Updated',
		description: 'A job moved to another status, e.g. Sourcing or Filled',
	},
	{ value: 'job.updated', name: 'Job: Updated', description: 'A job changed' },
	{
		value: 'offer.approval.abandoned',
		name: 'Offer Approval: Abandoned',
		description: 'An offer approval was abandoned',
	},
	{
		value: 'offer.approval.approved',
		name: 'Offer Approval: Approved',
		description: 'An offer was approved',
	},
	{
		value: 'offer.approval.comment.created',
		name: 'Offer Approval: Comment Added',
		description: 'Someone commented on an offer approval',
	},
	{
		value: 'offer.approval.created',
		name: 'Offer Approval: Requested',
		description: 'An offer was sent for approval',
	},
	{
		value: 'offer.approval.rejected',
		name: 'Offer Approval: Rejected',
		description: 'An offer approval was rejected',
	},
	{
		value: 'offer.approval.step.approved',
		name: 'Offer Approval: Step Approved',
		description: 'One step of an offer approval was approved',
	},
	{
		value: 'offer.approval.step.rejected',
		name: 'Offer Approval: Step Rejected',
		description: 'One step of an offer approval was rejected',
	},
	{
		value: 'offer.approver.delegated',
		name: 'Offer Approval: Approver Delegated',
		description: 'An offer approver handed the approval to someone else',
	},
	{
		value: 'offer.approver.skipped',
		name: 'Offer Approval: Approver Skipped',
		description: 'An offer approver was skipped',
	},
	{
		value: 'offer.created',
		name: 'Offer: Created',
		description: 'An offer was created for a job application',
	},
	{
		value: 'offer.updated',
		name: 'Offer: Updated',
		description: 'An offer changed, e.g. it was accepted',
	},
	{
		value: 'onboarding.assignments.completed',
		name: 'Onboarding: All Assignments Completed',
		description: 'A new hire completed all onboarding assignments',
	},
	{
		value: 'onboarding.assignments.high-priority.completed',
		name: 'Onboarding: High-Priority Assignments Completed',
		description: 'A new hire completed the high-priority onboarding assignments',
	},
	{
		value: 'onboarding.process.started',
		name: 'Onboarding: Started',
		description: "A new hire's onboarding process started",
	},
	{
		value: 'position.created',
		name: 'Position: Created',
		description: 'A position (headcount) was added to a job',
	},
	{
		value: 'position.deleted',
		name: 'Position: Deleted',
		description: 'A position was removed from a job',
	},
	{ value: 'position.updated', name: 'Position: Updated', description: 'A position changed' },
	{
		value: 'review.created',
		name: 'Review: Created',
		description: 'A reviewer submitted interview feedback (a review)',
	},
	{ value: 'review.deleted', name: 'Review: Deleted', description: 'A review was deleted' },
	{ value: 'review.updated', name: 'Review: Updated', description: 'A review changed' },
].sort((a, b) => a.name.localeCompare(b.name));

/** Every event id SmartRecruiters sends. */
export const EVENT_NAMES = eventOptions.map((option) => String(option.value));

/** Events whose payload names an application (`candidate_id` + `job_id`), so its status can be checked. */
export const isApplicationEvent = (eventName: string) => eventName.startsWith('application.');
