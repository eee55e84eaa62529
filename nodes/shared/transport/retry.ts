import type { IDataObject, IN8nHttpFullResponse } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

export interface RetryPolicy {
	/** Retries after the first attempt. */
	maxRetries: number;
	/** First backoff; doubles each retry, with jitter, capped at `maxDelayMs`. */
	baseDelayMs: number;
	maxDelayMs: number;
	/**
	 * False for writes that are not idempotent (e.g. creating a candidate). Such a request is still retried after a
	 * 429 (the vendor refused it before doing anything), but after a 5xx or a lost connection only when
	 * `confirmNotApplied` says the first attempt left nothing behind — never blindly.
	 */
	idempotent: boolean;
	confirmNotApplied?: () => Promise<boolean>;
}

export const defaultRetryPolicy: RetryPolicy = {
	maxRetries: 5,
	baseDelayMs: 500,
	maxDelayMs: 30_000,
	idempotent: true,
};

export type HttpAttempt = () => Promise<IN8nHttpFullResponse>;

const isRetryableStatus = (status: number) => status === 429 || status >= 500;

/** Retry-After is either delta-seconds or an HTTP date; neither vendor documents it, so it is honoured when present. */
export function retryAfterMs(headers: IDataObject, now = Date.now()): number | undefined {
	const value = headers['retry-after'] ?? headers['Retry-After'];
	if (value === undefined || value === null || value === '') return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(String(value));
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export function backoffMs(retry: number, policy: RetryPolicy): number {
	const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
	return Math.round(exponential / 2 + Math.random() * (exponential / 2));
}

/**
 * Sends one request with retries. The attempt must be made with `ignoreHttpStatusErrors` and
 * `returnFullResponse`, so status and headers are seen here and not lost inside a thrown error.
 * Returns the last response (the caller turns a non-2xx into a NodeApiError).
 */
export async function sendWithRetry(
	attempt: HttpAttempt,
	policy: RetryPolicy,
): Promise<IN8nHttpFullResponse> {
	for (let retry = 0; ; retry++) {
		let response: IN8nHttpFullResponse | undefined;
		let networkError: unknown;
		try {
			response = await attempt();
		} catch (error) {
			networkError = error;
		}
		const status = response?.statusCode;
		const retryable = response === undefined || isRetryableStatus(status!);
		if (!retryable || retry >= policy.maxRetries) {
			if (response) return response;
			throw networkError;
		}
		const refusedBeforeProcessing = status === 429;
		if (!policy.idempotent && !refusedBeforeProcessing) {
			const safe = policy.confirmNotApplied ? await policy.confirmNotApplied() : false;
			if (!safe) {
				if (response) return response;
				throw networkError;
			}
		}
		const waitMs = (response && retryAfterMs(response.headers)) ?? backoffMs(retry, policy);
		await sleep(Math.min(waitMs, policy.maxDelayMs));
	}
}
