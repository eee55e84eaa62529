
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	INode,
	IPollFunctions,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { LEVER_API_URLS } from '../../../credentials/LeverApi.credentials';
import { credentialHash, rateLimiterFor } from '../../shared/transport/rateLimiter';
import { defaultRetryPolicy, sendWithRetry } from '../../shared/transport/retry';

export type LeverContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IPollFunctions | IWebhookFunctions;

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

export interface LeverRequestOptions {
	body?: IDataObject | FormData;
	qs?: IDataObject;
	/** Lever user id the write is made on behalf of; falls back to the credential's default. Ignored on reads. */
	performAs?: string;
	/** Whether repeating the request after a 5xx is harmless. Defaults to true except for POST. */
	idempotent?: boolean;
	/** For non-idempotent writes: resolves true when a lookup proves the failed attempt left nothing behind. */
	confirmNotApplied?: () => Promise<boolean>;
	/** The input item the request is made for, so errors point at it. */
	itemIndex?: number;
}

/** The credential type picked by the node's (or trigger's) `authentication` parameter. */
export async function leverCredentialType(this: LeverContext): Promise<LeverCredentialType> {
	// Read from the node itself: the parameter is a plain option (no expressions), and this works in every context type.
	return this.getNode().parameters.authentication === 'oAuth2' ? 'leverOAuth2Api' : 'leverApi';
}

export function leverBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const environment = String(credentials.environment ?? 'production');
	if (environment === 'custom') return String(credentials.customUrl ?? '').trim().replace(/\/+$/, '');
	return LEVER_API_URLS[environment] ?? LEVER_API_URLS.production;
}

/** A stable, secret-free name for one credential, for the process-wide rate limiter. */
function limiterKey(type: LeverCredentialType, credentials: ICredentialDataDecryptedObject, node: INode, baseUrl: string) {
	// API keys are limited per key; OAuth tokens rotate hourly, so key an OAuth connection by client and n8n credential.
	const identity =
		type === 'leverApi'
			? [type, baseUrl, credentials.apiKey]
			: [type, baseUrl, credentials.clientId, node.credentials?.[type]?.id ?? node.credentials?.[type]?.name];
	return `lever:${credentialHash(identity)}`;
}

/** Writes Lever refuses without `perform_as` (lever.md §6.1), and what to call them in an error. */
const PERFORM_AS_REQUIRED: Array<{ methods: IHttpRequestMethods[]; path: RegExp; action: string }> = [
	{ methods: ['POST'], path: /^\/opportunities$/, action: 'create an opportunity' },
	{ methods: ['POST', 'DELETE'], path: /^\/opportunities\/[^/]+\/files(\/[^/]+)?$/, action: 'upload or delete a file' },
	{ methods: ['POST', 'PUT', 'DELETE'], path: /^\/opportunities\/[^/]+\/feedback(\/[^/]+)?$/, action: 'submit feedback' },
	{ methods: ['POST', 'PUT', 'DELETE'], path: /^\/opportunities\/[^/]+\/(interviews|panels)(\/[^/]+)?$/, action: 'change interviews' },
	{ methods: ['POST'], path: /^\/postings(\/[^/]+)?$/, action: 'create or update a posting' },
];

function performAsRequirement(method: IHttpRequestMethods, endpoint: string) {
	return PERFORM_AS_REQUIRED.find((rule) => rule.methods.includes(method) && rule.path.test(endpoint));
}

/**
 * The one way the Lever nodes call Lever: the credential's base URL and auth (API key or OAuth2 through n8n's own
 * request path), `perform_as` on writes, the per-credential rate limit, retries on 429/5xx, and Lever's
 * `{code, message}` errors as NodeApiErrors a person can act on. Returns Lever's JSON body (the `{data, …}` envelope).
 */
