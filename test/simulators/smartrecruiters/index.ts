/**
 * Stateful local simulator of the SmartRecruiters APIs, mounted at their real base paths, that checks every request
 * and response against SmartRecruiters' own OpenAPI description (spec.ts; deviations in spec-exceptions.ts).
 *
 * Order of a request: record (+ find the spec operation) → OAuth token endpoint | (X-SmartToken / Bearer auth →
 * per-credential rate limits → OAuth scopes / user role → spec check of parameters and body, 400 like the real API →
 * route). After the response: spec check of the body, entry in `requests` (without secrets).
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';

import express, { type NextFunction, type Request, type Response } from 'express';
import multer from 'multer';

import { registerSecret } from '../../secrets/record';
import { sendError, type SimContext } from './context';
import { candidateRoutes } from './routes/candidates';
import { interviewRoutes, messageRoutes, reviewRoutes, userRoutes } from './routes/collaboration';
import { jobChangeRoutes } from './routes/job-changes';
import { configurationRoutes, jobRoutes } from './routes/jobs-config';
import { offerRoutes } from './routes/offers';
import {
	deliverEvent,
	SUBSCRIBE_OPERATION_ID,
	webhookRoutes,
	type DeliverEventOptions,
	type DeliveryResult,
	type WebhookOptions,
} from './routes/webhooks';
import { buildSeedState, SMARTRECRUITERS_SEED, type SmartRecruitersSeed } from './seed';
import { loadSpec, type SpecOperation } from './spec';
import { loopbackHttpAsHttps, TOKEN_ENDPOINT } from './spec-exceptions';
import type { SmartRecruitersState } from './types';
import { FaultInjector, type FaultCounts, type FaultOptions } from '../faults';

export { SMARTRECRUITERS_SEED, buildSeedState } from './seed';
export type { SmartRecruitersSeed } from './seed';
export type { SmartRecruitersState } from './types';
export { signatureHeader, signatureV1 } from './signature';

export interface RateLimitOptions {
	ratePerSecond: number;
	maxConcurrent: number;
	candidatesListConcurrent: number;
	/** Endpoints (`METHOD /base/path/{template}`) with a lower requests-per-second limit than `ratePerSecond`. */
	slowEndpoints: Record<string, number>;
}

export interface SmartRecruitersSimulatorOptions {
	port?: number;
	/** Per credential: requests per second per endpoint, concurrent requests, concurrent `GET /candidates`. `false` = off. */
	rateLimit?: Partial<RateLimitOptions> | false;
	/** ⚠ Access-token lifetime in seconds: help center says 30 min, a sandbox write-up shows 3600. Default 1800. */
	tokenExpiresIn?: number;
	/** ⚠ Whether talent-pool-only candidates (no job application) appear in `GET /candidates`. Default false (the spec's wording). */
	talentPoolInSearch?: boolean;
	/** Delay of `GET /candidates` (ms) so concurrent searches really overlap. Default 25. */
	candidatesSearchLatencyMs?: number;
	/** Handshake/delivery timeouts, retry schedule and event versions (see WebhookOptions). */
	webhooks?: Partial<WebhookOptions>;
	/** Scopes an OAuth token gets when the token request names none (the app's default scopes). Default: all. */
	oauthScopes?: string[];
	/** Deliver the webhooks the real API sends for changes made through this API (candidate.*, application.*). Default false. */
	autoEvents?: boolean;
	/** Seeded fault injection on authenticated API requests (see ../faults.ts). Default off. */
	faults?: FaultOptions;
	/**
	 * Also take plain-http callback URLs to a loopback host (test receivers have no TLS). Default false: like
	 * SmartRecruiters, a callback URL that is not https is refused with 422 (see ../webhookUrls.ts).
	 */
	allowInsecureWebhookUrls?: boolean;
}

export interface SmartRecruitersRequestRecord {
	method: string;
	path: string;
	query: Record<string, unknown>;
	body: unknown;
	status: number;
	auth: 'token' | 'bearer' | 'none';
}

export interface ContractViolation {
	direction: 'request' | 'response';
	method: string;
	path: string;
	operation?: string;
	errors: string[];
}

