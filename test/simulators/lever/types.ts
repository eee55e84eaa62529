/**
 * In-memory records of the Lever simulator. Shapes follow Lever's wire objects (docs + recorded sandbox responses);
 * fields that only the simulator needs (opportunityId back-references, stored bytes) are marked as such.
 */

export type Origin = 'agency' | 'applied' | 'internal' | 'referred' | 'sourced' | 'university';
export const ORIGINS: Origin[] = [
	'applied',
	'sourced',
	'referred',
	'university',
	'agency',
	'internal',
];

export interface LeverUser {
	id: string;
	name: string;
	username: string;
	email: string;
	createdAt: number;
	deactivatedAt: number | null;
	accessRole: string;
	photo: string | null;
	externalDirectoryId: string | null;
	linkedContactIds: string[] | null;
	jobTitle: string | null;
	managerId: string | null;
}

export interface LeverStage {
	id: string;
	text: string;
}

export interface LeverArchiveReason {
	id: string;
	text: string;
	status: 'active' | 'inactive';
	type: 'hired' | 'non-hired';
}

export type PostingState = 'published' | 'internal' | 'closed' | 'draft' | 'pending' | 'rejected';

export interface LeverPosting {
	id: string;
	text: string;
	createdAt: number;
	updatedAt: number;
	user: string;
	owner: string;
	hiringManager: string | null;
	confidentiality: 'confidential' | 'non-confidential';
	categories: {
		team: string;
		department: string;
		location: string;
		allLocations: string[];
		commitment: string;
		level?: string;
	};
	tags: string[];
	content: {
		description: string;
		descriptionHtml: string;
		lists: Array<{ text: string; content: string }>;
		closing: string;
		closingHtml: string;
	};
	country: string;
	followers: string[];
	state: PostingState;
	distributionChannels: Array<'public' | 'internal'>;
	reqCode: string | null;
	requisitionCodes: string[];
	salaryDescription: string;
	salaryDescriptionHtml: string;
	salaryRange: { min: number; max: number; currency: string; interval: string } | null;
	urls: { list: string; show: string; apply: string };
	workplaceType: 'onsite' | 'remote' | 'hybrid' | 'unspecified';
}

/** ⚠ `type` only when one was sent: what Lever stores for an untyped phone is undocumented. */
export interface Phone {
	type?: string;
	value: string;
}

/** A person. Lever stores links on the contact (addLinks acts on the contact). */
export interface LeverContact {
	id: string;
	name: string;
	headline: string;
	/** Stored as plain text; GET /contacts renders it as `{name}` like Lever. */
	location: string;
	emails: string[];
	phones: Phone[];
	links: string[];
	isAnonymized: boolean;
	createdAt: number;
}

export interface StageChange {
	toStageId: string;
	toStageIndex: number;
	updatedAt: number;
	userId: string | null;
}

export interface Archived {
	reason: string;
	archivedAt: number;
}

/** A candidacy. Name, headline, emails, phones, links and location are rendered from the contact. */
export interface LeverOpportunity {
	id: string;
	contact: string;
	stage: string;
	confidentiality: 'confidential' | 'non-confidential';
	origin: Origin;
	sourcedBy: string | null;
	owner: string | null;
	followers: string[];
	tags: string[];
	sources: string[];
	applications: string[];
	archived: Archived | null;
	stageChanges: StageChange[];
	createdAt: number;
	updatedAt: number | null;
	lastInteractionAt: number;
	lastAdvancedAt: number;
	snoozedUntil: number | null;
	isAnonymized: boolean;
	dataProtection: null | Record<string, unknown>;
	opportunityLocation: string | null;
}

export interface LeverApplication {
	id: string;
	opportunityId: string;
	candidateId: string;
	createdAt: number;
	type: 'posting' | 'user' | 'referral';
	posting: string;
	postingOwner: string | null;
	postingHiringManager: string | null;
	user: string | null;
	name: string;
	email: string | null;
	phone: Phone | null;
	company: string | null;
	links: string[];
	comments: string | null;
	customQuestions: unknown[];
	archived: Archived | null;
	requisitionForHire: {
		id: string;
		requisitionCode: string;
		hiringManagerOnHire: string | null;
	} | null;
}

export interface NoteField {
	type: 'note';
	text: string;
	value: string;
	createdAt: number;
	user: string | null;
	score: number | null;
	stage: string;
}