export async function leverApiRequest(
	this: LeverContext,
	method: IHttpRequestMethods,
	endpoint: string,
	options: LeverRequestOptions = {},
): Promise<any> {
	const credentialType = await leverCredentialType.call(this);
	const credentials = await this.getCredentials(credentialType);
	const baseUrl = leverBaseUrl(credentials);
	if (!/^https?:\/\/[^/]/.test(baseUrl)) {
		throw new NodeOperationError(this.getNode(), 'The Lever credential\'s "Custom API URL" must start with http:// or https://', {
			itemIndex: options.itemIndex,
		});
	}

	const qs: IDataObject = { ...options.qs };
	if (method !== 'GET') {
		const performAs = (options.performAs || String(credentials.defaultPerformAs ?? '')).trim();
		if (performAs) qs.perform_as = performAs;
		const requirement = performAsRequirement(method, endpoint);
		if (!performAs && requirement) {
			throw new NodeOperationError(this.getNode(), `Lever needs a user to act as to ${requirement.action}: "Perform As" is empty`, {
				description:
					'Pick the Lever user in the node\'s "Perform As" field, or set "Default Perform As User ID" on the Lever credential.',
				itemIndex: options.itemIndex,
			});
		}
	}

	const isMultipart = options.body instanceof FormData;
	const request: IHttpRequestOptions = {
		method,
		url: `${baseUrl}${endpoint}`,
		qs,
		headers: { Accept: 'application/json' },
		json: !isMultipart,
		// Lever repeats keys for multi-valued filters: ?tag=a&tag=b
		arrayFormat: 'repeat',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: LEVER_REQUEST_TIMEOUT_MS,
	};
	if (options.body !== undefined) request.body = options.body as IHttpRequestOptions['body'];

	let tokenRefreshed = false;
	let refreshError: unknown;
	const send = async (): Promise<IN8nHttpFullResponse> => {
		// n8n's auth helpers may rewrite the options they get, so every attempt starts from a fresh copy.
		const attempt = { ...request, qs: { ...request.qs }, headers: { ...request.headers } };
		const response = (await this.helpers.httpRequestWithAuthentication.call(this, credentialType, attempt)) as IN8nHttpFullResponse;
		// With ignoreHttpStatusErrors n8n's OAuth2 path hands back a 401 instead of refreshing: refresh once ourselves.
		// Lever refused the request, so sending it again is safe.
		if (response.statusCode === 401 && credentialType === 'leverOAuth2Api' && !tokenRefreshed) {
			tokenRefreshed = true;
			try {
				await this.helpers.refreshOAuth2Token.call(this, credentialType);
			} catch (error) {
				// Not a network hiccup to retry: keep the 401 as the answer and report why the refresh failed.
				refreshError = error;
				return response;
			}
			return await send();
		}
		return response;
	};

	const limiter = rateLimiterFor(limiterKey(credentialType, credentials, this.getNode(), baseUrl), LEVER_RATE_LIMIT);
	let response: IN8nHttpFullResponse;
	try {
		response = await sendWithRetry(async () => await limiter.schedule(send), {
			...defaultRetryPolicy,
			idempotent: options.idempotent ?? method !== 'POST',
			confirmNotApplied: options.confirmNotApplied,
		});
	} catch (error) {
		if (error instanceof NodeApiError || error instanceof NodeOperationError) throw error;
		// Network failures: keep only the message — the underlying error carries request headers (the credential).
		const reason = (error as Error).message;
		const message = `Could not reach Lever at ${baseUrl}: ${reason}`;
		const networkError = new NodeApiError(this.getNode(), { message: reason } as JsonObject, { message, itemIndex: options.itemIndex });
		networkError.message = message;
		throw networkError;
	}
	if (refreshError !== undefined) {
		if (refreshError instanceof NodeOperationError) throw refreshError;
		throw new NodeOperationError(this.getNode(), `Could not renew the Lever access token: ${(refreshError as Error).message}`, {
			description: 'Reconnect the Lever OAuth2 credential.',
			itemIndex: options.itemIndex,
		});
	}
	if (response.statusCode >= 400) {
		throw leverApiError(this.getNode(), credentialType, response, { qs, body: options.body }, options.itemIndex);
	}
	return typeof response.body === 'object' && response.body !== null ? response.body : {};
}

/**
 * Every item of a Lever list endpoint, following its opaque `next` token (passed back as `offset` untouched) while
 * `hasNext` is true. With `limit`, stops as soon as that many items are in hand.
 */
export async function leverApiRequestAllItems(
	this: LeverContext,
	endpoint: string,
	qs: IDataObject = {},
	limit?: number,
): Promise<IDataObject[]> {
	const items: IDataObject[] = [];
	let offset: string | undefined;
	do {
		const pageSize = limit === undefined ? 100 : Math.min(100, limit - items.length);
		const page = await leverApiRequest.call(this, 'GET', endpoint, {
			qs: { ...qs, limit: pageSize, ...(offset ? { offset } : {}) },
		});
		const data = page.data as IDataObject[] | IDataObject | undefined;
		items.push(...(Array.isArray(data) ? data : data ? [data] : []));
		offset = page.hasNext === true && typeof page.next === 'string' ? page.next : undefined;
	} while (offset && (limit === undefined || items.length < limit));
	return limit === undefined ? items : items.slice(0, limit);
}

