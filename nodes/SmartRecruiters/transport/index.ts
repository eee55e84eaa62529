import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestMethods,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INode,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { DownloadedFile } from '../../shared/files';
import type { PageStyle } from '../../shared/transport/pagination';
import { listPages, nextPageIdPages, paginate } from '../../shared/transport/pagination';
import type { LimitCause, RateLimitConfig } from '../../shared/transport/rateLimiter';
import {
	credentialHash,
	rateLimiterFor,
	rateLimitShare,
	shareOf,
} from '../../shared/transport/rateLimiter';
import type {
	ApiCall,
	ApiContext,
	ApiRequestOptions,
	Authorizer,
	Vendor,
} from '../../shared/transport/request';
import {
	fieldNamedIn,
	fieldWhoseValueIsIn,
	vendorDownload,
	vendorRequest,
} from '../../shared/transport/request';
import { clientCredentialsToken, forgetToken, TokenExchangeError } from './token';

/** SmartRecruiters' side of the shared HTTP pipeline (nodes/shared/transport): hosts, limits, OAuth tokens and errors. */

export type SmartRecruitersCredentialType = 'smartRecruitersApi' | 'smartRecruitersOAuth2Api';

/** Base paths of the SmartRecruiters APIs below the host; Candidates, Jobs, Configuration, Messages and Offers sit at the root. */
export const API = {
	webhooks: '/webhooks-api/v201907',
	interviews: '/interviews-api/v201904',
	reviews: '/reviews-api/v201910',
	users: '/user-api/v201804',
} as const;

export const SMARTRECRUITERS_HOSTS: Record<string, string> = {
	production: 'https://api.smartrecruiters.com',
	sandbox: 'https://api.sandbox.smartrecruiters.com',
};

/**
 * SmartRecruiters counts limits per credential: 10 requests/s per endpoint, 8 in flight, and `GET /candidates` one
 * at a time. Per endpoint, at most 10 requests are in flight or answered within the last second: counted from the
 * answers, no second as SmartRecruiters counts it can hold an 11th whatever the network jitter, and a sequential
 * client still gets 10 requests per (1 s + one response time). The bucket (10/s, burst 10) never binds before it.
 */
const ENDPOINT_RATE: RateLimitConfig = {
	ratePerSecond: 10,
	burst: 10,
	window: { requests: 10, ms: 1000 },
	reactsTo: ['rate'],
};
/** Endpoints SmartRecruiters limits to 2 requests/s (publishing, unpublishing, offer document downloads). */
const SLOW_ENDPOINTS = new Set([
	'POST /jobs/{jobId}/publication',
	'DELETE /jobs/{jobId}/publication',
	'GET /offers/{offerId}/documents/{documentId}',
]);
const SLOW_ENDPOINT_RATE: RateLimitConfig = {
	ratePerSecond: 2,
	burst: 2,
	window: { requests: 2, ms: 1000 },
	reactsTo: ['rate'],
};
/** `GET /candidates`, one at a time per credential: shared by several processes, it is used in turns (time slots). */
const CANDIDATE_SEARCH_RATE: RateLimitConfig = {
	...ENDPOINT_RATE,
	maxConcurrent: 1,
	reactsTo: ['rate', 'exclusive'],
};
const CONCURRENCY_LIMIT: RateLimitConfig = {
	ratePerSecond: 1_000,
	burst: 1_000,
	maxConcurrent: 8,
	reactsTo: ['concurrency'],
};

/**
 * How long a request may go without a byte from SmartRecruiters before it counts as lost and is retried like a reset
 * connection (n8n's own default is 5 minutes per attempt). SmartRecruiters recommends client timeouts of at least
 * 128 s (smartrecruiters.md §2).
 */
export const SMARTRECRUITERS_REQUEST_TIMEOUT_MS = 128_000;

export function baseUrlOf(credentials: ICredentialDataDecryptedObject): string {
	const environment = String(credentials.environment ?? 'production');
	if (environment === 'custom')
		return String(credentials.customUrl ?? '')
			.trim()
			.replace(/\/+$/, '');
	return SMARTRECRUITERS_HOSTS[environment] ?? SMARTRECRUITERS_HOSTS.production;
}

export const tokenUrlOf = (baseUrl: string) => `${baseUrl}/identity/oauth/token`;

function credentialTypeOf(node: INode): SmartRecruitersCredentialType {
	// Read from the node itself: the parameter is a plain option (no expressions), and this works in every context type.
	return node.parameters.authentication === 'oAuth2'
		? 'smartRecruitersOAuth2Api'
		: 'smartRecruitersApi';
}

