/**
 * A stateful local simulator of the Lever Data API v1 (https://api.lever.co/v1) for tests, benches and manual runs.
 * It behaves like Lever where it matters to a client: auth failures, per-credential token-bucket rate limiting,
 * opaque cursor pagination, `{code, message}` errors, Lever-signed webhook deliveries. See README.md for the ⚠ choices.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';

import express, { type Request } from 'express';
import multer from 'multer';

import { ALL_SCOPES, AuthRegistry, TokenBuckets, type Principal } from './auth';
import { LeverError } from './errors';
import { errorHandler, sendError, uploadedFiles } from './http';
import { CursorRegistry } from './listing';
import type { ResolvedOptions, SimContext } from './model';
import { activityRoutes } from './routes/activity';
import { formRoutes } from './routes/forms';
import { interviewRoutes } from './routes/interviews';
import { oauthRoutes } from './routes/oauth';
import { opportunityRoutes } from './routes/opportunities';
import { referenceRoutes } from './routes/reference';
import { requisitionRoutes } from './routes/requisitions';
import { webhookRoutes } from './routes/webhooks';
import { createSeedState, LEVER_SEED, type LeverSeed } from './seed';
import { FaultInjector, type FaultCounts, type FaultOptions } from '../faults';
import type { LeverState } from './types';
import {
	newSignatureToken,
	WebhookDispatcher,
	type DeliveryResult,
	type SendWebhookOptions,
} from './webhooks';

export { LEVER_SEED, createSeedState, postingDerivedTags, type LeverSeed } from './seed';
export { signLever } from './webhooks';
export type * from './types';

export interface LeverSimulatorOptions {
	/** 0 (default) picks a free port */
	port?: number;
	/** default 10 req/s steady, burst 20, one bucket per API key / access token; false disables */
	rateLimit?: { ratePerSecond: number; burst: number } | false;
	/** send Retry-After on 429 (Lever does not document one; default false) */
	retryAfterHeader?: boolean;
	/** 'webhook' (default): each API-created webhook gets its own signature token; 'account': one token for all */
	webhookTokenScope?: 'webhook' | 'account';
	/** deliver webhook events for state changes made through the API (stage, archive, create, contact update); default false */
	autoWebhooks?: boolean;
	/** clock for rate limiting, token expiry and timestamps; default Date.now */
	now?: () => number;
	/** upload cap for files and resumes; default 30 MB like Lever */
	maxUploadBytes?: number;
	/** waits between delivery retries; Lever retries 5 times with growing intervals, default [10,20,40,80,160] ms */
	webhookRetryDelaysMs?: number[];
	/** seeded fault injection on authenticated API requests (see ../faults.ts); default off */
	faults?: FaultOptions;
	/**
	 * Also take plain-http webhook URLs to a loopback host (test receivers have no TLS). Default false: like Lever, only
	 * https URLs are taken (see ../webhookUrls.ts).
	 */
	allowInsecureWebhookUrls?: boolean;
	/**
	 * Shape of the `POST /webhooks` answer: 'recorded' (default) `{data: {…}}` as a sandbox recording shows, or
	 * 'documented' `{data: {data: {…}}}` as Lever's docs example shows (README: docs vs recordings).
	 */
	webhookCreateShape?: 'recorded' | 'documented';
	/**
	 * Whether a Super Admin turned on "API management of requisitions" (default true); without it requisition and
	 * requisition field writes answer 403.
	 */
	requisitionApiManagement?: boolean;
}

export interface LoggedRequest {
	method: string;
	/** full path, e.g. /v1/opportunities */
	path: string;
	query: Record<string, unknown>;
	body: unknown;
	status: number;
	auth: 'basic' | 'bearer' | 'none';
}

export interface LeverSimulator {
	/** 'http://127.0.0.1:<port>/v1' */
	baseUrl: string;
	oauth: {
		authorizeUrl: string;
		tokenUrl: string;
		clientId: string;
		clientSecret: string;
		audience: string;
	};
	/** valid key with every permission and confidential access */
	apiKey: string;
	/** valid key without write permission on opportunities, requisitions and users, and without confidential access */
	limitedApiKey: string;
	seed: LeverSeed;
	state: LeverState;
	/** every request, without auth headers or OAuth secrets */
	requests: LoggedRequest[];
	/** 429s sent so far */
	rateLimited: number;
	/** signing key for sendWebhook({to}) to an unregistered URL, and for every webhook when webhookTokenScope is 'account' */
	accountSignatureToken: string;
	issueAccessToken(): string;
	sendWebhook(
		event: string,
		data: Record<string, unknown>,
		options?: SendWebhookOptions,
	): Promise<DeliveryResult[]>;
	/** answer the next `count` authenticated API requests with `status` (default 503, Lever's maintenance answer) */
	failNext(count: number, status?: 500 | 502 | 503 | 504): void;
	/** faults injected since the fault mode was last configured, by kind */
	faults: FaultCounts;
	/** turn the seeded fault mode on (fresh PRNG from `options.seed`, counts zeroed) or off (`undefined`) */
	setFaults(options: FaultOptions | undefined): void;
	reset(): void;
	close(): Promise<void>;
}