/** Lever's names for request fields, as the node labels them, so a 400 can point at the field to fix. */
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
};

/** The request field a Lever error message is about (Lever quotes it, e.g. `Invalid value for field "emails[0]"`). */
function fieldNamedIn(message: string, sent: { qs: IDataObject; body?: IDataObject | FormData }): string | undefined {
	const sentKeys = [...Object.keys(sent.qs), ...(sent.body instanceof FormData ? [...sent.body.keys()] : Object.keys(sent.body ?? {}))];
	const quoted = [...message.matchAll(/"([A-Za-z_]+)(\[\d*\])?"/g)].map((match) => match[1]);
	const field = quoted.find((name) => sentKeys.includes(name) || sentKeys.includes(`${name}[]`) || FIELD_LABELS[name]);
	if (field) return FIELD_LABELS[field] ?? field;
	const mentioned = sentKeys.map((key) => key.replace(/\[\]$/, '')).find((key) => new RegExp(`\\b${key}\\b`, 'i').test(message));
	return mentioned ? (FIELD_LABELS[mentioned] ?? mentioned) : undefined;
}

/** The request field whose value (an ID) Lever's message quotes, e.g. `stages no-such-stage was not found`. */
function fieldWhoseValueIsIn(message: string, sent: { qs: IDataObject; body?: IDataObject | FormData }): string | undefined {
	const fields: Array<[string, unknown]> = [
		...(sent.body instanceof FormData ? [...sent.body.entries()] : Object.entries(sent.body ?? {})),
		...Object.entries(sent.qs),
	];
	const match = fields.find(([, value]) =>
		(Array.isArray(value) ? value : [value]).some((entry) => typeof entry === 'string' && entry.length > 2 && message.includes(entry)),
	);
	if (!match) return undefined;
	const key = match[0].replace(/\[\]$/, '');
	return FIELD_LABELS[key] ?? key;
}

function leverApiError(
	node: INode,
	credentialType: LeverCredentialType,
	response: IN8nHttpFullResponse,
	sent: { qs: IDataObject; body?: IDataObject | FormData },
	itemIndex?: number,
): NodeApiError {
	const status = response.statusCode;
	const body = (typeof response.body === 'object' && response.body !== null ? response.body : {}) as IDataObject;
	const code = typeof body.code === 'string' ? body.code : `HTTP ${status}`;
	const vendorMessage =
		typeof body.message === 'string' ? body.message : typeof response.body === 'string' && response.body ? response.body : (response.statusMessage ?? '');
	const lever = `${code}: ${vendorMessage}`;
	let message: string;
	let description = `Lever answered ${status} ${lever}`;
	if (status === 401) {
		message =
			credentialType === 'leverApi'
				? 'The Lever API key was rejected — check the credential'
				: 'The Lever access token was rejected — reconnect the Lever OAuth2 credential';
	} else if (status === 403) {
		message = `The Lever credential is not allowed to do this (${lever})`;
		description =
			credentialType === 'leverApi'
				? 'Give the API key the missing permission in Lever (Settings → Integrations and API → API Credentials), or use a key that has it.'
				: 'The OAuth app lacks the scope for this request, or the connecting user lost access: reconnect with the needed scopes.';
	} else if (status === 404) {
		// A 404 on a write is often about an ID in the body (e.g. an unknown stage), not the path.
		const field = fieldWhoseValueIsIn(vendorMessage, sent);
		message = field ? `Lever could not find the "${field}" given (${lever})` : `Lever could not find it (${lever})`;
	} else if (status === 429) {
		message = `Lever's rate limit was still exceeded after ${defaultRetryPolicy.maxRetries} retries (${lever})`;
	} else if (status >= 500) {
		message = `Lever had a server error (${lever})`;
	} else {
		const field = fieldNamedIn(vendorMessage, sent);
		message = field ? `Lever rejected the "${field}" field (${lever})` : `Lever rejected the request (${lever})`;
	}
	const error = new NodeApiError(node, { code, message: vendorMessage, status } as JsonObject, {
		message,
		description,
		httpCode: String(status),
		itemIndex,
	});
	// NodeApiError swaps messages containing network error codes for generic text, and Lever's "ResourceNotFound"
	// contains "ENOTFOUND": keep the message that names Lever's code.
	error.message = message;
	return error;
}