/** The credential the node's Authentication picks, decrypted (e.g. for the webhook keys pasted into it). */
export async function getAuthentication(this: ApiContext) {
	const credentialType = credentialTypeOf(this.getNode());
	return { credentialType, credentials: await this.getCredentials(credentialType) };
}

/** SmartRecruiters' names for request fields and route parameters, as the node labels them. */
const FIELD_LABELS: Record<string, string> = {
	candidateId: 'Candidate',
	jobId: 'Job',
	offerId: 'Offer ID',
	interviewId: 'Interview ID',
	reviewId: 'Review ID',
	applicationId: 'Application ID',
	status: 'Status',
	subStatus: 'Sub-Status',
	reason: 'Reason',
	startsOn: 'Start Date',
	firstName: 'First Name',
	lastName: 'Last Name',
	email: 'Email',
	phoneNumber: 'Phone Number',
	location: 'Location',
	web: 'Links',
	tags: 'Tags',
	sourceDetails: 'Source',
	sourceTypeId: 'Source Type',
	sourceId: 'Source',
	sourceSubTypeId: 'Source Subtype ID',
	content: 'Note',
	shareWith: 'Share With',
	attachmentType: 'Attachment Type',
	file: 'Input Binary Field',
	callbackUrl: 'Webhook URL',
	events: 'Events',
	userId: 'User',
	positionId: 'Position',
	documentId: 'Document',
	attachmentId: 'Attachment',
	propertyId: 'Property',
	organizerId: 'Organizer',
	reviewerId: 'Reviewer',
	overallRating: 'Rating',
	comment: 'Comment',
	title: 'Title',
	refNumber: 'Reference Number',
	department: 'Department',
	function: 'Function',
	industry: 'Industry',
	experienceLevel: 'Experience Level',
	typeOfEmployment: 'Type of Employment',
	targetHiringDate: 'Target Hiring Date',
	onboardingStatus: 'Onboarding Status',
	timezone: 'Timezone',
	timeslots: 'Time Slots',
	label: 'Name',
	role: 'Role',
	type: 'Type',
	positionOpenDate: 'Open Date',
	targetStartDate: 'Target Start Date',
	visibility: 'Visibility',
};

/** Error codes that say which of the request's fields was not found. */
const FIELD_OF_CODE: Record<string, string> = {
	CANDIDATE_NOT_FOUND: 'Candidate',
	JOB_NOT_FOUND: 'Job',
	APPLICATION_NOT_FOUND: 'Job',
	OFFER_NOT_FOUND: 'Offer ID',
	INTERVIEW_NOT_FOUND: 'Interview ID',
	REVIEW_NOT_FOUND: 'Review ID',
	SOURCE_TYPE_NOT_FOUND: 'Source Type',
	SOURCE_NOT_FOUND: 'Source',
	SUBTYPE_REQUIRED: 'Source Subtype ID',
	SUB_STATUS_NOT_FOUND: 'Sub-Status',
	REQUIRED_SUB_STATUS_OMITTED: 'Sub-Status',
	REASON_NOT_FOUND: 'Reason',
	PROPERTY_NOT_FOUND: 'Property',
	CANDIDATE_PROPERTY_NOT_SINGLE_SELECT: 'Property',
	SHARED_WITH_USERS_NOT_FOUND: 'User IDs',
	USER_NOT_FOUND: 'User',
	DEPARTMENT_NOT_FOUND: 'Department',
	DEPARTMENT_LABEL_NOT_UNIQUE: 'Name',
	INDUSTRY_NOT_FOUND: 'Industry',
	FUNCTION_NOT_FOUND: 'Function',
	EXPERIENCE_LEVEL_NOT_FOUND: 'Experience Level',
	TYPE_OF_EMPLOYMENT_NOT_FOUND: 'Type of Employment',
	REF_NUMBER_ALREADY_EXISTS: 'Reference Number',
	POSITION_NOT_FOUND: 'Position',
	POSITION_ASSIGNED: 'Position',
	NON_EXISTING_ORGANIZER: 'Organizer',
	INACTIVE_OR_DELETED_ORGANIZER: 'Organizer',
	NON_EXISTING_INTERVIEWERS: 'Interviewers',
	INACTIVE_OR_DELETED_INTERVIEWERS: 'Interviewers',
	END_DATE_BEFORE_START_DATE: 'Ends At',
	INVALID_TIMEZONE: 'Timezone',
	TIMESLOT_NOT_FOUND: 'Time Slot ID',
	NON_EXISTING_REVIEWER: 'Reviewer',
	INACTIVE_OR_DELETED_REVIEWER: 'Reviewer',
	INVALID_OVERALL: 'Rating',
	DOCUMENT_NOT_FOUND: 'Document',
	FILE_NOT_FOUND: 'Attachment',
	JOB_PROPERTY_NOT_FOUND: 'Job Property',
	HIRING_TEAM_MEMBER_NOT_FOUND: 'User',
};

