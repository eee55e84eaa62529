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
import { jsonParse, NodeApiError, NodeOperationError } from 'n8n-workflow';

import { asNodeError } from '../errors';
import type { DownloadedFile } from '../files';
import { downloadedFile } from '../files';
import type { LimitCause, RateLimiter } from './rateLimiter';
import { defaultRetryPolicy, retryAfterMs, sendWithRetry } from './retry';

/**
 * The one HTTP pipeline of the ATS nodes: credentials and base URL, the vendor's request rules, auth through n8n's
 * helpers, the per-credential rate limiters, timeouts, retries (Retry-After, and lost responses of writes only after
 * a lookup confirmed nothing was applied), and the vendor's error body as a NodeApiError that names the field.
 * What differs between Lever and SmartRecruiters is a `Vendor` (each node's `transport/`); the rest is here.
 */

export type ApiContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IPollFunctions
	| IWebhookFunctions;

export type RequestBody = IDataObject | IDataObject[] | FormData;

export interface ApiRequestOptions {
	/** Values for the `{placeholders}` of the route, URL-encoded into the path. */
	params?: Record<string, string>;
	qs?: IDataObject;
	body?: RequestBody;
	/** Whether repeating the request after a 5xx or a lost response is harmless. Default: all but POST. */
	idempotent?: boolean;
	/** For writes that are not idempotent: resolves true when a lookup proves a failed attempt left nothing behind. */
	confirmNotApplied?: () => Promise<boolean>;
	/** Statuses that are an answer rather than an error (e.g. 404 for "does it still exist"). */
	acceptStatus?: number[];
	/** The input item the request is made for, so an error points at it. */
	itemIndex?: number;
	/** A file download: the body comes back as bytes (an error body is still read as JSON). */
	binary?: boolean;
	/** The body's media type where the vendor wants another than JSON's (e.g. `application/json-patch+json`). */
	contentType?: string;
}

/** One request as a vendor sees it: `route` is the template (it names the endpoint), `path` the filled-in path. */
export interface ApiCall {
	method: IHttpRequestMethods;
	route: string;
	path: string;
	params: Record<string, string>;
	qs: IDataObject;
	body?: RequestBody;
	itemIndex?: number;
}

/** How one attempt is authenticated. */
export interface Authorizer {
	/** Runs once before the first attempt; a failure is final (e.g. rejected client credentials). */
	prepare?(): Promise<void>;
	send(request: IHttpRequestOptions): Promise<IN8nHttpFullResponse>;
	/** After a 401: renews the credential once; the refused request is then sent again. */
	renew?(): Promise<void>;
}

/** A vendor's error body, read. */
export interface VendorError {
	/** The vendor's error code(s), e.g. `BadRequest` or `CANDIDATE_NOT_FOUND`. */
	code?: string;
	/** The vendor's own words. */
	message: string;
	/** The request field the error is about, as the node labels it. */
	field?: string;
	/** The credential is valid but lacks a permission (SmartRecruiters answers some of these with 401). */
	forbidden?: boolean;
}

/** Everything the pipeline needs to know about one ATS. */
export interface Vendor {
	name: string;
	/** How long a request may go without an answer before it counts as lost (and is retried like a reset). */
	timeoutMs: number;
	/** The credential type the node's Authentication parameter picks. */
	credentialType(node: INode): string;
	baseUrl(credentials: ICredentialDataDecryptedObject): string;
	/** Vendor rules checked (and query parameters added) before sending; throws a NodeOperationError naming the field. */
	beforeSend?(node: INode, call: ApiCall, credentials: ICredentialDataDecryptedObject): void;
	/** The process-wide limiters this request waits for, outermost first. */
	limiters(
		call: ApiCall,
		credentialType: string,
		credentials: ICredentialDataDecryptedObject,
		node: INode,
	): RateLimiter[];
	/** Why the vendor refused a request with 429, where its headers say (default: rate). */
	limitCause?(response: IN8nHttpFullResponse, call: ApiCall): LimitCause | undefined;
	authorizer(
		context: ApiContext,
		credentialType: string,
		credentials: ICredentialDataDecryptedObject,
	): Authorizer;
	readError(response: IN8nHttpFullResponse, call: ApiCall): VendorError;
	/** What to call the credential's secret in an error ("API key", "access token"). */
	secretName(credentialType: string): string;
	/** How to fix a rejected credential (401) and a missing permission (403). */
	hints: { rejected(credentialType: string): string; forbidden(credentialType: string): string };
}

/** `{id}`-style placeholders of a route template filled with URL-encoded values. */
export function fillRoute(route: string, params: Record<string, string> = {}): string {
	return route.replace(/\{(\w+)\}/g, (_match, name: string) => {
		const value = params[name];
		if (value === undefined || value === '') throw new Error(`Route parameter "${name}" is empty`);
		return encodeURIComponent(value);
	});
}

