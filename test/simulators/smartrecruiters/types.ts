/**
 * In-memory records of the SmartRecruiters simulator. Field names follow the wire objects of the vendor spec;
 * fields only the simulator needs (back-references, stored bytes, required-sub-status rules) are marked.
 */

export type CandidateStatus =
	| 'LEAD'
	| 'NEW'
	| 'IN_REVIEW'
	| 'INTERVIEW'
	| 'OFFERED'
	| 'HIRED'
	| 'REJECTED'
	| 'WITHDRAWN'
	| 'TRANSFERRED';
export const CANDIDATE_STATUSES: CandidateStatus[] = [
	'LEAD',
	'NEW',
	'IN_REVIEW',
	'INTERVIEW',
	'OFFERED',
	'HIRED',
	'REJECTED',
	'WITHDRAWN',
	'TRANSFERRED',
];
/** Statuses a hiring process can define sub-statuses for (`HiringProcess.subStatuses`). */
export const SUB_STATUS_STATUSES = ['IN_REVIEW', 'INTERVIEW', 'OFFERED'] as const;
export type SubStatusStatus = (typeof SUB_STATUS_STATUSES)[number];

export type JobStatus =
	| 'CREATED'
	| 'SOURCING'
	| 'FILLED'
	| 'INTERVIEW'
	| 'OFFER'
	| 'CANCELLED'
	| 'ON_HOLD';
export type PostingStatus = 'PUBLIC' | 'INTERNAL' | 'NOT_PUBLISHED' | 'PRIVATE';
export type PropertyType =
	| 'BOOLEAN'
	| 'COUNTRY'
	| 'CURRENCY'
	| 'DATE'
	| 'NUMBER'
	| 'PERCENT'
	| 'REGION'
	| 'TEXT'
	| 'USER'
	| 'SINGLE_SELECT';
export type PropertyContext = 'PROFILE' | 'OFFER_FORM' | 'HIRE_FORM' | 'OFFER_APPROVAL_FORM';

export interface IdLabel {
	id: string;
	label: string;
}

export interface SrUser {
	id: string;
	email: string;
	firstName: string;
	lastName: string;
	role: 'EMPLOYEE' | 'RESTRICTED' | 'STANDARD' | 'EXTENDED' | 'ADMINISTRATOR';
	systemRole: { id: string; name: string };
	language: { code: string };
	active: boolean;
	updatedOn: string;
}

export interface SrLocation {
	country?: string;
	countryCode: string;
	region?: string;
	regionCode?: string;
	city: string;
	address?: string;
	postalCode?: string;
	remote?: boolean;
}

export interface SrJob {
	id: string;
	title: string;
	refNumber: string;
	createdOn: string;
	updatedOn: string;
	lastActivityOn: string;
	department?: IdLabel;
	location: SrLocation;
	status: JobStatus;
	postingStatus: PostingStatus;
	language: { code: string; label: string; labelNative: string };
	industry: IdLabel;
	function: IdLabel;
	typeOfEmployment: IdLabel;
	experienceLevel: IdLabel;
	creatorId: string;
	compensation?: { min: number; max: number; currency: string };
	jobAdText: string;
	properties: Array<{ id: string; label: string; value: IdLabel }>;
	/** simulator-only: the hiring process whose sub-statuses apply to this job's applications */
	hiringProcessId: string;
	targetHiringDate?: string;
	eeoCategory?: IdLabel;
	/** wire shape of the job ad (`JobAdInput`): sections beyond the description, as set by create or update */
	jobAdSections?: Record<string, { title?: string; text?: string }>;
	statusHistory: Array<{ changedOn: string; status: JobStatus; userId: string }>;
	/** the internal job note (`GET/PUT /jobs/{id}/note`); undefined = none */
	note?: string;
	positions: SrPosition[];
	publications: SrPublication[];
}

export interface SrPosition {
	id: string;
	/** the company's own position id */
	positionId?: string;
	type: 'NEW' | 'REPLACEMENT';
	incumbentName?: string;
	positionOpenDate: string;
	targetStartDate: string;
	/** ⚠ undocumented values; the simulator uses OPEN and FILLED */
	status: 'OPEN' | 'FILLED';
	/** simulator-only: a candidate hired into it (DELETE answers POSITION_ASSIGNED) */
	assignedCandidateId?: string;
}

export interface SrPublication {
	sourceName: string;
	type: string;
	publishedOn: string;
	unpublishedOn?: string;
}

export interface SrDepartment {
	id: string;
	label: string;
	description?: string;
}

export interface SrJobProperty {
	id: string;
	label: string;
	category: 'job' | 'organization';
	active: boolean;
	visible: boolean;
	required: boolean;
	values: Array<{ id: string; label: string; archived: boolean }>;
}