interface ErrorEntry {
	code?: string;
	message?: string;
	dataPath?: string;
}

/** `{message, errors:[{code, message}]}` (ErrorResponse) or 422 `{message, errors:[{dataPath, message}]}`. */
function readError(response: IN8nHttpFullResponse, call: ApiCall) {
	const body = (
		typeof response.body === 'object' && response.body !== null ? response.body : {}
	) as IDataObject;
	const errors = (Array.isArray(body.errors) ? body.errors : []) as ErrorEntry[];
	const codes = errors
		.map((entry) => entry.code)
		.filter((code): code is string => typeof code === 'string' && code !== '');
	const details = errors.map((entry) =>
		[entry.dataPath ? `"${entry.dataPath}"` : undefined, entry.message].filter(Boolean).join(' '),
	);
	// SmartRecruiters often repeats itself (a message equal to the code, or to the error's own message): each once.
	const parts = [typeof body.message === 'string' ? body.message : '', ...details].filter(
		(part) => part !== '' && !codes.includes(part),
	);
	const message = [...new Set(parts)].join('; ');
	const dataPathField = errors
		.map((entry) => entry.dataPath?.split('/').filter(Boolean)[0])
		.find((key) => key !== undefined);
	const field =
		codes.map((code) => FIELD_OF_CODE[code]).find(Boolean) ??
		(dataPathField ? (FIELD_LABELS[dataPathField] ?? dataPathField) : undefined) ??
		(response.statusCode === 404
			? fieldWhoseValueIsIn(message, call, FIELD_LABELS)
			: fieldNamedIn(message, call, FIELD_LABELS));
	return {
		code: codes.join(', ') || undefined,
		message,
		field,
		// SmartRecruiters answers a valid credential without access to a record with 401 PERMISSION_DENIED.
		forbidden: codes.includes('PERMISSION_DENIED'),
	};
}

/** Whether SmartRecruiters refused a request with this error code (e.g. FILE_ALREADY_EXIST). */
export function hasErrorCode(error: unknown, code: string): boolean {
	const errors = error instanceof NodeApiError ? error.errorResponse?.errors : undefined;
	return (
		Array.isArray(errors) && errors.some((entry) => (entry as IDataObject | null)?.code === code)
	);
}

/** A refused client-credentials exchange as the node's error: final, with SmartRecruiters' reason. */
async function accessToken(
	node: INode,
	credentials: ICredentialDataDecryptedObject,
	requester: (request: IHttpRequestOptions) => Promise<IN8nHttpFullResponse>,
) {
	try {
		return await clientCredentialsToken(credentials, tokenUrlOf(baseUrlOf(credentials)), requester);
	} catch (error) {
		if (!(error instanceof TokenExchangeError))
			throw new NodeApiError(node, { message: (error as Error).message } as JsonObject);
		throw new NodeApiError(node, { error: error.vendorError } as JsonObject, {
			message: error.message,
			httpCode: String(error.statusCode),
		});
	}
}

function authorizer(
	context: ApiContext,
	credentialType: string,
	credentials: ICredentialDataDecryptedObject,
): Authorizer {
	if (credentialType === 'smartRecruitersApi') {
		return {
			send: async (request) =>
				(await context.helpers.httpRequestWithAuthentication.call(
					context,
					credentialType,
					request,
				)) as IN8nHttpFullResponse,
		};
	}
	// OAuth2 client credentials: the token is exchanged here and renewed before it expires (see token.ts).
	const requester = async (request: IHttpRequestOptions) =>
		(await context.helpers.httpRequest(request)) as IN8nHttpFullResponse;
	return {
		// Rejected client credentials are final: the token is exchanged (or reused) before the first attempt.
		prepare: async () => {
			await accessToken(context.getNode(), credentials, requester);
		},
		send: async (request) => {
			const token = await accessToken(context.getNode(), credentials, requester);
			return (await context.helpers.httpRequest({
				...request,
				headers: { ...request.headers, Authorization: `Bearer ${token}` },
			})) as IN8nHttpFullResponse;
		},
		// A token revoked before its expiry: drop it, so the next attempt exchanges a new one.
		renew: async () => forgetToken(credentials, tokenUrlOf(baseUrlOf(credentials))),
	};
}

