import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IPollFunctions,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { credentialHash, rateLimiterFor } from '../../shared/transport/rateLimiter';
import type { RetryPolicy } from '../../shared/transport/retry';
import { defaultRetryPolicy, sendWithRetry } from '../../shared/transport/retry';
import { clientCredentialsToken, forgetToken, TokenExchangeError } from './token';

export type SmartRecruitersContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IPollFunctions
	| IWebhookFunctions;

export type Authentication = 'apiKey' | 'oAuth2';

/** Base paths of the SmartRecruiters APIs below the host; Candidates, Jobs, Configuration, Messages and Offers sit at the root. */
export const API = {
	webhooks: '/webhooks-api/v201907',
	interviews: '/interviews-api/v201904',
	reviews: '/reviews-api/v201910',
} as const;

const HOSTS: Record<string, string> = {
	production: 'https://api.smartrecruiters.com',
	sandbox: 'https://api.sandbox.smartrecruiters.com',
};

/**
 * SmartRecruiters counts limits per credential: 10 requests/s per endpoint, 8 in flight, and `GET /candidates` one
 * at a time. Per endpoint, at most 10 requests are in flight or answered within the last second: counted from the
 * answers, no second as SmartRecruiters counts it can hold an 11th whatever the network jitter, and a sequential
 * client still gets 10 requests per (1 s + one response time). The bucket (10/s, burst 10) never binds before it.
 */
const ENDPOINT_RATE = { ratePerSecond: 10, burst: 10, window: { requests: 10, ms: 1000 } };
const CONCURRENCY_LIMIT = { ratePerSecond: 1_000, burst: 1_000, maxConcurrent: 8 };

/**
 * How long a request may go without a byte from SmartRecruiters before it counts as lost and is retried like a reset
 * connection (n8n's own default is 5 minutes per attempt). SmartRecruiters recommends client timeouts of at least
 * 128 s (smartrecruiters.md §2).
 */
export const SMARTRECRUITERS_REQUEST_TIMEOUT_MS = 128_000;

export function baseUrlOf(credentials: ICredentialDataDecryptedObject): string {
	const environment = String(credentials.environment ?? 'production');
	if (environment === 'custom') return String(credentials.customUrl ?? '').replace(/\/+$/, '');
	return HOSTS[environment] ?? HOSTS.production;
}

export const tokenUrlOf = (credentials: ICredentialDataDecryptedObject) => `${baseUrlOf(credentials)}/identity/oauth/token`;

export function credentialTypeOf(authentication: Authentication) {
	return authentication === 'oAuth2' ? 'smartRecruitersOAuth2Api' : 'smartRecruitersApi';
}

export async function getAuthentication(this: SmartRecruitersContext) {
	// Only execute() reads parameters per item; hooks, webhooks, polls and load-options take no item index.
	const authentication = (
		'getInputData' in this
			? this.getNodeParameter('authentication', 0, 'apiKey')
			: (this as IHookFunctions).getNodeParameter('authentication', 'apiKey')
	) as Authentication;
	const credentialType = credentialTypeOf(authentication);
	const credentials = await this.getCredentials(credentialType);
	return { authentication, credentialType, credentials };
}

/** `{id}`-style placeholders of a route template filled with URL-encoded values. */
export function fillRoute(route: string, params: Record<string, string> = {}): string {
	return route.replace(/\{(\w+)\}/g, (_match, name: string) => {
		const value = params[name];
		if (value === undefined || value === '') throw new Error(`Route parameter "${name}" is empty`);
		return encodeURIComponent(value);
	});
}

export interface RequestOptions {
	/** Values for the `{placeholders}` of the route. */
	params?: Record<string, string>;
	qs?: IDataObject;
	body?: unknown;
	headers?: IDataObject;
	/** For creates: retry after a 5xx only when this confirms the first attempt left nothing behind. */
	confirmNotApplied?: () => Promise<boolean>;
	itemIndex?: number;
	/** Statuses that are an answer rather than an error (e.g. 404 for "not found" checks). */
	acceptStatus?: number[];
}

