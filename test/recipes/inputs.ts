/**
 * The inputs the recipe tests feed the shipped recipes, in one place, so `npm run test:n8n` gives a real n8n exactly
 * the same events as the runner's recipe tests give `ats-sync`.
 */
import { LEVER_SEED } from '../simulators/lever';
import { SMARTRECRUITERS_SEED } from '../simulators/smartrecruiters';

type Files = Record<string, { type: string; body: string }>;

export const OUTREACH_SIGNING_SECRET = 'outreach-signing-secret-for-tests';
export const INTERVIEW_SIGNING_SECRET = 'interview-platform-signing-secret';
export const PSEUDONYM_SECRET = 'pseudonym-key-for-recipe-tests-0123456789';
export const PLATFORM_TOKEN = 'Bearer interview-platform-token';
export const ONBOARDING_TOKEN = 'Bearer onboarding-token-for-recipe-tests';

export const BACKEND_CAMPAIGN = { id: 'sw-backend-berlin', name: 'Backend Berlin Q4' };
export const Q3_CAMPAIGN = { id: 'sw-q3-sourcing', name: 'Q3 sourcing' };
const SALES_CAMPAIGN = { id: 'sw-sales-nyc', name: 'Sales NYC' };

export const contactEvent = (eventId: string, type: string, campaign: object, contact: object, extra: object = {}) => ({
	eventId,
	type,
	occurredAt: '2026-11-20T09:00:00Z',
	campaign,
	outreachType: 'email',
	contact,
	...extra,
});

export const interviewEvent = (eventId: string, job: object, contact: object, details: object) => ({
	eventId,
	type: 'interview.completed',
	occurredAt: '2026-11-21T14:00:00Z',
	job,
	contact,
	interview: details,
});

/** push-on-interested (Lever) */
export const pushLever = {
	files: { '/cv/linus.pdf': { type: 'application/pdf', body: '%PDF-1.4 Linus Byte CV' } } satisfies Files,
	linus: {
		email: 'linus.byte@example.net',
		firstName: 'Linus',
		lastName: 'Byte',
		headline: 'Backend Engineer at Kernel GmbH',
		location: 'Berlin',
		phones: ['+49 30 1234567'],
		links: ['https://www.linkedin.com/in/linusbyte'],
	},
	/** A replayed event file: created, updated, skipped by policy, unmapped, missing a mandatory field. */
	events(filesBaseUrl: string) {
		return [
			contactEvent('e-1', 'contact.interested', BACKEND_CAMPAIGN, this.linus, { message: 'Happy to talk!', cvUrl: `${filesBaseUrl}/cv/linus.pdf?sig=abc` }),
			// Ada exists in Lever as ada.lovelace@example.com; the outreach tool has her with another case and name.
			contactEvent('e-2', 'contact.replied', BACKEND_CAMPAIGN, { email: 'Ada.Lovelace@Example.COM', firstName: 'Ada', lastName: 'King', links: ['https://github.com/ada-l'] }, {
				outreachType: 'linkedin',
				message: 'What is the salary range?',
			}),
			// Default policy is "replied": an added contact is not synced.
			contactEvent('e-3', 'contact.added', BACKEND_CAMPAIGN, { email: 'rosa.queue@example.org', firstName: 'Rosa', lastName: 'Queue' }),
			// No posting mapped for this campaign.
			contactEvent('e-4', 'contact.interested', SALES_CAMPAIGN, { email: 'sam.seller@example.com', firstName: 'Sam', lastName: 'Seller' }),
			// Mandatory "name" missing (campaign sw-q3-sourcing syncs already on "added").
			contactEvent('e-5', 'contact.added', Q3_CAMPAIGN, { email: 'nolastname@example.com' }, { outreachType: 'call' }),
		];
	},
	/** One delivery of the served recipe. */
	served: contactEvent('e-10', 'contact.added', Q3_CAMPAIGN, { email: 'tim.heap@example.org', firstName: 'Tim', lastName: 'Heap', location: 'Remote' }, {
		outreachType: 'call',
		message: 'Intro call booked.',
	}),
};

/** push-on-interested (SmartRecruiters) */
export const pushSmartRecruiters = {
	files: {
		'/cv/linus.pdf': { type: 'application/pdf', body: '%PDF-1.4 Linus Byte CV' },
		'/cv/john.pdf': { type: 'application/pdf', body: '%PDF-1.4 John CV' },
	} satisfies Files,
	events(filesBaseUrl: string) {
		const S = SMARTRECRUITERS_SEED;
		return [
			contactEvent('e-1', 'contact.interested', BACKEND_CAMPAIGN, { email: 'linus.byte@example.net', firstName: 'Linus', lastName: 'Byte', phones: ['+49 30 1234567'], links: ['https://www.linkedin.com/in/linusbyte'] }, {
				message: 'Happy to talk!',
				cvUrl: `${filesBaseUrl}/cv/linus.pdf`,
			}),
			// Jane is in INTERVIEW on the backend job; the outreach tool has her email in capitals and another first name.
			contactEvent('e-2', 'contact.replied', BACKEND_CAMPAIGN, { email: 'JANE.DOE@example.com', firstName: 'Janet', lastName: 'Doe', location: 'Hamburg' }, {
				outreachType: 'call',
				message: 'Call went well.',
			}),
			// Maria already applied to the job this campaign maps to: her application keeps its status.
			contactEvent('e-3', 'contact.added', Q3_CAMPAIGN, { email: S.emails.maria, firstName: 'Maria', lastName: 'Garcia' }, { outreachType: 'linkedin' }),
			// John applied to another job: SmartRecruiters has no way to add him to this one, so only his profile is updated.
			contactEvent('e-4', 'contact.interested', BACKEND_CAMPAIGN, { email: S.emails.john, firstName: 'John', lastName: 'Smith' }, {
				outreachType: 'voicemail',
				cvUrl: `${filesBaseUrl}/cv/john.pdf`,
			}),
			contactEvent('e-5', 'contact.interested', SALES_CAMPAIGN, { email: 'sam.seller@example.com', firstName: 'Sam', lastName: 'Seller' }),
			contactEvent('e-6', 'contact.replied', Q3_CAMPAIGN, { email: 'only.first@example.com', firstName: 'Only' }),
		];
	},
};