const isCandidateSearch = (call: ApiCall) => call.method === 'GET' && call.route === '/candidates';

/**
 * Why SmartRecruiters answered 429, from the headers it sends with every answer: no requests left in the endpoint's
 * second (`X-RateLimit-Remaining: 0`), else too many at once — on the candidate search, the one it allows.
 */
function limitCause(response: IN8nHttpFullResponse, call: ApiCall): LimitCause | undefined {
	const remaining = Number(response.headers['x-ratelimit-remaining']);
	if (!Number.isFinite(remaining)) return undefined;
	if (remaining <= 0) return 'rate';
	return isCandidateSearch(call) ? 'exclusive' : 'concurrency';
}

export const smartRecruitersVendor: Vendor = {
	name: 'SmartRecruiters',
	timeoutMs: SMARTRECRUITERS_REQUEST_TIMEOUT_MS,
	credentialType: credentialTypeOf,
	baseUrl: baseUrlOf,
	limiters(call: ApiCall, _credentialType: string, credentials: ICredentialDataDecryptedObject) {
		const identity = credentialHash([
			baseUrlOf(credentials),
			credentials.apiKey ?? credentials.clientId,
			credentials.clientSecret ?? '',
		]);
		const share = rateLimitShare(credentials.rateLimitShare);
		const endpointName = `${call.method} ${call.route}`;
		const endpointLimit = isCandidateSearch(call)
			? CANDIDATE_SEARCH_RATE
			: SLOW_ENDPOINTS.has(endpointName)
				? SLOW_ENDPOINT_RATE
				: ENDPOINT_RATE;
		const endpoint = rateLimiterFor(
			`smartrecruiters:${identity}:${endpointName}`,
			shareOf(endpointLimit, share),
		);
		return [
			endpoint,
			rateLimiterFor(`smartrecruiters:${identity}:concurrency`, shareOf(CONCURRENCY_LIMIT, share)),
		];
	},
	limitCause,
	authorizer,
	readError,
	secretName: (credentialType: string) =>
		credentialType === 'smartRecruitersApi' ? 'API key' : 'access token',
	hints: {
		rejected: (credentialType: string) =>
			credentialType === 'smartRecruitersApi'
				? 'Check the API key in the SmartRecruiters credential, and that its Environment is the one the key was created in.'
				: 'Check the Client ID, Client Secret and Environment of the SmartRecruiters OAuth2 credential.',
		forbidden: () =>
			"Give the credential's user or app the missing permission in SmartRecruiters (Settings → Apps & Integrations → Credentials), or use one that has it.",
	},
};

/**
 * The one way the SmartRecruiters nodes call SmartRecruiters (see nodes/shared/transport/request.ts). `route` is the
 * templated path (e.g. `/candidates/{candidateId}/tags`): it names the endpoint for the per-endpoint rate limit.
 * Returns the JSON body.
 */
export async function smartRecruitersApiRequest(
	this: ApiContext,
	method: IHttpRequestMethods,
	route: string,
	options: ApiRequestOptions = {},
): Promise<IDataObject> {
	const response = await vendorRequest.call(this, smartRecruitersVendor, method, route, options);
	return (
		typeof response.body === 'object' && response.body !== null ? response.body : {}
	) as IDataObject;
}

/** A file download from SmartRecruiters (e.g. an offer document): the bytes, with the type and name its headers give. */
export async function smartRecruitersApiDownload(
	this: ApiContext,
	route: string,
	options: ApiRequestOptions = {},
): Promise<DownloadedFile> {
	return await vendorDownload.call(this, smartRecruitersVendor, route, options);
}

/** Every item of a SmartRecruiters list (by default its `nextPageId` cursor), or the first `limit` items. */
export async function smartRecruitersApiRequestAllItems(
	this: ApiContext,
	route: string,
	options: ApiRequestOptions & { limit?: number; pages?: PageStyle } = {},
): Promise<IDataObject[]> {
	const { limit, pages, ...request } = options;
	const getPage = async (qs: IDataObject) =>
		await smartRecruitersApiRequest.call(this, 'GET', route, { ...request, qs });
	return await paginate(getPage, pages ?? nextPageIdPages, limit, request.qs);
}

/** A SmartRecruiters `nextPageId` list page by page, for callers that keep less than all of it. */
export function smartRecruitersApiRequestPages(
	this: ApiContext,
	route: string,
	options: ApiRequestOptions = {},
): AsyncGenerator<IDataObject[]> {
	return listPages(
		async (qs) => await smartRecruitersApiRequest.call(this, 'GET', route, { ...options, qs }),
		nextPageIdPages,
		options.qs,
	);
}
