/**
 * Seeded fault mode shared by the Lever and SmartRecruiters simulators: what a flaky network and a flaky vendor do
 * to a client. Off unless a simulator is started with (or later given) `faults`.
 *
 * Each authenticated API request takes one draw from a seeded PRNG (mulberry32), in the order requests arrive, and
 * the draw decides its fault. The same seed and the same sequence of requests give the same faults; a client whose
 * request order depends on timing (its own 429 backoff, jitter) sees the same fault rates, not the same sequence.
 *
 * Kinds:
 * - `serverError`: a 500/502/503/504 in the vendor's own error body, answered before the request is processed.
 * - `rateLimitBurst`: this request and the next `burstLength - 1` get the vendor's 429, beyond its documented limit.
 * - `reset`: the connection is destroyed before the request is processed (ECONNRESET / socket hang up).
 * - `slow`: the request is processed, then its response is held back `slowMs` (meant to exceed the client timeout;
 *   a client still connected then gets the answer late). Writes are committed although the client sees a timeout.
 * - `lostCreate`: a create (`isCreate`) that succeeds on the server, whose response is lost: the connection is
 *   destroyed instead of sending the 2xx. A create the vendor refuses (4xx) is answered normally and not counted.
 * - `outage`: a maintenance window: after `outage.after` requests the next `outage.requests` all get a 503, more
 *   than a client's retries ride out, so items fail and must be reported (and completed by a rerun).
 */
import { seededRandom } from '../seededRandom';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

export interface FaultOptions {
	seed: number;
	/** Share of requests answered with a 5xx before they are processed. */
	rate5xx?: number;
	/** Share of requests that start a burst of 429s. */
	rate429Burst?: number;
	/** 429s in a row per burst, the triggering request included. Default 4. */
	burstLength?: number;
	/** Share of requests whose connection is reset before they are processed. */
	rateReset?: number;
	/** Share of requests answered `slowMs` late. */
	rateSlow?: number;
	/** How late a slow response is. Default 35 000 ms. */
	slowMs?: number;
	/** Share of creates committed on the server whose response is lost. */
	rateLostCreate?: number;
	/** At most this many slow responses (each costs the client a whole timeout). Default: no cap. */
	maxSlow?: number;
	/** One maintenance window: requests number `after` + 1 … `after` + `requests` answer 503 (drawing nothing). */
	outage?: { after: number; requests: number };
}

export interface FaultCounts {
	serverError: number;
	/** Bursts started. */
	rateLimitBurst: number;
	/** 429 responses sent inside bursts. */
	burstRateLimited: number;
	reset: number;
	slow: number;
	lostCreate: number;
	/** 503s sent inside the maintenance window. */
	outage: number;
	/** Requests that repeated a faulted one (same method, URL and body): the client's retries after a fault. */
	retried: number;
}

/** How one vendor answers: its error bodies, and which requests create something. */
export interface VendorFaults {
	serverError(res: Response, status: 500 | 502 | 503 | 504): void;
	tooManyRequests(res: Response): void;
	isCreate(req: Request): boolean;
}

const SERVER_ERRORS = [500, 502, 503, 504] as const;
const DEFAULT_BURST_LENGTH = 4;
const DEFAULT_SLOW_MS = 35_000;

export const noFaults = (): FaultCounts => ({
	serverError: 0,
	rateLimitBurst: 0,
	burstRateLimited: 0,
	reset: 0,
	slow: 0,
	lostCreate: 0,
	outage: 0,
	retried: 0,
});

export type FaultKind =
	| 'serverError'
	| 'rateLimitBurst'
	| 'reset'
	| 'slow'
	| 'lostCreate'
	| 'outage';

export class FaultInjector {
	readonly counts: FaultCounts = noFaults();
	private options: FaultOptions | undefined;
	private random: () => number = Math.random;
	private burstLeft = 0;
	private requestsSeen = 0;
	private readonly heldResponses = new Set<NodeJS.Timeout>();
	/** Requests whose last attempt met a fault, by method, URL and body. */
	private readonly faulted = new Set<string>();

	constructor(private readonly vendor: VendorFaults) {}