/** Creates a client cannot repeat safely: a lost response leaves it guessing whether the record exists. */
const CREATE_PATHS =
	/^\/(opportunities(\/[^/]+\/(notes|files|feedback|forms|panels|interviews))?|postings|requisitions|users)\/?$/;

const FAILURE_CODES: Record<number, [string, string]> = {
	500: ['InternalServerError', 'An unexpected error occurred.'],
	502: ['BadGateway', 'Bad gateway.'],
	503: [
		'ServiceUnavailable',
		'Lever is temporarily unavailable for maintenance. Please retry with exponential backoff.',
	],
	504: ['GatewayTimeout', 'The request timed out.'],
};

/** OAuth secrets never reach the request log. */
const REDACTED_FORM_FIELDS = ['client_secret', 'code', 'refresh_token'];

function loggedBody(req: Request): unknown {
	if (req.body === undefined) return undefined;
	if (req.originalUrl.split('?')[0] === '/oauth/token' && typeof req.body === 'object') {
		const body: Record<string, unknown> = { ...req.body };
		for (const field of REDACTED_FORM_FIELDS) if (field in body) body[field] = '[redacted]';
		return body;
	}
	const files = uploadedFiles(req);
	if (files.length === 0) return req.body;
	return {
		...req.body,
		files: files.map((file) => ({
			field: file.fieldname,
			name: file.originalname,
			size: file.size,
		})),
	};
}

function authKind(req: Request): LoggedRequest['auth'] {
	const header = req.headers.authorization ?? '';
	if (/^basic /i.test(header)) return 'basic';
	if (/^bearer /i.test(header)) return 'bearer';
	return 'none';
}

