import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestMethods,
	IN8nHttpFullResponse,
	INode,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { LEVER_API_URLS } from '../../../credentials/LeverApi.credentials';
import { leverCursorPages, listPages, paginate } from '../../shared/transport/pagination';
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
	Vendor,
} from '../../shared/transport/request';
import {
	fieldNamedIn,
	fieldWhoseValueIsIn,
	vendorDownload,
	vendorRequest,
} from '../../shared/transport/request';
import type { DownloadedFile } from '../../shared/files';

/** Lever's side of the shared HTTP pipeline (nodes/shared/transport): base URLs, limits, perform_as, auth and errors. */

export type LeverCredentialType = 'leverApi' | 'leverOAuth2Api';

/**
 * Lever: token bucket per API key, 10 requests/s steady, bursts up to 20 (lever.md §2). Our bucket stays a little
 * inside Lever's: requests reach Lever with jitter, so a bucket exactly as large and as fast as Lever's draws 429s.
 * Six tokens less burst keep Lever's bucket 6 requests (600 ms of jitter) ahead of ours at all times, and 2 % less
 * refill lets that lead grow back. With a lead of 2 (burst 18), a run on a machine busy with other work drew a 429;
 * over a long run the smaller burst costs almost nothing: `npm run bench` measures ≥ 0.95 of Lever's allowance.
 */
const LEVER_RATE_LIMIT = { ratePerSecond: 9.8, burst: 14 };

/**
 * How long a request may go without a byte from Lever before it counts as lost and is retried like a reset
 * connection (n8n's own default is 5 minutes per attempt). Lever documents no timeout; its uploads stream, so the
 * wait only ever covers Lever's answer.
 */
export const LEVER_REQUEST_TIMEOUT_MS = 60_000;

export interface LeverRequestOptions extends ApiRequestOptions {
	/** Lever user id the write is made on behalf of; falls back to the credential's default. Ignored on reads. */
	performAs?: string;
}

/** The credential type picked by the node's (or trigger's) `authentication` parameter. */
function credentialTypeOf(node: INode): LeverCredentialType {
	// Read from the node itself: the parameter is a plain option (no expressions), and this works in every context type.
	return node.parameters.authentication === 'oAuth2' ? 'leverOAuth2Api' : 'leverApi';
}

export async function leverCredentialType(this: ApiContext): Promise<LeverCredentialType> {
	return credentialTypeOf(this.getNode());
}

export function leverBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const environment = String(credentials.environment ?? 'production');
	if (environment === 'custom')
		return String(credentials.customUrl ?? '')
			.trim()
			.replace(/\/+$/, '');
	return LEVER_API_URLS[environment] ?? LEVER_API_URLS.production;
}

/** Writes Lever refuses without `perform_as` (lever.md §6.1), and what to call them in an error. */
const PERFORM_AS_REQUIRED: Array<{ methods: IHttpRequestMethods[]; path: RegExp; action: string }> =
	[
		{ methods: ['POST'], path: /^\/opportunities$/, action: 'create an opportunity' },
		{
			methods: ['POST', 'DELETE'],
			path: /^\/opportunities\/[^/]+\/files(\/[^/]+)?$/,
			action: 'upload or delete a file',
		},
		{
			methods: ['POST', 'PUT', 'DELETE'],
			path: /^\/opportunities\/[^/]+\/feedback(\/[^/]+)?$/,
			action: 'submit feedback',
		},
		{
			methods: ['POST', 'PUT', 'DELETE'],
			path: /^\/opportunities\/[^/]+\/(interviews|panels)(\/[^/]+)?$/,
			action: 'change interviews',
		},
		{ methods: ['POST'], path: /^\/postings(\/[^/]+)?$/, action: 'create or update a posting' },
	];