	/** Turns the fault mode on with a fresh PRNG from `options.seed` (and zeroed counts), or off with `undefined`. */
	configure(options: FaultOptions | undefined) {
		this.options = options;
		this.random = options ? seededRandom(options.seed) : Math.random;
		this.burstLeft = 0;
		this.requestsSeen = 0;
		this.faulted.clear();
		Object.assign(this.counts, noFaults());
	}

	/** The fault for the next request (creates can also lose their response); advances the PRNG once. */
	decide(isCreate: boolean): FaultKind | undefined {
		const options = this.options;
		if (!options) return undefined;
		this.requestsSeen++;
		const outage = options.outage;
		if (
			outage &&
			this.requestsSeen > outage.after &&
			this.requestsSeen <= outage.after + outage.requests
		)
			return 'outage';
		if (this.burstLeft > 0) {
			this.burstLeft--;
			return 'rateLimitBurst';
		}
		const draw = this.random();
		let threshold = 0;
		const kinds: Array<[FaultKind, number | undefined]> = [
			['serverError', options.rate5xx],
			['rateLimitBurst', options.rate429Burst],
			['reset', options.rateReset],
			['slow', this.counts.slow < (options.maxSlow ?? Infinity) ? options.rateSlow : 0],
			['lostCreate', isCreate ? options.rateLostCreate : 0],
		];
		for (const [kind, rate] of kinds) {
			threshold += rate ?? 0;
			if (draw < threshold) {
				if (kind === 'rateLimitBurst') {
					this.counts.rateLimitBurst++;
					this.burstLeft = (options.burstLength ?? DEFAULT_BURST_LENGTH) - 1;
				}
				return kind;
			}
		}
		return undefined;
	}

	/** Express middleware: mount it after authentication, so only authenticated API requests meet faults. */
	middleware(): RequestHandler {
		return (req: Request, res: Response, next: NextFunction) => {
			const fault = this.decide(this.vendor.isCreate(req));
			if (this.options) this.noteRetry(req, fault !== undefined);
			switch (fault) {
				case undefined:
					return next();
				case 'serverError': {
					this.counts.serverError++;
					// A second draw picks the status, so the fault sequence stays a function of the seed alone.
					return this.vendor.serverError(
						res,
						SERVER_ERRORS[Math.floor(this.random() * SERVER_ERRORS.length)],
					);
				}
				case 'outage':
					this.counts.outage++;
					return this.vendor.serverError(res, 503);
				case 'rateLimitBurst':
					this.counts.burstRateLimited++;
					return this.vendor.tooManyRequests(res);
				case 'reset':
					this.counts.reset++;
					req.socket.destroy();
					return;
				case 'slow':
					this.holdResponse(res);
					return next();
				case 'lostCreate':
					this.loseSuccessfulResponse(res);
					return next();
			}
		};
	}

	/** Clears responses still held back (call before closing the server). */
	dispose() {
		for (const timer of this.heldResponses) clearTimeout(timer);
		this.heldResponses.clear();
	}

	private noteRetry(req: Request, faulted: boolean) {
		// Multipart bodies are not parsed yet at this point; method and URL tell those retries apart well enough.
		const key = `${req.method} ${req.originalUrl} ${req.body === undefined ? '' : JSON.stringify(req.body)}`;
		if (this.faulted.delete(key)) this.counts.retried++;
		if (faulted) this.faulted.add(key);
	}

	private holdResponse(res: Response) {
		this.counts.slow++;
		const end = res.end.bind(res) as (...args: unknown[]) => Response;
		const slowMs = this.options?.slowMs ?? DEFAULT_SLOW_MS;
		res.end = ((...args: unknown[]) => {
			const timer = setTimeout(() => {
				this.heldResponses.delete(timer);
				if (!res.socket?.destroyed) end(...args);
			}, slowMs);
			this.heldResponses.add(timer);
			return res;
		}) as Response['end'];
	}

	private loseSuccessfulResponse(res: Response) {
		const end = res.end.bind(res) as (...args: unknown[]) => Response;
		res.end = ((...args: unknown[]) => {
			if (res.statusCode >= 300) return end(...args);
			this.counts.lostCreate++;
			res.socket?.destroy();
			return res;
		}) as Response['end'];
	}
}
