import type { INodePropertyOptions } from 'n8n-workflow';

/** `CandidateStatusEnum`: note OFFERED (the Apply API says OFFER). */
export const CANDIDATE_STATUSES: INodePropertyOptions[] = [
	{ name: 'Hired', value: 'HIRED' },
	{ name: 'In Review', value: 'IN_REVIEW' },
	{ name: 'Interview', value: 'INTERVIEW' },
	{ name: 'Lead', value: 'LEAD' },
	{ name: 'New', value: 'NEW' },
	{ name: 'Offered', value: 'OFFERED' },
	{ name: 'Rejected', value: 'REJECTED' },
	{ name: 'Transferred', value: 'TRANSFERRED' },
	{ name: 'Withdrawn', value: 'WITHDRAWN' },
];

/** Only these statuses take a reason (rejection or withdrawal reason id). */
export const STATUSES_WITH_REASON = ['REJECTED', 'WITHDRAWN'];

/** Only these statuses have sub-statuses, defined per hiring process. */
export const STATUSES_WITH_SUB_STATUS = ['IN_REVIEW', 'INTERVIEW', 'OFFERED'];

export const JOB_STATUSES: INodePropertyOptions[] = [
	{ name: 'Cancelled', value: 'CANCELLED' },
	{ name: 'Created', value: 'CREATED' },
	{ name: 'Filled', value: 'FILLED' },
	{ name: 'Interview', value: 'INTERVIEW' },
	{ name: 'Offer', value: 'OFFER' },
	{ name: 'On Hold', value: 'ON_HOLD' },
	{ name: 'Sourcing', value: 'SOURCING' },
];
