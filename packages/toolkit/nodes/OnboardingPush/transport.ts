import type { IDataObject, IExecuteFunctions, IN8nHttpFullResponse } from 'n8n-workflow';

import type { EmployeeRecord } from '../shared/employee';
import { defaultRetryPolicy, sendWithRetry } from '../../../../nodes/shared/transport/retry';
import { signBody } from '../shared/bodySignature';

export interface OnboardingAuth {
	headerName?: string;
	headerValue?: string;
	hmacSecret?: string;
	signatureHeader?: string;
}

export interface PushResult {
	/** `alreadyExists`: the system answered 409 — the employee is there from an earlier run or another way. */
	action: 'created' | 'alreadyExists';
	statusCode: number;
	/** The system returned the result stored for this idempotency key (a retry after a lost response). */
	replayed: boolean;
	employeeId?: string;
	response: IDataObject;
}

export class OnboardingHttpError extends Error {
	constructor(
		readonly statusCode: number,
		readonly responseBody: IDataObject | string,
		message: string,
	) {
		super(message);
	}
}

/** Authentication headers for the exact body bytes being sent (the signature covers them). */
export function authHeaders(
	auth: OnboardingAuth | undefined,
	body: string,
): Record<string, string> {
	const headers: Record<string, string> = {};
	if (!auth) return headers;
	if (auth.headerName && auth.headerValue) headers[auth.headerName] = auth.headerValue;
	if (auth.hmacSecret) {
		headers[auth.signatureHeader || 'x-signature'] = signBody(auth.hmacSecret, body);
	}
	return headers;
}

function parseBody(body: unknown): IDataObject | string {
	if (typeof body !== 'string') return (body ?? {}) as IDataObject;
	try {
		return JSON.parse(body) as IDataObject;
	} catch {
		return body;
	}
}

function vendorMessage(body: IDataObject | string): string {
	if (typeof body === 'string') return body.slice(0, 300);
	const message = body.message ?? body.error ?? body.detail;
	return typeof message === 'string' ? message : JSON.stringify(body).slice(0, 300);
}

/**
 * POSTs the employee with `Idempotency-Key: <ATS candidate id>`. Because the key makes a repeat harmless, 5xx,
 * 429 and lost connections are retried with backoff (nodes/shared/transport/retry.ts); a 409 means the employee
 * exists and counts as done. Any other non-2xx is an OnboardingHttpError carrying the system's own message.
 */
export async function pushEmployee(
	this: IExecuteFunctions,
	url: string,
	employee: EmployeeRecord,
	auth: OnboardingAuth | undefined,
	maxRetries: number,
): Promise<PushResult> {
	return await postWithIdempotencyKey.call(
		this,
		url,
		employee,
		employee.atsCandidateId,
		auth,
		maxRetries,
	);
}

/** The same POST for any JSON object (e.g. a stage change sent back to an interview platform) under the caller's key. */
export async function postWithIdempotencyKey(
	this: IExecuteFunctions,
	url: string,
	payload: object,
	idempotencyKey: string,
	auth: OnboardingAuth | undefined,
	maxRetries: number,
): Promise<PushResult> {
	const body = JSON.stringify(payload);
	const headers = {
		'content-type': 'application/json',
		accept: 'application/json',
		'idempotency-key': idempotencyKey,
		...authHeaders(auth, body),
	};
	const response: IN8nHttpFullResponse = await sendWithRetry(
		async () =>
			(await this.helpers.httpRequest({
				method: 'POST',
				url,
				body,
				headers,
				json: false,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
			})) as IN8nHttpFullResponse,
		{ ...defaultRetryPolicy, maxRetries, idempotent: true },
	);
	const responseBody = parseBody(response.body);
	const employeeIdOf = (data: IDataObject | string) =>
		typeof data === 'object' && (data.id ?? data.employeeId) !== undefined
			? String(data.id ?? data.employeeId)
			: undefined;
	if (response.statusCode >= 200 && response.statusCode < 300) {
		const replayed = String(response.headers['idempotent-replayed'] ?? '').toLowerCase() === 'true';
		return {
			action: 'created',
			statusCode: response.statusCode,
			replayed,
			employeeId: employeeIdOf(responseBody),
			response: typeof responseBody === 'object' ? responseBody : { body: responseBody },
		};
	}
	if (response.statusCode === 409) {
		return {
			action: 'alreadyExists',
			statusCode: 409,
			replayed: false,
			employeeId: employeeIdOf(responseBody),
			response: typeof responseBody === 'object' ? responseBody : { body: responseBody },
		};
	}
	throw new OnboardingHttpError(response.statusCode, responseBody, vendorMessage(responseBody));
}