export interface SmartRecruitersSimulator {
	baseUrl: string;
	apiKey: string;
	/** X-SmartToken of an EMPLOYEE-role user: reads work, writes and `GET /messages` answer 403 PERMISSION_DENIED. */
	restrictedApiKey: string;
	oauthClient: { clientId: string; clientSecret: string; tokenUrl: string };
	seed: SmartRecruitersSeed;
	state: SmartRecruitersState;
	requests: SmartRecruitersRequestRecord[];
	contractViolations: ContractViolation[];
	rateLimited: number;
	/** Faults injected since the fault mode was last configured, by kind. */
	faults: FaultCounts;
	/** Turns the seeded fault mode on (fresh PRNG from `options.seed`, counts zeroed) or off (`undefined`). */
	setFaults(options: FaultOptions | undefined): void;
	deliverEvent(
		eventName: string,
		payload: Record<string, unknown>,
		options?: DeliverEventOptions,
	): Promise<DeliveryResult[]>;
	/**
	 * An event that happens the moment a subscription to it becomes active: its first delivery attempt starts before
	 * the activation call is answered (signed with the keys the subscription has then). Once; `settled()` waits for it.
	 */
	deliverOnActivation(
		eventName: string,
		payload: Record<string, unknown>,
		options?: DeliverEventOptions,
	): void;
	/** Moves the simulator clock forward (token expiry, secret-key deprecation) without waiting. */
	advanceTime(ms: number): void;
	/** Resolves when every automatic delivery started so far (`autoEvents`) has finished, retries included. */
	settled(): Promise<void>;
	reset(): void;
	close(): Promise<void>;
}

/** D-RATE: 2 requests/s for publishing, unpublishing and downloading offer documents; 10 for the rest. */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = {
	ratePerSecond: 10,
	maxConcurrent: 8,
	candidatesListConcurrent: 1,
	slowEndpoints: {
		'POST /jobs/{jobId}/publication': 2,
		'DELETE /jobs/{jobId}/publication': 2,
		'GET /offers/{offerId}/documents/{documentId}': 2,
	},
};
/**
 * SmartRecruiters' re-delivery schedule in minutes: "up to 10 re-deliveries with backoff of 1, 3, 10, 45, 120 min …
 * up to 1440 min (24 h) after the 9th failure". ⚠ The docs name only those; the waits between 120 and 1440 are
 * filled in by doubling.
 */
export const SR_RETRY_MINUTES = [1, 3, 10, 45, 120, 240, 480, 960, 1440, 1440];
const DEFAULT_WEBHOOK_OPTIONS: WebhookOptions = {
	handshakeTimeoutMs: 20_000,
	deliveryTimeoutMs: 5_000,
	// The documented schedule with a minute compressed to a millisecond: 11 attempts over 4.7 s for a receiver that
	// stays down (tests of a longer outage pass a slower schedule).
	retryDelaysMs: SR_RETRY_MINUTES.map((minutes) => minutes),
	eventVersion: 'v201910',
	subscriptionEventVersion: 'v1',
};
const API_BASES = {
	webhooks: '/webhooks-api/v201907',
	interviews: '/interviews-api/v201904',
	reviews: '/reviews-api/v201910',
	users: '/user-api/v201804',
};
/**
 * Creates a client cannot repeat safely (candidates, notes, attachments, jobs, positions, departments, consent
 * requests, interviews, reviews): a lost response leaves it guessing.
 */
const CREATE_PATHS = new RegExp(
	'^/(candidates|jobs/[^/]+/candidates|candidates/[^/]+/jobs/[^/]+/attachments|candidates/[^/]+/attachments|messages/shares' +
		'|jobs|jobs/[^/]+/positions|configuration/departments|candidates/consent-requests|interviews-api/v201904/interviews|reviews-api/v201910/reviews)/?$',
);
/** ⚠ SmartRecruiters documents no codes for 5xx: the ErrorResponse codes here are the simulator's own. */
const SERVER_ERROR_CODES: Record<number, [string, string]> = {
	500: ['INTERNAL_ERROR', 'Internal server error'],
	502: ['BAD_GATEWAY', 'Bad gateway'],
	503: ['SERVICE_UNAVAILABLE', 'Service temporarily unavailable, retry later'],
	504: ['GATEWAY_TIMEOUT', 'Gateway timeout'],
};
const SECRET_FIELD = /secret|password|token|apikey|headervalue/i;