export interface LeverNote {
	id: string;
	/** simulator back-reference */
	opportunityId: string;
	text: string;
	fields: NoteField[];
	user: string | null;
	secret: boolean;
	createdAt: number;
	completedAt: number;
	deletedAt: number | null;
	/** simulator-only: Lever lets only notes created through the API be changed or deleted */
	createdViaApi: boolean;
}

export type FileStatus = 'processing' | 'processed' | 'unsupported' | 'error' | null;

export interface StoredBlob {
	name: string;
	ext: string;
	size: number;
	uploadedAt: number;
	status: FileStatus;
	/** simulator-only: the uploaded bytes and their content type, served by the download endpoints */
	contentType: string;
	content: Buffer;
}

export interface LeverFile extends StoredBlob {
	id: string;
	opportunityId: string;
	user: string | null;
}

export interface LeverResume {
	id: string;
	opportunityId: string;
	createdAt: number;
	file: StoredBlob;
	parsedData: { positions: unknown[]; schools: unknown[] };
}

export interface TemplateField {
	id: string;
	type: string;
	text: string;
	description: string;
	required: boolean;
	prompt?: string;
	options?: Array<{ text: string }>;
	scores?: Array<{ text: string; description: string }>;
	currency?: string;
}

export interface LeverFeedbackTemplate {
	id: string;
	text: string;
	instructions: string;
	group: { id: string; name: string } | null;
	stage: string | null;
	createdAt: number | null;
	updatedAt: number | null;
	fields: TemplateField[];
}

export interface LeverFeedback {
	id: string;
	opportunityId: string;
	type: 'interview' | 'assignment' | 'share';
	text: string;
	instructions: string;
	baseTemplateId: string;
	fields: Array<TemplateField & { value: unknown }>;
	user: string;
	panel: string | null;
	interview: string | null;
	createdAt: number;
	updatedAt: number | null;
	completedAt: number | null;
	deletedAt: number | null;
}

/** An interview panel; its interviews are stored as LeverInterview records with `panel` set. */
export interface LeverPanel {
	id: string;
	opportunityId: string;
	applications: string[];
	canceledAt: number | null;
	createdAt: number;
	/** created through the API: only these (and their interviews) can be changed through the API */
	externallyManaged: boolean;
	externalUrl: string | null;
	feedbackReminder: 'once' | 'daily' | 'frequently' | 'none';
	note: string | null;
	stage: string;
	timezone: string;
	user: string;
}

export interface LeverInterview {
	id: string;
	opportunityId: string;
	panel: string;
	subject: string;
	note: string;
	interviewers: Array<{ id: string; name: string; email: string; feedbackTemplate: string | null }>;
	timezone: string;
	createdAt: number;
	date: number;
	duration: number;
	location: string;
	feedbackTemplate: string | null;
	feedbackForms: string[];
	feedbackReminder: 'once' | 'daily' | 'frequently' | 'none';
	user: string;
	stage: string;
	canceledAt: number | null;
	postings: string[];
	gcalEventUrl: string | null;
}

export interface LeverOffer {
	id: string;
	opportunityId: string;
	createdAt: number;
	status:
		| 'draft'
		| 'approval-sent'
		| 'approved'
		| 'sent'
		| 'sent-manually'
		| 'opened'
		| 'denied'
		| 'signed';
	creator: string;
	fields: Array<{ text: string; identifier: string; value: unknown }>;
	signatures: Record<string, unknown>;
	sentDocument: { fileName: string; uploadedAt: number; downloadUrl: string } | null;
	signedDocument: { fileName: string; uploadedAt: number; downloadUrl: string } | null;
	approvedAt: number | null;
	sentAt: number | null;
}

export interface LeverForm {
	id: string;
	opportunityId: string;
	type: 'form';
	text: string;
	instructions: string;
	baseTemplateId: string;
	fields: Array<TemplateField & { value: unknown }>;
	user: string | null;
	stage: string | null;
	secret: boolean;
	createdAt: number;
	completedAt: number | null;
	deletedAt: number | null;
}

/** A profile form template (account configuration). */
export interface LeverFormTemplate {
	id: string;
	text: string;
	instructions: string;
	secretByDefault: boolean;
	fields: TemplateField[];
	createdAt: number;
	updatedAt: number;
}