export interface SrHiringTeamMember {
	userId: string;
	role: string;
}

export interface SrCandidate {
	id: string;
	firstName: string;
	lastName: string;
	email: string;
	phoneNumber?: string;
	location?: {
		country?: string;
		countryCode?: string;
		regionCode?: string;
		region?: string;
		city?: string;
		lat?: number;
		lng?: number;
	};
	web?: {
		skype?: string;
		linkedin?: string;
		facebook?: string;
		twitter?: string;
		website?: string;
	};
	tags: string[];
	internal: boolean;
	education: Array<Record<string, unknown>>;
	experience: Array<Record<string, unknown>>;
	consentStatus: 'REQUIRED' | 'PENDING' | 'ACQUIRED';
	/** when consent was acquired (`CandidateConsentStatus.date`) */
	consentDate?: string;
	/** separated-consent decisions per scope (`ConsentDecision`); empty with single consent not yet decided */
	consentDecisions: Array<{
		status: 'acquired' | 'declined' | 'required';
		scope: 'Single' | 'SmartRecruit' | 'SmartCRM' | 'SmartMessage:SMS' | 'SmartMessage:WhatsApp';
		decidedOn?: string;
	}>;
	/** when the newest consent request without a decision was sent */
	pendingConsentRequestAt?: string;
	/** simulator-only: consent request emails sent through the API */
	consentRequestsSent?: number;
	createdOn: string;
	updatedOn: string;
}

export interface SrSourceRef {
	sourceTypeId: string;
	sourceSubTypeId?: string;
	sourceId: string;
}

export interface SrAttachment {
	id: string;
	name: string;
	type: 'GENERIC_FILE' | 'RESUME' | 'COVER_LETTER';
	contentType: string;
	size: number;
	/** simulator-only: stored bytes */
	content: Buffer;
	createdOn: string;
}

export interface SrStatusChange {
	changedOn: string;
	status: CandidateStatus;
	subStatus?: string;
}

export type PropertyValue = string | number | boolean | { code: string; value: number };

export interface SrApplication {
	id: string;
	candidateId: string;
	jobId: string;
	status: CandidateStatus;
	subStatus?: string;
	startsOn?: string;
	source: SrSourceRef;
	reasonOfRejection?: IdLabel;
	reasonOfWithdrawal?: IdLabel;
	/** candidate property id → value (job-application scoped, like the real API) */
	properties: Record<string, PropertyValue>;
	attachments: SrAttachment[];
	statusHistory: SrStatusChange[];
	onboardingStatus?: 'READY_TO_ONBOARD' | 'ONBOARDING_SUCCESSFUL' | 'ONBOARDING_FAILED';
	/** wire shape of `ScreeningAnswer` items */
	screeningAnswers: Array<{
		id: string;
		type: string;
		category: string;
		name: string;
		label: string;
		records: Array<{ fields: Array<{ id: string; label?: string; values: IdLabel[] }> }>;
	}>;
	createdOn: string;
}

export interface SrNote {
	id: string;
	content: string;
	correlationId?: string;
	authorId: string;
	createdOn: string;
	candidateIds: string[];
	mentionedUserIds: string[];
	shareWith: { users: string[]; hiringTeamOf: string[]; everyone: boolean; openNote: boolean };
	visibility: 'PUBLIC' | 'INTERNAL';
	shareRequired: boolean;
}

export interface SrReview {
	id: string;
	candidateId: string;
	jobId: string;
	reviewerId: string;
	overallRating: number;
	comment: string;
	createdOn: string;
	updatedOn: string;
}

export interface SrInterview {
	id: string;
	/** simulator-only: the application the interview belongs to (`GET /interviews?applicationId=`) */
	applicationId: string;
	candidate: { id: string; status?: 'accepted' | 'declined' | 'pending' | 'tentative' };
	jobId: string;
	location?: string;
	organizerId: string;
	timezone: string;
	timeslots: Array<{
		id: string;
		title?: string;
		interviewType?: string;
		place?: string;
		startsOn: string;
		endsOn: string;
		interviewers: Array<{ id: string; status: 'accepted' | 'declined' | 'pending' | 'tentative' }>;
		candidateStatus?: 'accepted' | 'declined' | 'pending' | 'tentative';
	}>;
	createdOn: string;
	source: string;
}

export type OfferStatus =
	| 'CREATED'
	| 'PENDING_APPROVAL'
	| 'APPROVED'
	| 'NOT_APPROVED'
	| 'PENDING_ACCEPTANCE'
	| 'ACCEPTED'
	| 'NOT_ACCEPTED'
	| 'ABANDONED';