/** Sends one request through the pipeline; a status of 400 or more (unless accepted) is thrown as a NodeApiError. */
export async function vendorRequest(
	this: ApiContext,
	vendor: Vendor,
	method: IHttpRequestMethods,
	route: string,
	options: ApiRequestOptions = {},
): Promise<IN8nHttpFullResponse> {
	const node = this.getNode();
	const { itemIndex } = options;
	const credentialType = vendor.credentialType(node);
	const credentials = await this.getCredentials(credentialType);
	const baseUrl = vendor.baseUrl(credentials);
	if (!/^https?:\/\/[^/]/.test(baseUrl)) {
		throw new NodeOperationError(
			node,
			`The ${vendor.name} credential's "Custom API URL" must start with http:// or https://`,
			{ itemIndex },
		);
	}
	let path: string;
	try {
		path = fillRoute(route, options.params);
	} catch (error) {
		throw new NodeOperationError(node, (error as Error).message, { itemIndex });
	}
	const call: ApiCall = {
		method,
		route,
		path,
		params: options.params ?? {},
		qs: { ...options.qs },
		body: options.body,
		itemIndex,
	};
	vendor.beforeSend?.(node, call, credentials);

	const isUpload = call.body instanceof FormData;
	const request: IHttpRequestOptions = {
		method,
		url: `${baseUrl}${path}`,
		qs: call.qs,
		headers: {
			Accept: options.binary ? '*/*' : 'application/json',
			...(options.contentType ? { 'Content-Type': options.contentType } : {}),
		},
		json: !isUpload && !options.binary,
		...(options.binary ? { encoding: 'arraybuffer' as const } : {}),
		// Both vendors repeat keys for multi-valued filters: ?tag=a&tag=b
		arrayFormat: 'repeat',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: vendor.timeoutMs,
	};
	if (call.body !== undefined) request.body = call.body as IHttpRequestOptions['body'];

	const authorizer = vendor.authorizer(this, credentialType, credentials);
	let renewed = false;
	let renewalError: unknown;
	const send = async (): Promise<IN8nHttpFullResponse> => {
		// n8n's auth helpers may rewrite the options they get, so every attempt starts from a fresh copy.
		const response = await authorizer.send({
			...request,
			qs: { ...request.qs },
			headers: { ...request.headers },
		});
		if (response.statusCode === 401 && authorizer.renew && !renewed) {
			// The vendor refused the request, so sending it again after a renewal is safe.
			renewed = true;
			try {
				await authorizer.renew();
			} catch (error) {
				// Not a network hiccup to retry: the 401 stands, and the renewal's error says why.
				renewalError = error;
				return response;
			}
			return await send();
		}
		return response;
	};
	const limiters = vendor.limiters(call, credentialType, credentials, node);
	// Every answer tells the limiters how the vendor's limits stand (a 429 slows them down, any other answer not).
	const sendObserved = async (): Promise<IN8nHttpFullResponse> => {
		const response = await send();
		const limited = response.statusCode === 429;
		const feedback = limited
			? {
					limited,
					retryAfterMs: retryAfterMs(response.headers),
					cause: vendor.limitCause?.(response, call),
				}
			: { limited };
		for (const limiter of limiters) limiter.observe(feedback);
		return response;
	};
	const scheduled = limiters.reduceRight<() => Promise<IN8nHttpFullResponse>>(
		(task, limiter) => async () => await limiter.schedule(task),
		sendObserved,
	);

	let response: IN8nHttpFullResponse;
	try {
		await authorizer.prepare?.();
		response = await sendWithRetry(scheduled, {
			...defaultRetryPolicy,
			idempotent: options.idempotent ?? method !== 'POST',
			confirmNotApplied: options.confirmNotApplied,
		});
	} catch (error) {
		throw unreachableError(node, vendor, baseUrl, error, itemIndex);
	}
	if (renewalError !== undefined) throw asNodeError(node, renewalError, itemIndex);
	if (response.statusCode >= 400 && !options.acceptStatus?.includes(response.statusCode)) {
		throw apiError(node, vendor, credentialType, withJsonBody(response), call);
	}
	return response;
}

/** A file through the same pipeline (GET): its bytes, with the type and name its headers give. */
export async function vendorDownload(
	this: ApiContext,
	vendor: Vendor,
	route: string,
	options: ApiRequestOptions = {},
): Promise<DownloadedFile> {
	return downloadedFile(
		await vendorRequest.call(this, vendor, 'GET', route, { ...options, binary: true }),
	);
}

/** A response whose body came back as bytes (a download that failed) with its JSON error body parsed. */
function withJsonBody(response: IN8nHttpFullResponse): IN8nHttpFullResponse {
	const { body } = response as { body: unknown };
	if (!(body instanceof Uint8Array) && !(body instanceof ArrayBuffer)) return response;
	const text = new TextDecoder().decode(body);
	return { ...response, body: jsonParse<IDataObject>(text, { fallbackValue: { message: text } }) };
}