export async function startLeverSimulator(
	options: LeverSimulatorOptions = {},
): Promise<LeverSimulator> {
	const now = options.now ?? Date.now;
	const resolved: ResolvedOptions = {
		rateLimit:
			options.rateLimit === undefined ? { ratePerSecond: 10, burst: 20 } : options.rateLimit,
		retryAfterHeader: options.retryAfterHeader ?? false,
		webhookTokenScope: options.webhookTokenScope ?? 'webhook',
		autoWebhooks: options.autoWebhooks ?? false,
		maxUploadBytes: options.maxUploadBytes ?? 30 * 1024 * 1024,
		webhookRetryDelaysMs: options.webhookRetryDelaysMs ?? [10, 20, 40, 80, 160],
		allowInsecureWebhookUrls: options.allowInsecureWebhookUrls ?? false,
		webhookCreateShape: options.webhookCreateShape ?? 'recorded',
		requisitionApiManagement: options.requisitionApiManagement ?? true,
	};
	let origin = '';
	const state = createSeedState();
	const requests: LoggedRequest[] = [];
	let rateLimited = 0;
	let failures: { remaining: number; status: number } = { remaining: 0, status: 503 };
	const cursors = new CursorRegistry();
	const auth = new AuthRegistry(now, 'https://auth.lever.co/', () => `${origin}/v1/`);
	const buckets = resolved.rateLimit
		? new TokenBuckets(resolved.rateLimit.ratePerSecond, resolved.rateLimit.burst, now)
		: undefined;
	const tooManyRequests = () =>
		new LeverError(
			429,
			'TooManyRequests',
			'Rate limit exceeded: 10 requests per second per API key (bursts up to 20). Retry with exponential backoff.',
		);
	const faults = new FaultInjector({
		serverError: (res, status) => {
			const [code, message] = FAILURE_CODES[status];
			sendError(res, new LeverError(status, code, message));
		},
		tooManyRequests: (res) => {
			if (resolved.retryAfterHeader) res.setHeader('Retry-After', '1');
			sendError(res, tooManyRequests());
		},
		isCreate: (req) => req.method === 'POST' && CREATE_PATHS.test(req.path),
	});
	faults.configure(options.faults);

	let dispatcher: WebhookDispatcher;
	const ctx: SimContext = {
		state,
		options: resolved,
		now,
		baseUrl: () => `${origin}/v1`,
		cursors,
		auth,
		accountSignatureToken: newSignatureToken(),
		emit: (event, data) => {
			if (resolved.autoWebhooks) dispatcher.sendInBackground(event, data);
		},
	};
	dispatcher = new WebhookDispatcher(ctx);

	auth.addApiKey(LEVER_SEED.apiKey, { confidential: true });
	auth.addApiKey(LEVER_SEED.limitedApiKey, {
		confidential: false,
		denied: ['opportunities:write', 'requisitions:write', 'users:write'],
	});

	const upload = multer({
		storage: multer.memoryStorage(),
		limits: { fileSize: resolved.maxUploadBytes },
	});
	const app = express();
	app.disable('x-powered-by');
	app.set('etag', false);
	app.use((req, res, next) => {
		// Headers seen on real Data API responses.
		res.setHeader('server', 'lever-data-api');
		res.setHeader('x-lever-region', 'global');
		res.setHeader('x-stream-path', 'dapi');
		res.on('finish', () => {
			requests.push({
				method: req.method,
				path: req.originalUrl.split('?')[0],
				query: { ...req.query },
				body: loggedBody(req),
				status: res.statusCode,
				auth: authKind(req),
			});
		});
		next();
	});

	const oauthClient = {
		clientId: LEVER_SEED.oauthClientId,
		clientSecret: LEVER_SEED.oauthClientSecret,
		audiences: [] as string[],
	};
	app.use('/oauth', oauthRoutes(auth, oauthClient));

	const api = express.Router();
	api.use(express.json({ limit: '35mb' }));
	api.use((req, res, next) => {
		let principal: Principal;
		try {
			principal = auth.authenticate(req.headers.authorization);
		} catch (error) {
			return sendError(res, error as LeverError);
		}
		res.locals.principal = principal;
		if (buckets) {
			const waitSeconds = buckets.take(principal.bucketKey);
			if (waitSeconds > 0) {
				rateLimited++;
				if (resolved.retryAfterHeader)
					res.setHeader('Retry-After', String(Math.max(1, Math.ceil(waitSeconds))));
				return sendError(res, tooManyRequests());
			}
		}
		if (failures.remaining > 0) {
			failures.remaining--;
			const [code, message] = FAILURE_CODES[failures.status];
			return sendError(res, new LeverError(failures.status, code, message));
		}
		next();
	});
	api.use(faults.middleware());
	api.use(opportunityRoutes(ctx, upload));
	api.use(activityRoutes(ctx, upload));
	api.use(interviewRoutes(ctx));
	api.use(formRoutes(ctx));
	api.use(referenceRoutes(ctx));
	api.use(requisitionRoutes(ctx));
	api.use(webhookRoutes(ctx));
	app.use('/v1', api);
	app.use((req, res) =>
		sendError(
			res,
			new LeverError(404, 'ResourceNotFound', `Resource not found: ${req.method} ${req.path}`),
		),
	);
	app.use(errorHandler);

	const server: Server = await new Promise((resolve, reject) => {
		const listening = app.listen(options.port ?? 0, '127.0.0.1', () => resolve(listening));
		listening.once('error', reject);
	});
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const audience = `${origin}/v1/`;
	oauthClient.audiences.push(
		audience,
		'https://api.lever.co/v1/',
		'https://api.sandbox.lever.co/v1/',
	);

	return {
		baseUrl: ctx.baseUrl(),
		oauth: {
			authorizeUrl: `${origin}/oauth/authorize`,
			tokenUrl: `${origin}/oauth/token`,
			clientId: LEVER_SEED.oauthClientId,
			clientSecret: LEVER_SEED.oauthClientSecret,
			audience,
		},
		apiKey: LEVER_SEED.apiKey,
		limitedApiKey: LEVER_SEED.limitedApiKey,
		seed: LEVER_SEED,
		state,
		requests,
		get rateLimited() {
			return rateLimited;
		},
		accountSignatureToken: ctx.accountSignatureToken,
		issueAccessToken: () => auth.issueTokens(LEVER_SEED.oauthClientId, ALL_SCOPES).accessToken,
		sendWebhook: (event, data, sendOptions) => dispatcher.send(event, data, sendOptions),
		failNext: (count, status = 503) => {
			failures = { remaining: count, status };
		},
		faults: faults.counts,
		setFaults: (faultOptions) => faults.configure(faultOptions),
		reset: () => {
			Object.assign(state, createSeedState());
			requests.length = 0;
			rateLimited = 0;
			failures = { remaining: 0, status: 503 };
			buckets?.clear();
			cursors.clear();
		},
		close: async () => {
			faults.dispose();
			await dispatcher.drain();
			await new Promise<void>((resolve, reject) => {
				server.close((error) => (error ? reject(error) : resolve()));
				server.closeAllConnections();
			});
		},
	};
}
