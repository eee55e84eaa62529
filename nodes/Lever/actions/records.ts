import type { RecordSpec } from './recordOperation';
import { leverRecord } from './recordOperation';
import { recordRLC, userRLC } from './common.descriptions';

/**
 * The Lever records an operation picks one of: where each lives and how the user picks it. Records of an opportunity
 * are listed for the opportunity chosen above them.
 */
const record = (
	resource: string,
	route: string,
	param: string,
	locator: ReturnType<typeof recordRLC>,
): RecordSpec => leverRecord(resource, route, param, locator);

export const NOTE = record(
	'note',
	'/opportunities/{opportunity}/notes/{noteId}',
	'noteId',
	recordRLC('note', 'Note', 'searchNotes', 'A note of the opportunity'),
);

export const FILE = record(
	'file',
	'/opportunities/{opportunity}/files/{fileId}',
	'fileId',
	recordRLC('file', 'File', 'searchFiles', 'A file attached to the opportunity'),
);

export const RESUME = record(
	'resume',
	'/opportunities/{opportunity}/resumes/{resumeId}',
	'resumeId',
	recordRLC('resume', 'Resume', 'searchResumes', 'A resume of the opportunity'),
);

export const OFFER = record(
	'offer',
	'/opportunities/{opportunity}/offers/{offerId}',
	'offerId',
	recordRLC('offer', 'Offer', 'searchOffers', 'An offer of the opportunity'),
);

export const FEEDBACK = record(
	'feedback',
	'/opportunities/{opportunity}/feedback/{feedbackId}',
	'feedbackId',
	recordRLC(
		'feedback',
		'Feedback',
		'searchFeedback',
		'A feedback form (scorecard) of the opportunity',
	),
);

export const INTERVIEW = record(
	'interview',
	'/opportunities/{opportunity}/interviews/{interviewId}',
	'interviewId',
	recordRLC('interview', 'Interview', 'searchInterviews', 'An interview of the opportunity'),
);

export const PANEL = record(
	'panel',
	'/opportunities/{opportunity}/panels/{panelId}',
	'panelId',
	recordRLC('panel', 'Panel', 'searchPanels', 'An interview panel of the opportunity'),
);

export const PROFILE_FORM = record(
	'profileForm',
	'/opportunities/{opportunity}/forms/{formId}',
	'formId',
	recordRLC(
		'profileForm',
		'Profile Form',
		'searchProfileForms',
		'A profile form (custom fields) filled in on the opportunity',
	),
);

export const REFERRAL = record(
	'referral',
	'/opportunities/{opportunity}/referrals/{referralId}',
	'referralId',
	recordRLC('referral', 'Referral', 'searchReferrals', 'A referral of the opportunity'),
);

export const FEEDBACK_TEMPLATE = record(
	'feedbackTemplate',
	'/feedback_templates/{feedbackTemplateId}',
	'feedbackTemplateId',
	recordRLC(
		'feedbackTemplate',
		'Feedback Template',
		'searchFeedbackTemplates',
		'A feedback (scorecard) template of the account',
	),
);

export const REQUISITION = record(
	'requisition',
	'/requisitions/{requisitionId}',
	'requisitionId',
	recordRLC(
		'requisition',
		'Requisition',
		'searchRequisitions',
		'A requisition (approved headcount). Search by code or name.',
	),
);

export const REQUISITION_FIELD = record(
	'requisitionField',
	'/requisition_fields/{fieldId}',
	'fieldId',
	recordRLC(
		'requisitionField',
		'Requisition Field',
		'searchRequisitionFields',
		'A custom field of requisitions',
	),
);

export const WEBHOOK = record(
	'webhook',
	'/webhooks/{webhookId}',
	'webhookId',
	recordRLC('webhook', 'Webhook', 'searchWebhooks', 'A webhook created through the API'),
);

export const CONTACT = record(
	'contact',
	'/contacts/{contactId}',
	'contactId',
	recordRLC(
		'contact',
		'Contact',
		'searchContacts',
		'The person (one contact may have several opportunities). Search by email address.',
	),
);

export const USER = record('user', '/users/{userId}', 'userId', {
	...userRLC('user', 'User', 'The Lever user'),
	required: true,
});