/** Lever's names for request fields, as the node labels them, so an error can point at the field to fix. */
const FIELD_LABELS: Record<string, string> = {
	emails: 'Emails',
	email: 'Email',
	phones: 'Phones',
	links: 'Links',
	tags: 'Tags',
	sources: 'Sources',
	name: 'Name',
	headline: 'Headline',
	location: 'Location',
	origin: 'Origin',
	owner: 'Owner',
	postings: 'Posting',
	posting_id: 'Posting',
	stage: 'Stage',
	stage_id: 'Stage',
	reason: 'Archive Reason',
	value: 'Note',
	score: 'Score',
	baseTemplateId: 'Feedback Template',
	fieldValues: 'Field Values',
	file: 'Input Binary Field',
	resumeFile: 'Resume Binary Field',
	perform_as: 'Perform As',
	state: 'State',
	type: 'Type',
	limit: 'Limit',
	offset: 'Offset',
	text: 'Text',
	panel: 'Panel',
	interview: 'Interview',
	interviews: 'Interviews',
	interviewers: 'Interviewers',
	date: 'Date',
	duration: 'Duration',
	timezone: 'Timezone',
	subject: 'Subject',
	completedAt: 'Completed At',
	fields: 'Field Values',
	requisitionCode: 'Requisition Code',
	headcountTotal: 'Headcount',
	employmentStatus: 'Employment Status',
	hiringManager: 'Hiring Manager',
	customFields: 'Custom Fields',
	isRequired: 'Required',
	options: 'Options',
	accessRole: 'Access Role',
	url: 'URL',
	event: 'Event',
	status: 'Status',
	id: 'ID',
	content: 'Content',
	'content.descriptionHtml': 'Description (HTML)',
	'content.closingPostingHtml': 'Closing (HTML)',
	'content.lists.content': 'Lists',
	salaryRange: 'Salary',
	salaryDescriptionHtml: 'Salary Description (HTML)',
	compensationBand: 'Compensation',
	categories: 'Categories',
	distributionChannels: 'Distribution Channels',
	workplaceType: 'Workplace Type',
	requisitionCodes: 'Requisition Codes',
	postingIds: 'Posting IDs',
	managerId: 'Manager',
	feedbackTemplate: 'Feedback Template',
	feedbackReminder: 'Feedback Reminder',
	subfields: 'Subfields',
	// Route parameters: a 404 that repeats one of these ids names the record the user picked.
	opportunity: 'Opportunity',
	contactId: 'Contact',
	noteId: 'Note',
	fileId: 'File',
	resumeId: 'Resume',
	offerId: 'Offer',
	feedbackId: 'Feedback',
	feedbackTemplateId: 'Feedback Template',
	formTemplateId: 'Profile Form Template',
	interviewId: 'Interview',
	panelId: 'Panel',
	formId: 'Profile Form',
	referralId: 'Referral',
	postingId: 'Posting',
	requisitionId: 'Requisition',
	fieldId: 'Requisition Field',
	userId: 'User',
	webhookId: 'Webhook',
};

/** Lever user ids found by email, per credential (hashed) and email: a user's id does not change. */
const userIdsByEmail = new Map<string, string>();
const REMEMBERED_USER_IDS = 200;

/**
 * The user id a write acts as. "Perform As" (the node's, else the credential's default) may be a Lever user's ID or,
 * as the seed integrations ask for it, their email: an email is looked up once with `GET /users?email=` (active
 * users only), and an email no active user has fails with what to fix.
 */
export async function performAsUserId(
	this: ApiContext,
	performAs: string | undefined,
	itemIndex?: number,
): Promise<string | undefined> {
	const node = this.getNode();
	const credentials = await this.getCredentials(credentialTypeOf(node));
	const user = (performAs || String(credentials.defaultPerformAs ?? '')).trim();
	if (!user.includes('@')) return performAs;
	const key = credentialHash([
		leverBaseUrl(credentials),
		credentials.apiKey ?? credentials.clientId,
		user.toLowerCase(),
	]);
	const known = userIdsByEmail.get(key);
	if (known) return known;
	const response = (
		await vendorRequest.call(this, leverVendor(undefined), 'GET', '/users', {
			qs: { email: user },
			itemIndex,
		})
	).body as IDataObject;
	const users = Array.isArray(response?.data) ? (response.data as IDataObject[]) : [];
	const id = users
		.map((found) => found.id)
		.find((found): found is string => typeof found === 'string' && found !== '');
	if (!id) {
		const where = performAs
			? 'the node\'s "Perform As"'
			: 'the Lever credential\'s "Default Perform As"';
		throw new NodeOperationError(
			node,
			`No active Lever user has the email "${user}" given in ${where}`,
			{
				description:
					'Use the email (or user ID) of an active Lever user the writes are made on behalf of, e.g. the recruiting ops account.',
				itemIndex,
			},
		);
	}
	if (userIdsByEmail.size >= REMEMBERED_USER_IDS)
		userIdsByEmail.delete(userIdsByEmail.keys().next().value as string);
	userIdsByEmail.set(key, id);
	return id;
}

