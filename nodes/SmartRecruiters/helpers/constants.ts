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

/** `OnboardingStatus.onboardingStatus`: where the hire stands in the onboarding (HR) system. */
export const ONBOARDING_STATUSES: INodePropertyOptions[] = [
	{ name: 'Onboarding Failed', value: 'ONBOARDING_FAILED' },
	{ name: 'Onboarding Successful', value: 'ONBOARDING_SUCCESSFUL' },
	{ name: 'Ready to Onboard', value: 'READY_TO_ONBOARD' },
];

/** `ExperienceLevel.id` of a job. */
export const EXPERIENCE_LEVELS: INodePropertyOptions[] = [
	{ name: 'Associate', value: 'associate' },
	{ name: 'Director', value: 'director' },
	{ name: 'Entry Level', value: 'entry_level' },
	{ name: 'Executive', value: 'executive' },
	{ name: 'Internship', value: 'internship' },
	{ name: 'Mid-Senior Level', value: 'mid_senior_level' },
	{ name: 'Not Applicable', value: 'not_applicable' },
];

/** `HiringTeamMemberRole`; SmartRecruiters also takes a company's own role names. */
export const HIRING_TEAM_ROLES: INodePropertyOptions[] = [
	{ name: 'Coordinator', value: 'COORDINATOR' },
	{ name: 'Executive', value: 'EXECUTIVE' },
	{ name: 'Hiring Manager', value: 'HIRING_MANAGER' },
	{ name: 'Interview Team', value: 'INTERVIEW_TEAM' },
	{ name: 'Recruiter', value: 'RECRUITER' },
];

/** `AttendeeStatusValue` of interviewers and the candidate in an interview. */
export const ATTENDEE_STATUSES: INodePropertyOptions[] = [
	{ name: 'Accepted', value: 'accepted' },
	{ name: 'Declined', value: 'declined' },
	{ name: 'Pending', value: 'pending' },
	{ name: 'Tentative', value: 'tentative' },
];