/** A network failure (refused, reset, timed out) as an error naming the vendor's URL; n8n's own errors pass through. */
function unreachableError(
	node: INode,
	vendor: Vendor,
	baseUrl: string,
	error: unknown,
	itemIndex?: number,
) {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	// Only the message is kept: the underlying error carries the request's headers, and with them the credential.
	const reason = (error as Error | undefined)?.message ?? String(error);
	const message = `Could not reach ${vendor.name} at ${baseUrl}: ${reason}`;
	const networkError = new NodeApiError(node, { message: reason } as JsonObject, {
		message,
		itemIndex,
	});
	// NodeApiError swaps messages that contain network error codes for generic text; this one names the URL.
	networkError.message = message;
	return networkError;
}

/** The vendor's error response as one message a person can act on; the field is named when the vendor names it. */
export function apiError(
	node: INode,
	vendor: Vendor,
	credentialType: string,
	response: IN8nHttpFullResponse,
	call: ApiCall,
): NodeApiError {
	const status = response.statusCode;
	const { code, message: vendorMessage, field, forbidden } = vendor.readError(response, call);
	const said = `${status}${code ? ` ${code}` : ''}${vendorMessage ? `: ${vendorMessage}` : ''}`;
	const secret = vendor.secretName(credentialType);
	let message: string;
	let description = `${vendor.name} answered ${call.method} ${call.route} with ${said}`;
	if (status === 403 || forbidden) {
		message = `The ${vendor.name} ${secret} is not allowed to do this (${said})`;
		description = vendor.hints.forbidden(credentialType);
	} else if (status === 401) {
		message = `${vendor.name} rejected the ${secret} (${said})`;
		description = vendor.hints.rejected(credentialType);
	} else if (status === 404) {
		message = field
			? `${vendor.name} could not find the "${field}" given (${said})`
			: `${vendor.name} could not find it (${said})`;
	} else if (status === 429) {
		message = `${vendor.name}'s rate limit was still exceeded after ${defaultRetryPolicy.maxRetries} retries (${said})`;
	} else if (status >= 500) {
		message = `${vendor.name} had a server error (${said})`;
	} else {
		message = field
			? `${vendor.name} rejected the "${field}" field (${said})`
			: `${vendor.name} rejected the request (${said})`;
	}
	const body = response.body;
	const errorResponse = (
		typeof body === 'object' && body !== null ? body : { message: vendorMessage }
	) as JsonObject;
	const error = new NodeApiError(node, errorResponse, {
		message,
		description,
		httpCode: String(status),
		itemIndex: call.itemIndex,
	});
	// NodeApiError swaps messages that contain network error codes for generic text (Lever's "ResourceNotFound"
	// contains "ENOTFOUND"): keep the message that names the vendor's code.
	error.message = message;
	return error;
}

/** The request's fields and their values, query and body (multipart parts included). */
function sentFields(call: ApiCall): Array<[string, unknown]> {
	const body =
		call.body instanceof FormData
			? [...call.body.entries()]
			: Object.entries(Array.isArray(call.body) ? {} : (call.body ?? {}));
	return [...body, ...Object.entries(call.qs)].map(([key, value]) => [
		key.replace(/\[\]$/, ''),
		value,
	]);
}

/**
 * The request field an error message is about: a field name the vendor quotes (e.g. `Invalid value for field
 * "emails[0]"`), else a sent field whose name the message mentions. Returned as `labels` names it for the user.
 */
export function fieldNamedIn(
	message: string,
	call: ApiCall,
	labels: Record<string, string>,
): string | undefined {
	const sent = sentFields(call).map(([key]) => key);
	// A quoted path (`"content.descriptionHtml"`, `"phones[0]"`) is named by its own label, else by its first part's.
	const quoted = [...message.matchAll(/"([A-Za-z_]+)((?:\.[A-Za-z_]+|\[\d*\])*)"/g)].map(
		(match) => ({
			path: `${match[1]}${match[2].replace(/\[\d*\]/g, '')}`,
			name: match[1],
		}),
	);
	const exact = quoted.find(({ path }) => labels[path]);
	if (exact) return labels[exact.path];
	const field = quoted.map(({ name }) => name).find((name) => sent.includes(name) || labels[name]);
	if (field) return labels[field] ?? field;
	const mentioned = sent.find((key) => new RegExp(`\\b${key}\\b`, 'i').test(message));
	return mentioned ? (labels[mentioned] ?? mentioned) : undefined;
}

/** The text values in a field's value, nested ones included (e.g. the ids in `interviewers: [{id}]`). */
function textsIn(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (Array.isArray(value)) return value.flatMap(textsIn);
	if (value !== null && typeof value === 'object' && !(value instanceof Blob))
		return Object.values(value).flatMap(textsIn);
	return [];
}

/**
 * The request field whose value (an id) the message quotes, e.g. `stages no-such-stage was not found`; an id nested
 * in the field (`interviewers: [{id}]`) names the field.
 */
export function fieldWhoseValueIsIn(
	message: string,
	call: ApiCall,
	labels: Record<string, string>,
): string | undefined {
	const fields: Array<[string, unknown]> = [...sentFields(call), ...Object.entries(call.params)];
	const match = fields.find(([, value]) =>
		textsIn(value).some((entry) => entry.length > 2 && message.includes(entry)),
	);
	return match ? (labels[match[0]] ?? match[0]) : undefined;
}
