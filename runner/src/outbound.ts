/**
 * The one place all of a node's HTTP goes through in n8n-core 2.41: `helpers.httpRequest`,
 * `httpRequestWithAuthentication`, the legacy `helpers.request` and OAuth2 requests all end in
 * `Container.get(OutboundHttp).requests()` (package @n8n/backend-network). Replacing that service in n8n's DI
 * container lets `--dry-run` record writes without touching any node.
 */
import type { IDataObject } from 'n8n-workflow';

import { Container, OutboundHttp } from './n8nServices';

/** What the runner sees of an outbound request. */
export interface OutboundRequest {
	method: string;
	url: string;
	body: unknown;
}

type Send = () => Promise<unknown>;

/** Decides what happens to a request: `send()` it, or answer it without sending. */
export type OutboundHandler = (
	request: OutboundRequest,
	send: Send,
	wantsFullResponse: boolean,
) => Promise<unknown>;

interface HttpRequestClient {
	request(options: IDataObject): Promise<unknown>;
	requestLegacy(options: IDataObject, callbacks?: unknown): Promise<unknown>;
}

interface OutboundHttpService {
	requests(options?: unknown): HttpRequestClient;
}

function withQuery(url: string, qs: unknown): string {
	if (!qs || typeof qs !== 'object' || Object.keys(qs).length === 0) return url;
	try {
		const parsed = new URL(url);
		for (const [key, value] of Object.entries(qs as IDataObject)) {
			if (value !== undefined) parsed.searchParams.append(key, String(value));
		}
		return parsed.toString();
	} catch {
		return url;
	}
}

function describe(options: IDataObject, legacy: boolean): OutboundRequest {
	const method = String(options.method ?? 'GET').toUpperCase();
	const base = typeof options.baseURL === 'string' ? options.baseURL.replace(/\/+$/, '') : '';
	let url = String((legacy ? (options.uri ?? options.url) : options.url) ?? '');
	if (base && !/^[a-z][a-z\d+\-.]*:\/\//i.test(url)) url = `${base}/${url.replace(/^\/+/, '')}`;
	const body = legacy ? (options.body ?? options.form ?? options.formData) : options.body;
	return { method, url: withQuery(url, options.qs), body };
}

/** Routes every outbound request through `handler` until the returned function restores n8n's service. */
export function interceptOutboundHttp(handler: OutboundHandler): () => void {
	const original = Container.get<OutboundHttpService>(OutboundHttp);
	const intercepting: OutboundHttpService = Object.create(
		original as object,
	) as OutboundHttpService;
	intercepting.requests = (clientOptions?: unknown) => {
		const client = original.requests(clientOptions);
		return {
			request: async (options: IDataObject) =>
				await handler(
					describe(options, false),
					async () => await client.request(options),
					options.returnFullResponse === true,
				),
			requestLegacy: async (options: IDataObject, callbacks?: unknown) =>
				await handler(
					describe(options, true),
					async () => await client.requestLegacy(options, callbacks),
					options.resolveWithFullResponse === true,
				),
		};
	};
	Container.set(OutboundHttp, intercepting);
	return () => Container.set(OutboundHttp, original);
}

/** OAuth token exchanges read nothing and change nothing in the target system: a dry run still performs them. */
function isTokenExchange(request: OutboundRequest): boolean {
	const body = request.body;
	if (typeof body === 'string') return /(^|&)grant_type=/.test(body);
	if (body instanceof URLSearchParams) return body.has('grant_type');
	return body !== null && typeof body === 'object' && 'grant_type' in body;
}

/** A write a dry run answered without sending. */
export type PlannedWrite = OutboundRequest;

/**
 * Dry-run policy: GET/HEAD/OPTIONS and token exchanges go out (a node may need to read before it decides to write);
 * every other request is recorded and answered with a synthetic success. The synthetic body echoes the request
 * body with a `dry-run-<n>` id, both at the top level and under `data` (Lever wraps records in `data`,
 * SmartRecruiters does not), so a node that reads back the created record's id goes on.
 */
export function dryRunHandler(planned: PlannedWrite[]): OutboundHandler {
	return async (request, send, wantsFullResponse) => {
		if (['GET', 'HEAD', 'OPTIONS'].includes(request.method) || isTokenExchange(request))
			return await send();
		planned.push(request);
		const echoed =
			request.body !== null && typeof request.body === 'object' && !Array.isArray(request.body)
				? request.body
				: {};
		const record = { ...(echoed as IDataObject), id: `dry-run-${planned.length}`, dryRun: true };
		const body = { ...record, data: record };
		return wantsFullResponse ? { statusCode: 200, statusMessage: 'OK', headers: {}, body } : body;
	};
}