/**
 * The one way SmartRecruiters is called: rate limited per credential and endpoint, retried on 429/5xx, with
 * API-key or OAuth2 client-credentials auth, and errors turned into NodeApiErrors that carry SmartRecruiters' codes.
 * `route` is the templated path (e.g. `/candidates/{id}/tags`): it names the endpoint for the rate limiter.
 */
export async function apiRequestFull(
	this: SmartRecruitersContext,
	method: IHttpRequestMethods,
	route: string,
	options: RequestOptions = {},
): Promise<IN8nHttpFullResponse> {
	const { authentication, credentialType, credentials } = await getAuthentication.call(this);
	const baseUrl = baseUrlOf(credentials);
	if (!/^https?:\/\//.test(baseUrl)) {
		throw new NodeOperationError(this.getNode(), 'The credential\'s "Custom API URL" must start with http:// or https://');
	}
	const identity = credentialHash([baseUrl, credentials.apiKey ?? credentials.clientId, credentials.clientSecret ?? '']);
	const endpointLimiter = rateLimiterFor(`smartrecruiters:${identity}:${method} ${route}`, {
		...ENDPOINT_RATE,
		...(method === 'GET' && route === '/candidates' ? { maxConcurrent: 1 } : {}),
	});
	const concurrencyLimiter = rateLimiterFor(`smartrecruiters:${identity}:concurrency`, CONCURRENCY_LIMIT);

	const requestOptions: IHttpRequestOptions = {
		method,
		url: `${baseUrl}${fillRoute(route, options.params)}`,
		qs: options.qs,
		headers: { Accept: 'application/json', ...options.headers },
		body: options.body as IHttpRequestOptions['body'],
		json: !(options.body instanceof Buffer),
		arrayFormat: 'repeat',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: SMARTRECRUITERS_REQUEST_TIMEOUT_MS,
	};
	if (options.body === undefined) delete requestOptions.body;

	const tokenRequester = async (tokenRequest: IHttpRequestOptions) => (await this.helpers.httpRequest(tokenRequest)) as IN8nHttpFullResponse;
	let retriedWithFreshToken = false;
	const send = async (): Promise<IN8nHttpFullResponse> => {
		if (authentication === 'apiKey') {
			return (await this.helpers.httpRequestWithAuthentication.call(this, credentialType, requestOptions)) as IN8nHttpFullResponse;
		}
		const token = await clientCredentialsToken(credentials, tokenUrlOf(credentials), tokenRequester);
		const response = (await this.helpers.httpRequest({
			...requestOptions,
			headers: { ...requestOptions.headers, Authorization: `Bearer ${token}` },
		})) as IN8nHttpFullResponse;
		if (response.statusCode === 401 && !retriedWithFreshToken) {
			// A token revoked before its expiry: fetch a new one once (the request was refused, so repeating it is safe).
			retriedWithFreshToken = true;
			forgetToken(credentials, tokenUrlOf(credentials));
			return await send();
		}
		return response;
	};

	const policy: RetryPolicy = {
		...defaultRetryPolicy,
		// POSTs create things (candidates, notes, subscriptions): after a 5xx they are only repeated when
		// confirmNotApplied proves the first attempt left nothing behind. A 429 is always safe to repeat.
		idempotent: method !== 'POST',
		confirmNotApplied: options.confirmNotApplied,
	};
	let response: IN8nHttpFullResponse;
	try {
		// Rejected client credentials are final: exchange (or reuse) the token before the retry loop.
		if (authentication === 'oAuth2') await clientCredentialsToken(credentials, tokenUrlOf(credentials), tokenRequester);
		response = await sendWithRetry(
			async () => await endpointLimiter.schedule(async () => await concurrencyLimiter.schedule(send)),
			policy,
		);
	} catch (error) {
		if (error instanceof TokenExchangeError) {
			throw new NodeApiError(this.getNode(), { error: error.vendorError } as JsonObject, {
				message: error.message,
				httpCode: String(error.statusCode),
				itemIndex: options.itemIndex,
			});
		}
		if (error instanceof NodeApiError || error instanceof NodeOperationError) throw error;
		throw new NodeApiError(this.getNode(), { message: (error as Error).message } as JsonObject, {
			message: `Could not reach SmartRecruiters: ${(error as Error).message}`,
			itemIndex: options.itemIndex,
		});
	}
	if (response.statusCode >= 400 && !options.acceptStatus?.includes(response.statusCode)) {
		throw apiError(this, method, route, response, options.itemIndex);
	}
	return response;
}