/** A referral: a form of type "referral" with the referring user. */
export interface LeverReferral {
	id: string;
	opportunityId: string;
	type: 'referral';
	text: string;
	instructions: string;
	baseTemplateId: string;
	fields: Array<TemplateField & { value: unknown }>;
	user: string;
	referrer: string | null;
	stage: string | null;
	createdAt: number;
	completedAt: number | null;
}

export type RequisitionStatus = 'open' | 'onHold' | 'closed' | 'draft';

export interface LeverRequisition {
	id: string;
	requisitionCode: string;
	name: string;
	backfill: boolean;
	confidentiality: 'confidential' | 'non-confidential';
	createdAt: number;
	creator: string | null;
	headcountHired: number;
	headcountInfinite: boolean;
	/** null when the headcount is unlimited */
	headcountTotal: number | null;
	hiringManager: string | null;
	owner: string | null;
	status: RequisitionStatus;
	employmentStatus: string | null;
	location: string | null;
	internalNotes: string;
	team: string | null;
	department: string | null;
	offerIds: string[];
	postings: string[];
	compensationBand: { currency: string; interval: string; min: number; max: number } | null;
	customFields: Record<string, unknown>;
	closedAt: number | null;
	timeToFillStartAt: number | null;
	timeToFillEndAt: number | null;
	updatedAt: number;
}

export type RequisitionFieldType = 'number' | 'text' | 'date' | 'object' | 'dropdown';

export interface LeverRequisitionField {
	id: string;
	text: string;
	type: RequisitionFieldType;
	isRequired: boolean;
	options?: Array<{ id: string; text: string }>;
	subfields?: Array<{ id: string; text: string; type: 'number' | 'text' | 'date' }>;
}

export type WebhookEvent =
	| 'applicationCreated'
	| 'candidateHired'
	| 'candidateStageChange'
	| 'candidateArchiveChange'
	| 'candidateDeleted'
	| 'interviewCreated'
	| 'interviewUpdated'
	| 'interviewDeleted'
	| 'contactCreated'
	| 'contactUpdated';

export const WEBHOOK_EVENTS: WebhookEvent[] = [
	'applicationCreated',
	'candidateHired',
	'candidateStageChange',
	'candidateArchiveChange',
	'candidateDeleted',
	'interviewCreated',
	'interviewUpdated',
	'interviewDeleted',
	'contactCreated',
	'contactUpdated',
];

/** Only these four events accept origin conditions (Lever docs §Webhooks via the API). */
export const EVENTS_WITH_CONDITIONS: WebhookEvent[] = [
	'applicationCreated',
	'candidateArchiveChange',
	'candidateHired',
	'candidateStageChange',
];

export interface LeverWebhook {
	id: string;
	url: string;
	event: WebhookEvent;
	configuration: { conditions: { origins: Origin[] } | null };
	/** Returned only by the create call, never by GET /webhooks. */
	signatureToken: string;
	createdAt: number;
	updatedAt: number;
}

export interface LeverWebhookDelivery {
	/** the event id (`id` in the envelope), shared by every retry */
	eventId: string;
	webhookId: string | null;
	url: string;
	event: string;
	triggeredAt: number;
	token: string;
	attempts: number;
	status: number;
	delivered: boolean;
	tampered: boolean;
}

export interface LeverState {
	users: LeverUser[];
	stages: LeverStage[];
	archiveReasons: LeverArchiveReason[];
	postings: LeverPosting[];
	contacts: LeverContact[];
	opportunities: LeverOpportunity[];
	applications: LeverApplication[];
	notes: LeverNote[];
	files: LeverFile[];
	resumes: LeverResume[];
	feedbackTemplates: LeverFeedbackTemplate[];
	feedback: LeverFeedback[];
	interviews: LeverInterview[];
	offers: LeverOffer[];
	panels: LeverPanel[];
	forms: LeverForm[];
	formTemplates: LeverFormTemplate[];
	referrals: LeverReferral[];
	requisitions: LeverRequisition[];
	requisitionFields: LeverRequisitionField[];
	/** Tag and source names known to the account; usage counts are computed from opportunities. */
	tags: string[];
	sources: string[];
	webhooks: LeverWebhook[];
	deliveries: LeverWebhookDelivery[];
}