export interface SrOffer {
	id: string;
	candidateId: string;
	jobId: string;
	status: OfferStatus;
	createdOn: string;
	updatedOn: string;
	properties: Record<string, string>;
	/** how the offer was sent to the candidate; documents exist only for DOCUSIGN (others answer 422), none = not sent (409) */
	sentWith?: 'DOCUSIGN' | 'EMAIL';
	isCurrentlySyncing?: boolean;
	documents: SrOfferDocument[];
}

export interface SrOfferDocument {
	id: string;
	name: string;
	createdDate: string;
	contentType: string;
	/** simulator-only: stored bytes */
	content: Buffer;
	/** simulator-only: the malware scan flagged it (download answers 403) */
	malware?: boolean;
}

export interface SrSecretKey {
	key: string;
	createdAt: number;
	/** set when a newer key was generated; the key stays valid for 24 h after this */
	deprecatedAt?: number;
}

export interface SrCallbackAuthentication {
	type: 'basic' | 'header' | 'oauth2';
	username?: string;
	password?: string;
	headerName?: string;
	headerValue?: string;
	clientId?: string;
	clientSecret?: string;
	tokenServiceUrl?: string;
}

export interface SrSubscription {
	id: string;
	callbackUrl: string;
	events: string[];
	status: 'inactive' | 'active';
	alertingEmailAddress?: string;
	callbackAuthentication?: SrCallbackAuthentication;
	secretKeys: SrSecretKey[];
	/** simulator-only: the credential that created it (limit of 20 per subscriber) */
	owner: string;
	createdAt: number;
}

export interface SrDelivery {
	subscriptionId: string;
	url: string;
	eventId: string;
	eventName: string;
	eventVersion: string;
	payload: Record<string, unknown>;
	link?: string;
	/** one entry per POST; `status` 0 = no HTTP answer (refused, timed out) */
	attempts: Array<{
		at: number;
		status: number;
		error?: string;
		body: string;
		headers: Record<string, string>;
	}>;
	delivered: boolean;
}

export interface SrSourceType {
	id: string;
	label: string;
	subtypes: string[];
}

export interface SrSourceValue {
	id: string;
	label: string;
	sourceTypeId: string;
	sourceSubTypeId: string;
}

export interface SrCandidatePropertyDefinition {
	id: string;
	label: string;
	type: PropertyType;
	context: PropertyContext[];
	/** SINGLE_SELECT only */
	values?: IdLabel[];
}

export interface SrHiringProcess {
	id: string;
	name: string;
	active: boolean;
	subStatuses: Record<SubStatusStatus, string[]>;
	/** simulator-only: statuses that cannot be set without one of their sub-statuses (REQUIRED_SUB_STATUS_OMITTED) */
	subStatusRequiredFor: SubStatusStatus[];
}

export interface SrOfferPropertyDefinition {
	key: string;
	label: string;
	required: boolean;
	type:
		| 'BOOLEAN'
		| 'COUNTRY'
		| 'CURRENCY'
		| 'DATE'
		| 'NUMBER'
		| 'PERCENT'
		| 'REGION'
		| 'TEXT'
		| 'USER'
		| 'SELECT';
}

export interface SrConfig {
	company: {
		identifier: string;
		name: string;
		location: { city: string; countryCode: string; country?: string };
		website: string;
		industry: IdLabel;
		logo: string;
	};
	/** false: consent requests answer 403 per candidate ("no privacy policy configured") */
	privacyPolicy: boolean;
	/** false: onboarding status reads and writes answer 404 ONBOARDING_STATUS_NOT_ACTIVE */
	onboardingStatusActive: boolean;
	departments: SrDepartment[];
	jobProperties: SrJobProperty[];
	/** simulator-only: ids job create/update accept (the API answers *_NOT_FOUND for others) */
	industries: IdLabel[];
	functions: IdLabel[];
	typesOfEmployment: IdLabel[];
	offerProperties: Array<{ id: string; properties: SrOfferPropertyDefinition[] }>;
	sourceTypes: SrSourceType[];
	sourceValues: SrSourceValue[];
	candidateProperties: SrCandidatePropertyDefinition[];
	hiringProcesses: SrHiringProcess[];
	rejectionReasons: IdLabel[];
	withdrawalReasons: IdLabel[];
}

export interface SmartRecruitersState {
	users: SrUser[];
	jobs: SrJob[];
	hiringTeams: Record<string, SrHiringTeamMember[]>;
	candidates: SrCandidate[];
	applications: SrApplication[];
	notes: SrNote[];
	reviews: SrReview[];
	interviews: SrInterview[];
	offers: SrOffer[];
	subscriptions: SrSubscription[];
	deliveries: SrDelivery[];
	config: SrConfig;
}