const omar = { email: 'omar.null@example.org', firstName: 'Omar', lastName: 'Null', phones: ['+1 555 0142'] };
const BACKEND_JOB = { id: 'ip-backend', title: 'Senior Backend Engineer' };

/** export-on-interview-feedback (Lever) */
export const exportLever = {
	files: {
		'/reports/int-77.pdf': { type: 'application/pdf', body: '%PDF-1.4 interview report 77' },
		'/reports/int-80.pdf': { type: 'application/pdf', body: '%PDF-1.4 interview report 80' },
		'/reports/int-78.pdf': { type: 'application/pdf', body: '%PDF-1.4 report with Omar Null in it' },
	} satisfies Files,
	backendJob: BACKEND_JOB,
	events(filesBaseUrl: string) {
		const dataJob = { id: 'ip-data', title: 'Staff Data Engineer' };
		const omarWithLink = { ...omar, links: ['https://github.com/omarnull'] };
		return [
			interviewEvent('iv-1', BACKEND_JOB, { email: 'mira.stack@example.com', firstName: 'Mira', lastName: 'Stack', links: ['https://github.com/mirastack'] }, {
				result: 'passed',
				score: 86,
				feedback: 'Strong on distributed systems.',
				reportUrl: `${filesBaseUrl}/reports/int-77.pdf`,
			}),
			interviewEvent('iv-2', dataJob, omarWithLink, {
				result: 'failed',
				score: 41,
				feedback: 'Omar Null struggled with the concurrency exercise.',
				reportUrl: `${filesBaseUrl}/reports/int-78.pdf`,
			}),
			// The same person failed again (another interview), the platform now sends the email in capitals.
			interviewEvent('iv-3', dataJob, { ...omarWithLink, email: 'OMAR.NULL@Example.org' }, { result: 'failed', score: 38, feedback: 'Second attempt: still stuck on locking.' }),
			interviewEvent('iv-4', { id: 'ip-marketing', title: 'Growth Marketer' }, { email: 'gia.funnel@example.com', firstName: 'Gia', lastName: 'Funnel' }, { result: 'passed' }),
			interviewEvent('iv-5', BACKEND_JOB, { email: 'ADA.LOVELACE@example.com', firstName: 'Ada', lastName: 'King' }, {
				result: 'passed',
				score: 92,
				feedback: 'Excellent.',
				reportUrl: `${filesBaseUrl}/reports/int-80.pdf`,
			}),
		];
	},
};

/** export-on-interview-feedback (SmartRecruiters) */
export const exportSmartRecruiters = {
	files: {
		'/reports/int-77.pdf': { type: 'application/pdf', body: '%PDF-1.4 interview report 77' },
		'/reports/int-80.pdf': { type: 'application/pdf', body: '%PDF-1.4 interview report 80' },
	} satisfies Files,
	events(filesBaseUrl: string) {
		const designJob = { id: 'ip-data', title: 'Product Designer' };
		return [
			interviewEvent('iv-1', BACKEND_JOB, { email: 'mira.stack@example.com', firstName: 'Mira', lastName: 'Stack' }, {
				result: 'passed',
				score: 86,
				feedback: 'Strong on distributed systems.',
				reportUrl: `${filesBaseUrl}/reports/int-77.pdf`,
			}),
			interviewEvent('iv-2', designJob, omar, { result: 'failed', score: 41, feedback: 'Omar Null struggled with the exercise.', reportUrl: `${filesBaseUrl}/reports/int-78.pdf` }),
			interviewEvent('iv-3', designJob, { ...omar, email: 'OMAR.NULL@Example.org' }, { result: 'failed', score: 38 }),
			interviewEvent('iv-4', { id: 'ip-marketing' }, { email: 'gia.funnel@example.com', firstName: 'Gia', lastName: 'Funnel' }, { result: 'passed' }),
			interviewEvent('iv-5', BACKEND_JOB, { email: 'Jane.Doe@example.com', firstName: 'Janet', lastName: 'Doe' }, {
				result: 'passed',
				score: 92,
				feedback: 'Excellent.',
				reportUrl: `${filesBaseUrl}/reports/int-80.pdf`,
			}),
		];
	},
};

/** hire-to-onboarding: the hires the ATS reports. */
export const hireLever = {
	hired: { opportunityId: LEVER_SEED.opportunities.alanHired, candidateId: LEVER_SEED.opportunities.alanHired, contactId: LEVER_SEED.contacts.alan },
};

export const hireSmartRecruiters = {
	/** John was hired with an accepted offer. */
	johnHired: {
		job_id: SMARTRECRUITERS_SEED.jobs.dataAnalyst,
		candidate_id: SMARTRECRUITERS_SEED.candidates.john,
		application_id: SMARTRECRUITERS_SEED.applications.johnDataAnalyst,
	},
	/** Maria is hired later, with a start date but no offer; SmartRecruiters sends the event itself. */
	mariaHired: { status: 'HIRED', startsOn: '2027-02-01T00:00:00.000Z' },
};