/** Per-call state the pipeline's vendor hooks need: the write's perform_as user. */
function leverVendor(performAs: string | undefined): Vendor {
	return {
		name: 'Lever',
		timeoutMs: LEVER_REQUEST_TIMEOUT_MS,
		credentialType: credentialTypeOf,
		baseUrl: leverBaseUrl,
		beforeSend(node: INode, call: ApiCall, credentials: ICredentialDataDecryptedObject) {
			if (call.method === 'GET') return;
			const user = (performAs || String(credentials.defaultPerformAs ?? '')).trim();
			if (user) call.qs.perform_as = user;
			const rule = PERFORM_AS_REQUIRED.find(
				(entry) => entry.methods.includes(call.method) && entry.path.test(call.path),
			);
			if (!user && rule) {
				throw new NodeOperationError(
					node,
					`Lever needs a user to act as to ${rule.action}: "Perform As" is empty`,
					{
						description:
							'Pick the Lever user in the node\'s "Perform As" field, or set "Default Perform As" (a Lever user\'s email or ID) on the Lever credential.',
						itemIndex: call.itemIndex,
					},
				);
			}
		},
		limiters(
			_call: ApiCall,
			credentialType: string,
			credentials: ICredentialDataDecryptedObject,
			node: INode,
		) {
			// API keys are limited per key; OAuth tokens rotate hourly, so an OAuth connection is keyed by client and n8n credential.
			const baseUrl = leverBaseUrl(credentials);
			const identity =
				credentialType === 'leverApi'
					? [credentialType, baseUrl, credentials.apiKey]
					: [
							credentialType,
							baseUrl,
							credentials.clientId,
							node.credentials?.[credentialType]?.id ?? node.credentials?.[credentialType]?.name,
						];
			return [
				rateLimiterFor(
					`lever:${credentialHash(identity)}`,
					shareOf(LEVER_RATE_LIMIT, rateLimitShare(credentials.rateLimitShare)),
				),
			];
		},
		authorizer(context: ApiContext, credentialType: string) {
			return {
				send: async (request) =>
					(await context.helpers.httpRequestWithAuthentication.call(
						context,
						credentialType,
						request,
					)) as IN8nHttpFullResponse,
				// With ignoreHttpStatusErrors n8n's OAuth2 path hands back a 401 instead of refreshing: refresh once here.
				renew:
					credentialType === 'leverOAuth2Api'
						? async () => {
								try {
									await context.helpers.refreshOAuth2Token.call(context, credentialType);
								} catch (error) {
									throw renewalError(context.getNode(), error);
								}
							}
						: undefined,
			};
		},
		readError(response: IN8nHttpFullResponse, call: ApiCall) {
			const body = (
				typeof response.body === 'object' && response.body !== null ? response.body : {}
			) as IDataObject;
			const message =
				typeof body.message === 'string'
					? body.message
					: typeof response.body === 'string' && response.body
						? response.body
						: (response.statusMessage ?? '');
			// A 404 on a write is often about an ID in the body (e.g. an unknown stage), not the path.
			const field =
				response.statusCode === 404
					? fieldWhoseValueIsIn(message, call, FIELD_LABELS)
					: fieldNamedIn(message, call, FIELD_LABELS);
			return { code: typeof body.code === 'string' ? body.code : undefined, message, field };
		},
		secretName: (credentialType: string) =>
			credentialType === 'leverApi' ? 'API key' : 'access token',
		hints: {
			rejected: (credentialType: string) =>
				credentialType === 'leverApi'
					? 'Check the API key in the Lever credential, and that its Environment is the one the key was created in.'
					: 'Reconnect the Lever OAuth2 credential.',
			forbidden: (credentialType: string) =>
				credentialType === 'leverApi'
					? 'Give the API key the missing permission in Lever (Settings → Integrations and API → API Credentials), or use a key that has it.'
					: 'The OAuth app lacks the scope for this request, or the connecting user lost access: reconnect with the needed scopes.',
		},
	};
}

function renewalError(node: INode, error: unknown): NodeOperationError {
	if (error instanceof NodeOperationError) return error;
	return new NodeOperationError(
		node,
		`Could not renew the Lever access token: ${(error as Error).message}`,
		{
			description: 'Reconnect the Lever OAuth2 credential.',
		},
	);
}

/**
 * The one way the Lever nodes call Lever (see nodes/shared/transport/request.ts): `perform_as` on writes, the
 * per-credential rate limit, retries, and Lever's `{code, message}` errors naming the field. Returns Lever's JSON
 * body (the `{data, …}` envelope).
 */
export async function leverApiRequest(
	this: ApiContext,
	method: IHttpRequestMethods,
	route: string,
	options: LeverRequestOptions = {},
): Promise<IDataObject> {
	const performAs =
		method === 'GET'
			? options.performAs
			: await performAsUserId.call(this, options.performAs, options.itemIndex);
	const response = await vendorRequest.call(this, leverVendor(performAs), method, route, options);
	return typeof response.body === 'object' && response.body !== null
		? (response.body as IDataObject)
		: {};
}

/** A file Lever serves (a file, resume or offer document): the bytes, with the type and name its headers give. */
export async function leverApiDownload(
	this: ApiContext,
	route: string,
	options: LeverRequestOptions = {},
): Promise<DownloadedFile> {
	return await vendorDownload.call(this, leverVendor(options.performAs), route, options);
}

/** Every item of a Lever list (its `next` cursor), or the first `limit` items. */
export async function leverApiRequestAllItems(
	this: ApiContext,
	route: string,
	options: LeverRequestOptions & { limit?: number } = {},
): Promise<IDataObject[]> {
	const { limit, ...request } = options;
	return await paginate(
		async (qs) => await leverApiRequest.call(this, 'GET', route, { ...request, qs }),
		leverCursorPages,
		limit,
		request.qs,
	);
}

/** A Lever list page by page, for callers that keep less than all of it. */
export function leverApiRequestPages(
	this: ApiContext,
	route: string,
	options: LeverRequestOptions = {},
): AsyncGenerator<IDataObject[]> {
	return listPages(
		async (qs) => await leverApiRequest.call(this, 'GET', route, { ...options, qs }),
		leverCursorPages,
		options.qs,
	);
}