/** Copy of a request body for the log with every secret-looking field replaced. */
function redact(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(redact);
	if (!value || typeof value !== 'object') return value;
	return Object.fromEntries(
		Object.entries(value).map(([key, inner]) => [
			key,
			SECRET_FIELD.test(key) ? '[redacted]' : redact(inner),
		]),
	);
}

function hasRequestBody(req: Request): boolean {
	return (
		Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined
	);
}

export async function startSmartRecruitersSimulator(
	options: SmartRecruitersSimulatorOptions = {},
): Promise<SmartRecruitersSimulator> {
	const spec = loadSpec();
	const rateLimit =
		options.rateLimit === false ? false : { ...DEFAULT_RATE_LIMIT, ...options.rateLimit };
	const tokenExpiresIn = options.tokenExpiresIn ?? 1800;
	const webhookOptions: WebhookOptions = { ...DEFAULT_WEBHOOK_OPTIONS, ...options.webhooks };
	const seed = SMARTRECRUITERS_SEED;
	/** What the contract check sees of a body: with the insecure-URL option, loopback http reads as https. */
	const checked = (body: unknown) =>
		options.allowInsecureWebhookUrls ? loopbackHttpAsHttps(body) : body;

	let clockOffset = 0;
	let baseUrl = '';
	const tokens = new Map<string, { clientId: string; expiresAt: number; scopes: string[] }>();
	const defaultScopes = options.oauthScopes ?? spec.oauthScopes;
	const windows = new Map<string, number[]>();
	const inFlight = new Map<string, { total: number; candidateSearches: number }>();
	let deliveryQueue: Promise<void> = Promise.resolve();
	const dueOnActivation: Array<{
		eventName: string;
		payload: Record<string, unknown>;
		options?: DeliverEventOptions;
	}> = [];
	const activationDeliveries = new Set<Promise<unknown>>();

	const ctx: SimContext = {
		state: buildSeedState(),
		baseUrl: () => baseUrl,
		now: () => Date.now() + clockOffset,
		nowIso: () => new Date(Date.now() + clockOffset).toISOString(),
		actingUserId: seed.users.admin,
		// One event after the other, so receivers see changes in the order they happened (deterministic tests).
		emit: (eventName, payload) => {
			if (!options.autoEvents) return;
			deliveryQueue = deliveryQueue
				.then(() => simulator.deliverEvent(eventName, payload))
				.then(
					() => undefined,
					() => undefined,
				);
		},
	};

	const simulator = {
		baseUrl: '',
		apiKey: seed.apiKey,
		restrictedApiKey: seed.restrictedApiKey,
		oauthClient: {
			clientId: seed.oauthClient.clientId,
			clientSecret: seed.oauthClient.clientSecret,
			tokenUrl: '',
		},
		seed,
		state: ctx.state,
		requests: [] as SmartRecruitersRequestRecord[],
		contractViolations: [] as ContractViolation[],
		rateLimited: 0,
	} as SmartRecruitersSimulator;

	const faults = new FaultInjector({
		serverError: (res, status) => sendError(res, status, ...SERVER_ERROR_CODES[status]),
		tooManyRequests: (res) => {
			const limits = rateLimit || DEFAULT_RATE_LIMIT;
			setRateLimitHeaders(res, {
				limit: limits.ratePerSecond,
				remaining: 0,
				concurrentLimit: limits.maxConcurrent,
				concurrentRemaining: limits.maxConcurrent,
			});
			sendError(
				res,
				429,
				'TOO_MANY_REQUESTS',
				`Rate limit exceeded: more than ${limits.ratePerSecond} requests per second`,
			);
		},
		isCreate: (req) => req.method === 'POST' && CREATE_PATHS.test(req.path),
	});
	faults.configure(options.faults);
	simulator.faults = faults.counts;
	simulator.setFaults = (faultOptions) => faults.configure(faultOptions);

	const app = express();
	app.disable('x-powered-by');
	app.set('etag', false);
	// Repeated parameters (`status=NEW&status=LEAD`) become arrays, nothing else is interpreted (like the real API).
	app.set('query parser', 'simple');

	// Record every exchange and check the response once it is sent.
	app.use((req: Request, res: Response, next: NextFunction) => {
		const originalJson = res.json.bind(res);
		res.json = (body: unknown) => {
			res.locals.jsonBody = body;
			return originalJson(body);
		};
		const originalSend = res.send.bind(res);
		res.send = (body?: unknown) => {
			if (res.locals.jsonBody === undefined && body !== undefined) res.locals.rawBody = true;
			return originalSend(body);
		};
		const authorization = req.get('authorization') ?? '';
		res.locals.auth =
			req.get('x-smarttoken') !== undefined
				? 'token'
				: /^bearer\s/i.test(authorization)
					? 'bearer'
					: 'none';
		// Mounted routers rewrite req.url; keep the path the client asked for.
		const path = req.path;
		// Known before auth so that 401s and 429s are checked against the spec too.
		res.locals.operation = spec.findOperation(req.method, path).operation;
		res.on('finish', () => afterResponse(req, res, path));
		next();
	});

	function afterResponse(req: Request, res: Response, path: string) {
		simulator.requests.push({
			method: req.method,
			path,
			query: { ...req.query },
			body: res.locals.loggedBody ?? (hasRequestBody(req) ? redact(req.body) : undefined),
			status: res.statusCode,
			auth: res.locals.auth,
		});
		const contentType = String(res.getHeader('content-type') ?? '') || undefined;
		const body = res.locals.jsonBody ?? (res.locals.rawBody ? '(binary)' : undefined);
		let errors: string[] = [];
		let operationId: string | undefined;
		if (path === TOKEN_ENDPOINT.path) {
			errors = spec.checkTokenResponse(res.statusCode, body);
			operationId = 'identity.oauth.token';
		} else {
			const operation = res.locals.operation as SpecOperation | undefined;
			if (!operation) return;
			operationId = operation.operationId;
			errors = spec.checkResponse(operation, res.statusCode, contentType, checked(body));
		}
		if (errors.length)
			simulator.contractViolations.push({
				direction: 'response',
				method: req.method,
				path,
				operation: operationId,
				errors,
			});
	}

	app.post(TOKEN_ENDPOINT.path, express.urlencoded({ extended: false }), (req, res) => {
		res.locals.loggedBody = hasRequestBody(req) ? redact(req.body) : undefined;
		// D-RATE: the headers are on every response, the token endpoint's included (it is not limited here).
		setRateLimitHeaders(res, undefined);
		if (!req.is('application/x-www-form-urlencoded')) {
			simulator.contractViolations.push({
				direction: 'request',
				method: req.method,
				path: req.path,
				operation: 'identity.oauth.token',
				errors: [
					`token request must be application/x-www-form-urlencoded, got ${req.get('content-type') ?? 'no content type'}`,
				],
			});
			return res
				.status(400)
				.json({ error: 'invalid_request', error_description: 'Expected a form-urlencoded body' });
		}
		const form = req.body as Record<string, string | undefined>;
		// Client authentication in the body (documented) or as HTTP Basic (RFC 6749 client_secret_basic).
		let clientId = form.client_id;
		let clientSecret = form.client_secret;
		const basic = /^basic\s+(.+)$/i.exec(req.get('authorization') ?? '');
		if (basic) {
			const [id, ...rest] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
			clientId = decodeURIComponent(id);
			clientSecret = decodeURIComponent(rest.join(':'));
		}
		if (form.grant_type !== 'client_credentials') {
			return res.status(400).json({
				error: 'unsupported_grant_type',
				error_description: 'Only grant_type=client_credentials is supported',
			});
		}
		if (clientId !== seed.oauthClient.clientId || clientSecret !== seed.oauthClient.clientSecret) {
			return res
				.status(401)
				.json({ error: 'invalid_client', error_description: 'Bad client credentials' });
		}
		// Omitted `scope` = the app's default scopes; an empty one is invalid (D-SCOPES).
		const scopes =
			form.scope === undefined ? defaultScopes : form.scope.split(/\s+/).filter(Boolean);
		const unknown = scopes.filter((scope) => !spec.oauthScopes.includes(scope));
		if (!scopes.length || unknown.length) {
			return res.status(400).json({
				error: 'invalid_scope',
				error_description: unknown.length
					? `Unknown scopes: ${unknown.join(' ')}`
					: 'scope must not be empty',
			});
		}
		const accessToken = randomBytes(24).toString('base64url');
		tokens.set(accessToken, { clientId, expiresAt: ctx.now() + tokenExpiresIn * 1000, scopes });
		registerSecret('SmartRecruiters simulator OAuth access token', accessToken, 'issued');
		return res.json({
			access_token: accessToken,
			token_type: 'Bearer',
			expires_in: tokenExpiresIn,
			scope: scopes.join(' '),
		});
	});

	// Authentication: X-SmartToken (API key) or a client-credentials access token.
	app.use((req: Request, res: Response, next: NextFunction) => {
		const unauthorized = (message: string) => {
			setRateLimitHeaders(res, undefined);
			sendError(res, 401, 'UNAUTHORIZED', message);
		};
		const apiKey = req.get('x-smarttoken');
		if (apiKey !== undefined) {
			const userId =
				apiKey === seed.apiKey
					? seed.users.admin
					: apiKey === seed.restrictedApiKey
						? seed.users.interviewer
						: undefined;
			if (!userId) return unauthorized('Invalid X-SmartToken');
			res.locals.credential = `key:${userId}`;
			res.locals.userId = userId;
			return next();
		}
		const bearer = /^bearer\s+(.+)$/i.exec(req.get('authorization') ?? '');
		if (bearer) {
			const token = tokens.get(bearer[1].trim());
			if (!token) return unauthorized('Invalid access token');
			if (token.expiresAt <= ctx.now()) return unauthorized('Access token expired');
			res.locals.credential = `oauth:${token.clientId}`;
			res.locals.scopes = token.scopes;
			return next();
		}
		unauthorized(
			'Authentication required: send X-SmartToken or Authorization: Bearer <access token>',
		);
	});

	function setRateLimitHeaders(
		res: Response,
		values:
			| { limit: number; remaining: number; concurrentLimit: number; concurrentRemaining: number }
			| undefined,
	) {
		const limits = rateLimit || DEFAULT_RATE_LIMIT;
		res.setHeader('X-RateLimit-Limit', String(values?.limit ?? limits.ratePerSecond));
		res.setHeader('X-RateLimit-Remaining', String(values?.remaining ?? limits.ratePerSecond));
		res.setHeader(
			'X-RateLimit-Concurrent-Limit',
			String(values?.concurrentLimit ?? limits.maxConcurrent),
		);
		res.setHeader(
			'X-RateLimit-Concurrent-Remaining',
			String(values?.concurrentRemaining ?? limits.maxConcurrent),
		);
	}

	// Rate limits per credential: requests per second per endpoint, concurrent requests, 1 concurrent candidate search.
	app.use((req: Request, res: Response, next: NextFunction) => {
		const operation = res.locals.operation as SpecOperation | undefined;
		const credential = res.locals.credential as string;
		const endpoint = `${req.method} ${operation ? `${operation.basePath}${operation.pathTemplate}` : req.path}`;
		const isCandidateSearch =
			req.method === 'GET' && operation?.operationId === 'Candidates_searchResults';
		const limits = rateLimit || DEFAULT_RATE_LIMIT;
		const concurrentLimit = isCandidateSearch
			? limits.candidatesListConcurrent
			: limits.maxConcurrent;
		const now = Date.now();
		const windowKey = `${credential} ${endpoint}`;
		const hits = (windows.get(windowKey) ?? []).filter((at) => at > now - 1000);
		windows.set(windowKey, hits);
		const endpointRate = rateLimit
			? (rateLimit.slowEndpoints[endpoint] ?? rateLimit.ratePerSecond)
			: limits.ratePerSecond;
		const flight = inFlight.get(credential) ?? { total: 0, candidateSearches: 0 };
		inFlight.set(credential, flight);
		const busy = isCandidateSearch ? flight.candidateSearches : flight.total;
		if (
			rateLimit &&
			(hits.length >= endpointRate ||
				flight.total >= rateLimit.maxConcurrent ||
				busy >= concurrentLimit)
		) {
			simulator.rateLimited++;
			setRateLimitHeaders(res, {
				limit: endpointRate,
				remaining: Math.max(0, endpointRate - hits.length),
				concurrentLimit,
				concurrentRemaining: Math.max(0, concurrentLimit - busy),
			});
			const reason =
				hits.length >= endpointRate
					? `more than ${endpointRate} requests per second to ${endpoint}`
					: `more than ${concurrentLimit} concurrent requests`;
			// ⚠ No error code is documented for 429; no Retry-After header is documented either.
			return sendError(res, 429, 'TOO_MANY_REQUESTS', `Rate limit exceeded: ${reason}`);
		}
		hits.push(now);
		flight.total++;
		if (isCandidateSearch) flight.candidateSearches++;
		setRateLimitHeaders(res, {
			limit: endpointRate,
			remaining: Math.max(0, endpointRate - hits.length),
			concurrentLimit,
			concurrentRemaining: Math.max(
				0,
				concurrentLimit - (isCandidateSearch ? flight.candidateSearches : flight.total),
			),
		});
		let released = false;
		res.on('close', () => {
			if (released) return;
			released = true;
			flight.total--;
			if (isCandidateSearch) flight.candidateSearches--;
		});
		next();
	});

	// Faults (when on) meet authenticated requests that passed the real limits: a held or lost response keeps its slot.
	app.use(faults.middleware());

	// Permissions: OAuth scopes per operation (spec `security`), and the restricted user's role.
	app.use((req: Request, res: Response, next: NextFunction) => {
		const operation = res.locals.operation as SpecOperation | undefined;
		const scopes = res.locals.scopes as string[] | undefined;
		if (
			operation &&
			scopes &&
			operation.oauthScopes.length &&
			!operation.oauthScopes.some((scope) => scopes.includes(scope))
		) {
			// ⚠ Documented only as "OAuthPermissionsException"; the ErrorResponse code is the simulator's.
			return sendError(
				res,
				403,
				'PERMISSION_DENIED',
				`OAuthPermissionsException: this token lacks the scope ${operation.oauthScopes.join(' or ')}`,
			);
		}
		if (res.locals.userId === seed.users.interviewer) {
			const adminOnly = operation?.operationId === 'Messages_getByCandidateAndJobId';
			if (req.method !== 'GET' || adminOnly) {
				return sendError(
					res,
					403,
					'PERMISSION_DENIED',
					`The user of this credential (EMPLOYEE role) is not permitted to ${req.method} ${req.path}`,
				);
			}
		}
		next();
	});

	// Bodies: JSON (incl. json-patch), multipart for attachments.
	const upload = multer({
		storage: multer.memoryStorage(),
		limits: { fileSize: 20 * 1024 * 1024 },
	}).single('file');
	app.use(express.json({ type: ['application/json', 'application/*+json'], limit: '20mb' }));
	app.use((req: Request, res: Response, next: NextFunction) =>
		req.is('multipart/form-data') ? upload(req, res, next) : next(),
	);

	// Contract check of the request; what the real API would reject gets its 400 (422 for subscription data).
	app.use((req: Request, res: Response, next: NextFunction) => {
		const multipart = Boolean(req.is('multipart/form-data'));
		const body = multipart
			? { ...(req.body as object), ...(req.file ? { file: '(binary)' } : {}) }
			: hasRequestBody(req)
				? req.body
				: undefined;
		if (multipart)
			res.locals.loggedBody = {
				...(req.body as object),
				...(req.file ? { file: { name: req.file.originalname, size: req.file.size } } : {}),
			};
		const check = spec.checkRequest({
			method: req.method,
			path: req.path,
			query: req.query as Record<string, unknown>,
			headers: req.headers,
			contentType: req.get('content-type'),
			body: checked(body),
		});
		const problems = [...check.errors, ...check.warnings];
		if (problems.length) {
			simulator.contractViolations.push({
				direction: 'request',
				method: req.method,
				path: req.path,
				operation: check.operation?.operationId,
				errors: problems,
			});
		}
		if (check.operation && check.errors.length) {
			// Operations that document 422 for failed input validation (jobs, interviews, reviews) or for subscription
			// data answer 422; the others 400.
			const validation422 = /input validation fails/i.test(
				check.operation.responses['422']?.description ?? '',
			);
			const status =
				validation422 || check.operation.operationId === SUBSCRIBE_OPERATION_ID ? 422 : 400;
			// ⚠ SmartRecruiters validates against the same spec; the exact code of such errors is not documented.
			res.status(status).json({
				message: `Invalid request for ${check.operation.operationId}`,
				errors: check.errors.map((message) => ({ code: 'VALIDATION_ERROR', message })),
			});
			return;
		}
		next();
	});

	const deliverDueEvents = (subscription: { events: string[] }) => {
		for (const due of dueOnActivation.filter((event) =>
			subscription.events.includes(event.eventName),
		)) {
			dueOnActivation.splice(dueOnActivation.indexOf(due), 1);
			const delivery = simulator
				.deliverEvent(due.eventName, due.payload, due.options)
				.catch(() => undefined);
			activationDeliveries.add(delivery);
			void delivery.finally(() => activationDeliveries.delete(delivery));
		}
	};
	app.use(
		API_BASES.webhooks,
		webhookRoutes(ctx, webhookOptions, (res) => res.locals.credential as string, deliverDueEvents),
	);
	app.use(API_BASES.interviews, interviewRoutes(ctx));
	app.use(API_BASES.reviews, reviewRoutes(ctx));
	app.use(API_BASES.users, userRoutes(ctx));
	app.use(
		candidateRoutes(ctx, {
			talentPoolInSearch: options.talentPoolInSearch ?? false,
			searchLatencyMs: options.candidatesSearchLatencyMs ?? 25,
		}),
	);
	app.use(jobRoutes(ctx));
	app.use(
		jobChangeRoutes(ctx, {
			checkJobInput: (view) => spec.validateNamed('JobInput', view, 'request'),
		}),
	);
	app.use(offerRoutes(ctx));
	app.use(configurationRoutes(ctx));
	app.use(messageRoutes(ctx));

	app.use((req: Request, res: Response) =>
		sendError(res, 404, 'NOT_FOUND', `No route ${req.method} ${req.path}`),
	);
	// Malformed JSON, multipart problems: answered like the API (400 ErrorResponse), never a 500 with a stack.
	app.use(
		(
			error: Error & { type?: string; status?: number },
			_req: Request,
			res: Response,
			_next: NextFunction,
		) => {
			if (error.type === 'entity.parse.failed')
				return sendError(res, 400, 'INVALID_JSON', 'Request body is not valid JSON');
			if (error instanceof multer.MulterError)
				return sendError(res, 400, 'INVALID_FILE', `Invalid multipart upload: ${error.message}`);
			sendError(
				res,
				error.status && error.status < 500 ? error.status : 500,
				'INTERNAL_ERROR',
				error.message,
			);
		},
	);

	const server: Server = await new Promise((resolve) => {
		const listening = app.listen(options.port ?? 0, '127.0.0.1', () => resolve(listening));
	});
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	simulator.baseUrl = baseUrl;
	simulator.oauthClient.tokenUrl = `${baseUrl}${TOKEN_ENDPOINT.path}`;

	simulator.deliverEvent = (eventName, payload, deliverOptions) =>
		deliverEvent(
			{
				ctx,
				spec,
				options: webhookOptions,
				reportViolation: (violation) => simulator.contractViolations.push(violation),
			},
			eventName,
			payload,
			deliverOptions,
		);
	simulator.deliverOnActivation = (eventName, payload, deliverOptions) => {
		dueOnActivation.push({ eventName, payload, options: deliverOptions });
	};
	simulator.settled = async () => {
		let tail: Promise<void>;
		do {
			tail = deliveryQueue;
			await Promise.all([tail, ...activationDeliveries]);
		} while (tail !== deliveryQueue || activationDeliveries.size > 0);
	};
	simulator.advanceTime = (ms: number) => {
		clockOffset += ms;
	};
	simulator.reset = () => {
		// In place, so references to `sim.state` held by tests stay live.
		Object.assign(ctx.state, buildSeedState());
		simulator.requests.length = 0;
		simulator.contractViolations.length = 0;
		dueOnActivation.length = 0;
		simulator.rateLimited = 0;
		tokens.clear();
		windows.clear();
		clockOffset = 0;
	};
	simulator.close = async () => {
		faults.dispose();
		await simulator.settled();
		await new Promise<void>((resolve, reject) => {
			server.closeAllConnections();
			server.close((error) => (error ? reject(error) : resolve()));
		});
	};
	return simulator;
}