export async function apiRequest(
	this: SmartRecruitersContext,
	method: IHttpRequestMethods,
	route: string,
	options: RequestOptions = {},
): Promise<IDataObject> {
	const response = await apiRequestFull.call(this, method, route, options);
	return (response.body ?? {}) as IDataObject;
}

interface VendorError {
	code?: string;
	message?: string;
	dataPath?: string;
}

/** SmartRecruiters' error body (`{message, errors:[{code, message}]}` or 422 `{errors:[{dataPath, message}]}`) as one readable error. */
export function apiError(
	context: SmartRecruitersContext,
	method: string,
	route: string,
	response: IN8nHttpFullResponse,
	itemIndex?: number,
): NodeApiError {
	const body = (typeof response.body === 'object' && response.body !== null ? response.body : {}) as IDataObject;
	const errors = (Array.isArray(body.errors) ? body.errors : []) as VendorError[];
	const details = errors
		.map((e) => [e.code, e.dataPath ? `"${e.dataPath}"` : undefined, e.message].filter(Boolean).join(' '))
		.filter(Boolean);
	const vendorMessage = [body.message, ...details].filter(Boolean).join('; ') || `HTTP ${response.statusCode}`;
	const status = response.statusCode;
	let message = `SmartRecruiters ${method} ${route} failed (${status}): ${vendorMessage}`;
	if (status === 401 && errors.every((e) => e.code !== 'PERMISSION_DENIED')) {
		message = `SmartRecruiters rejected the credentials (401): ${vendorMessage}. Check the API key or OAuth2 client and the environment of the credential.`;
	} else if (status === 429) {
		message = `SmartRecruiters rate limit still exceeded after retries (429) on ${method} ${route}`;
	}
	return new NodeApiError(context.getNode(), body as JsonObject, {
		message,
		description: errors.length > 0 ? `SmartRecruiters error codes: ${errors.map((e) => e.code ?? e.dataPath).join(', ')}` : undefined,
		httpCode: String(status),
		itemIndex,
	});
}

/**
 * Every item of a `pageId`-paginated list (`{content, nextPageId}`), or the first `limit` items.
 * The cursor comes from the body's `nextPageId` (also sent as `Link rel=next`, which carries the same value).
 */
export async function apiRequestAllPages(
	this: SmartRecruitersContext,
	route: string,
	options: RequestOptions & { limit?: number; pageSize?: number } = {},
): Promise<IDataObject[]> {
	const results: IDataObject[] = [];
	let pageId: string | undefined;
	const pageSize = options.pageSize ?? 100;
	do {
		const wanted = options.limit === undefined ? pageSize : Math.min(pageSize, options.limit - results.length);
		const page = await apiRequest.call(this, 'GET', route, {
			...options,
			qs: { ...options.qs, limit: wanted, ...(pageId ? { pageId } : {}) },
		});
		results.push(...((page.content as IDataObject[] | undefined) ?? []));
		pageId = typeof page.nextPageId === 'string' && page.nextPageId !== '' ? page.nextPageId : undefined;
	} while (pageId && (options.limit === undefined || results.length < options.limit));
	return options.limit === undefined ? results : results.slice(0, options.limit);
}
