/**
 * Webhooks API (`/webhooks-api/v201907`): subscriptions, the X-Hook-Secret activation handshake, secret keys with
 * 24 h deprecation, the callbacks log — and the outgoing, signed event deliveries with retries.
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

import express, { type Router } from 'express';

import { registerSecret } from '../../../secrets/record';
import {
	decodeCursor,
	encodeCursor,
	newId,
	queryInt,
	queryString,
	sendError,
	setNextLink,
	type SimContext,
} from '../context';
import { signatureHeader } from '../signature';
import type { SmartRecruitersSpec } from '../spec';
import type { SrCallbackAuthentication, SrDelivery, SrSubscription } from '../types';

export interface WebhookOptions {
	/** Activation handshake answer time (real: 20 s). */
	handshakeTimeoutMs: number;
	/** Delivery answer time (real: 5 s). */
	deliveryTimeoutMs: number;
	/** Waits before each re-delivery. Real: 1, 3, 10, 45, 120 min … 24 h (10 retries); compressed here. */
	retryDelaysMs: number[];
	/** ⚠ `event-version` header: the spec's signature example uses v201910 (fixtures show "v1" in subscriptions). */
	eventVersion: string;
	/** `version` of the `{name, version}` event objects of a subscription (recorded responses show "v1"). */
	subscriptionEventVersion: string;
}

export interface DeliveryResult {
	url: string;
	status: number;
	attempts: number;
}

export interface DeliverEventOptions {
	link?: string;
	eventId?: string;
	tamper?: boolean;
	timestamp?: number;
}

/** The subscription body check answers 422 (documented) instead of the generic 400. */
export const SUBSCRIBE_OPERATION_ID = 'Subscriptions_subscribeToWebhook';

const SUBSCRIPTIONS_PER_SUBSCRIBER = 20;
const SECRET_KEYS_LIMIT = 16;
const KEY_GRACE_MS = 24 * 60 * 60 * 1000;

export function validSecretKeys(ctx: SimContext, subscription: SrSubscription): string[] {
	const now = ctx.now();
	return subscription.secretKeys
		.filter((key) => key.deprecatedAt === undefined || key.deprecatedAt + KEY_GRACE_MS > now)
		.sort((a, b) => b.createdAt - a.createdAt)
		.map((key) => key.key);
}

function presentSubscription(subscription: SrSubscription, options: WebhookOptions) {
	return {
		id: subscription.id,
		callbackUrl: subscription.callbackUrl,
		events: subscription.events.map((name) => ({
			name,
			version: options.subscriptionEventVersion,
		})),
		status: subscription.status,
	};
}

/** Headers (and for oauth2 a fetched token) that `callbackAuthentication` adds to handshake and deliveries. */
async function callbackAuthHeaders(
	auth: SrCallbackAuthentication | undefined,
	timeoutMs: number,
): Promise<Record<string, string>> {
	if (!auth) return {};
	if (auth.type === 'basic')
		return {
			authorization: `Basic ${Buffer.from(`${auth.username ?? ''}:${auth.password ?? ''}`).toString('base64')}`,
		};
	if (auth.type === 'header' && auth.headerName)
		return { [auth.headerName]: auth.headerValue ?? '' };
	if (auth.type === 'oauth2' && auth.tokenServiceUrl) {
		const response = await fetch(auth.tokenServiceUrl, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				client_id: auth.clientId ?? '',
				client_secret: auth.clientSecret ?? '',
				grant_type: 'client_credentials',
			}),
			signal: AbortSignal.timeout(timeoutMs),
		});
		const token = (await response.json()) as { access_token?: string };
		return token.access_token ? { authorization: `Bearer ${token.access_token}` } : {};
	}
	return {};
}

const AUTH_HEADER_NAMES = (auth: SrCallbackAuthentication | undefined) =>
	new Set(['authorization', ...(auth?.headerName ? [auth.headerName.toLowerCase()] : [])]);

export function webhookRoutes(
	ctx: SimContext,
	options: WebhookOptions,
	credentialOf: (res: express.Response) => string,
	/** Called when a subscription has just become active, before the activation is answered. */
	onActivated: (subscription: SrSubscription) => void = () => undefined,
): Router {
	const router = express.Router();
	const find = (id: string) =>
		ctx.state.subscriptions.find((subscription) => subscription.id === id);
	const notFound = (res: express.Response, id: string) =>
		sendError(res, 404, 'SUBSCRIPTION_NOT_FOUND', `Subscription ${id} not found`);

	router.post('/subscriptions', (req, res) => {
		const owner = credentialOf(res);
		if (
			ctx.state.subscriptions.filter((subscription) => subscription.owner === owner).length >=
			SUBSCRIPTIONS_PER_SUBSCRIBER
		) {
			return sendError(
				res,
				403,
				'SUBSCRIPTIONS_LIMIT_EXCEEDED',
				`A subscriber can register up to ${SUBSCRIPTIONS_PER_SUBSCRIBER} subscriptions`,
			);
		}
		const body = req.body as {
			callbackUrl: string;
			events: string[];
			alertingEmailAddress?: string;
			callbackAuthentication?: SrCallbackAuthentication;
		};
		const subscription: SrSubscription = {
			id: newId(),
			callbackUrl: body.callbackUrl,
			events: body.events,
			status: 'inactive',
			...(body.alertingEmailAddress ? { alertingEmailAddress: body.alertingEmailAddress } : {}),
			...(body.callbackAuthentication
				? { callbackAuthentication: body.callbackAuthentication }
				: {}),
			secretKeys: [],
			owner,
			createdAt: ctx.now(),
		};
		ctx.state.subscriptions.push(subscription);
		res.status(201).json(presentSubscription(subscription, options));
	});

	router.get('/subscriptions', (req, res) => {
		const owner = credentialOf(res);
		const limit = queryInt(req.query.limit, 10);
		const pageId = queryString(req.query.page_id);
		let offset = 0;
		if (pageId !== undefined) {
			const decoded = decodeCursor(pageId, `subscriptions:${owner}`);
			if (decoded === undefined)
				return sendError(res, 400, 'INVALID_PAGE_ID', 'Provided page id is invalid');
			offset = decoded;
		}
		const mine = ctx.state.subscriptions
			.filter((subscription) => subscription.owner === owner)
			.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
		const page = mine.slice(offset, offset + limit);
		if (offset + page.length < mine.length)
			setNextLink(
				ctx,
				req,
				res,
				'page_id',
				encodeCursor(offset + page.length, `subscriptions:${owner}`),
			);
		res.json(page.map((subscription) => presentSubscription(subscription, options)));
	});

	router.get('/subscriptions/:id', (req, res) => {
		const subscription = find(req.params.id);
		if (!subscription) return notFound(res, req.params.id);
		res.json(presentSubscription(subscription, options));
	});

	router.delete('/subscriptions/:id', (req, res) => {
		if (!find(req.params.id)) return notFound(res, req.params.id);
		ctx.state.subscriptions = ctx.state.subscriptions.filter(
			(subscription) => subscription.id !== req.params.id,
		);
		res.status(204).end();
	});

	router.put('/subscriptions/:id/activation', async (req, res) => {
		const subscription = find(req.params.id);
		if (!subscription) return notFound(res, req.params.id);
		if (subscription.status === 'active')
			return sendError(res, 409, 'SUBSCRIPTION_ALREADY_ACTIVE', 'Subscription already activated');
		const secret = randomBytes(16).toString('hex');
		registerSecret('SmartRecruiters simulator X-Hook-Secret', secret, 'issued');
		let failure: string | undefined;
		try {
			const response = await fetch(subscription.callbackUrl, {
				method: 'POST',
				headers: {
					'X-Hook-Secret': secret,
					...(await callbackAuthHeaders(
						subscription.callbackAuthentication,
						options.handshakeTimeoutMs,
					)),
				},
				signal: AbortSignal.timeout(options.handshakeTimeoutMs),
			});
			await response.arrayBuffer();
			if (response.status !== 200)
				failure = `callback answered HTTP ${response.status}, expected 200`;
			else if (response.headers.get('x-hook-secret') !== secret)
				failure = 'callback did not echo the X-Hook-Secret header';
		} catch (error) {
			failure = `callback not reachable within ${options.handshakeTimeoutMs} ms (${(error as Error).name})`;
		}
		// ⚠ the docs give no error code for a failed handshake; this one is the simulator's.
		if (failure)
			return sendError(
				res,
				424,
				'HANDSHAKE_FAILED',
				`Webhook activation handshake failed: ${failure}`,
			);
		subscription.status = 'active';
		onActivated(subscription);
		res.status(204).end();
	});

	router.post('/subscriptions/:id/secret-key', (req, res) => {
		const subscription = find(req.params.id);
		if (!subscription) return notFound(res, req.params.id);
		if (validSecretKeys(ctx, subscription).length >= SECRET_KEYS_LIMIT) {
			return sendError(
				res,
				403,
				'SECRET_KEYS_LIMIT_EXCEEDED',
				`A subscription can have up to ${SECRET_KEYS_LIMIT} non-expired secret keys`,
			);
		}
		const now = ctx.now();
		for (const key of subscription.secretKeys) key.deprecatedAt ??= now;
		const secretKey = randomBytes(24).toString('base64url');
		registerSecret('SmartRecruiters simulator webhook secret key', secretKey, 'issued');
		subscription.secretKeys.push({ key: secretKey, createdAt: now });
		res.status(201).json({ secretKey });
	});

	router.get('/subscriptions/:id/secret-key', (req, res) => {
		const subscription = find(req.params.id);
		if (!subscription) return notFound(res, req.params.id);
		const latest = subscription.secretKeys[subscription.secretKeys.length - 1];
		if (!latest)
			return sendError(
				res,
				404,
				'SECRET_KEY_NOT_FOUND',
				'No secret key was generated for this subscription',
			);
		res.json({ secretKey: latest.key });
	});

	router.get('/subscriptions/:id/callbacks-log', (req, res) => {
		const subscription = find(req.params.id);
		if (!subscription) return notFound(res, req.params.id);
		const wanted = queryString(req.query.callbackStatus);
		const limit = queryInt(req.query.limit, 10);
		const scope = `callbacks:${subscription.id}:${wanted ?? ''}`;
		const pageId = queryString(req.query.page_id);
		let offset = 0;
		if (pageId !== undefined) {
			const decoded = decodeCursor(pageId, scope);
			if (decoded === undefined)
				return sendError(res, 400, 'INVALID_PAGE_ID', 'Provided page id is invalid');
			offset = decoded;
		}
		const entries = ctx.state.deliveries
			.filter((delivery) => delivery.subscriptionId === subscription.id)
			.flatMap((delivery) =>
				delivery.attempts.map((attempt) => ({
					status: attempt.status === 202 ? 'successful' : 'failed',
					timestamp: new Date(attempt.at).toISOString(),
					requestDetails: { url: delivery.url, body: attempt.body, headers: attempt.headers },
				})),
			)
			.filter((entry) => !wanted || entry.status === wanted)
			.sort((a, b) => b.timestamp.localeCompare(a.timestamp));
		const page = entries.slice(offset, offset + limit);
		if (offset + page.length < entries.length)
			setNextLink(ctx, req, res, 'page_id', encodeCursor(offset + page.length, scope));
		res.json(page);
	});

	return router;
}

/** `Link: <…>; rel=self` of an event (where the receiver GETs the current state). */
function defaultLink(
	ctx: SimContext,
	eventName: string,
	payload: Record<string, unknown>,
): string | undefined {
	const base = ctx.baseUrl();
	const p = (key: string) => String(payload[key] ?? '');
	let path: string | undefined;
	if (eventName.startsWith('application.screening-answers'))
		path = `/candidates/${p('candidate_id')}/jobs/${p('job_id')}/screening-answers`;
	else if (eventName === 'application.attachment.created')
		path = `/candidates/attachments/${p('attachment_id')}`;
	else if (eventName.startsWith('application.'))
		path = `/candidates/${p('candidate_id')}/jobs/${p('job_id')}`;
	else if (eventName.startsWith('candidate.')) path = `/candidates/${p('id')}`;
	else if (eventName.startsWith('job.ad.')) path = `/jobs/${p('job_id')}/jobads/${p('job_ad_id')}`;
	else if (eventName.startsWith('job.approv') || eventName.startsWith('offer.approv'))
		path = `/approvals-api/v201910/approvals/${p('approval_id')}`;
	else if (eventName.startsWith('job.')) path = `/jobs/${p('id')}`;
	else if (eventName.startsWith('position.'))
		path = `/jobs/${p('job_id')}/positions/${p('position_id')}`;
	else if (eventName.startsWith('offer.'))
		path = `/candidates/${p('candidate_id')}/jobs/${p('job_id')}/offers/${p('offer_id')}`;
	else if (eventName.startsWith('review.')) path = `/reviews-api/v201910/reviews/${p('review_id')}`;
	else if (eventName.startsWith('onboarding.'))
		path = `/smartonboard-api/v202205/onboarding-processes/${p('onboarding_process_id')}`;
	return path ? `<${base}${path}>; rel=self` : undefined;
}

export interface DeliveryDeps {
	ctx: SimContext;
	spec: SmartRecruitersSpec;
	options: WebhookOptions;
	reportViolation(violation: {
		direction: 'request';
		method: string;
		path: string;
		operation?: string;
		errors: string[];
	}): void;
}

/** Signed delivery of one event to every active subscription for it; resolves when each has succeeded or used all retries. */
export async function deliverEvent(
	deps: DeliveryDeps,
	eventName: string,
	payload: Record<string, unknown>,
	options: DeliverEventOptions = {},
): Promise<DeliveryResult[]> {
	const { ctx, spec } = deps;
	const callback = spec.webhookCallback(eventName);
	if (!callback)
		throw new Error(
			`"${eventName}" is not an event name of the SmartRecruiters spec (EventName enum)`,
		);
	const payloadErrors = spec.validateNamed(callback.payloadSchema, payload, 'request');
	const eventId = options.eventId ?? newId();
	let link: string | undefined;
	if (options.link !== undefined)
		link =
			options.link === ''
				? undefined
				: options.link.startsWith('<')
					? options.link
					: `<${options.link}>; rel=self`;
	else if (callback.hasLink) link = defaultLink(ctx, eventName, payload);
	const targets = ctx.state.subscriptions.filter(
		(subscription) => subscription.status === 'active' && subscription.events.includes(eventName),
	);
	return Promise.all(
		targets.map(async (subscription) => {
			if (payloadErrors.length) {
				deps.reportViolation({
					direction: 'request',
					method: 'POST',
					path: subscription.callbackUrl,
					operation: callback.operationId,
					errors: payloadErrors,
				});
			}
			const delivery: SrDelivery = {
				subscriptionId: subscription.id,
				url: subscription.callbackUrl,
				eventId,
				eventName,
				eventVersion: deps.options.eventVersion,
				payload,
				...(link ? { link } : {}),
				attempts: [],
				delivered: false,
			};
			ctx.state.deliveries.push(delivery);
			const maxAttempts = deps.options.retryDelaysMs.length + 1;
			for (let attempt = 0; attempt < maxAttempts && !delivery.delivered; attempt++) {
				if (attempt > 0) await sleep(deps.options.retryDelaysMs[attempt - 1]);
				await attemptDelivery(deps, subscription, delivery, options);
			}
			const last = delivery.attempts[delivery.attempts.length - 1];
			return {
				url: subscription.callbackUrl,
				status: last.status,
				attempts: delivery.attempts.length,
			};
		}),
	);
}

async function attemptDelivery(
	deps: DeliveryDeps,
	subscription: SrSubscription,
	delivery: SrDelivery,
	options: DeliverEventOptions,
) {
	const { ctx } = deps;
	const rawBody = JSON.stringify(delivery.payload);
	// Receivers compare with their own wall clock, so the timestamp is real time (not the simulator clock).
	const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
	const headers: Record<string, string> = {
		'content-type': 'application/json',
		'event-name': delivery.eventName,
		'event-version': delivery.eventVersion,
		'event-id': delivery.eventId,
		...(delivery.link ? { link: delivery.link } : {}),
	};
	const keys = validSecretKeys(ctx, subscription);
	if (keys.length) {
		headers['smartrecruiters-timestamp'] = String(timestamp);
		headers['smartrecruiters-signature'] = signatureHeader(keys, {
			timestamp,
			rawBody,
			eventId: delivery.eventId,
			eventName: delivery.eventName,
			eventVersion: delivery.eventVersion,
			link: delivery.link,
		});
	}
	// `tamper`: the body changes after signing, as if modified in transit.
	const sentBody = options.tamper
		? JSON.stringify({ ...delivery.payload, tampered: true })
		: rawBody;
	const at = ctx.now();
	let status = 0;
	let error: string | undefined;
	try {
		const authHeaders = await callbackAuthHeaders(
			subscription.callbackAuthentication,
			deps.options.deliveryTimeoutMs,
		);
		const response = await fetch(subscription.callbackUrl, {
			method: 'POST',
			headers: { ...headers, ...authHeaders },
			body: sentBody,
			signal: AbortSignal.timeout(deps.options.deliveryTimeoutMs),
		});
		await response.arrayBuffer();
		status = response.status;
	} catch (failure) {
		error =
			(failure as Error).name === 'TimeoutError'
				? `no answer within ${deps.options.deliveryTimeoutMs} ms`
				: (failure as Error).message;
	}
	const hidden = AUTH_HEADER_NAMES(subscription.callbackAuthentication);
	const loggedHeaders = Object.fromEntries(
		Object.entries(headers).filter(([name]) => !hidden.has(name.toLowerCase())),
	);
	delivery.attempts.push({
		at,
		status,
		...(error ? { error } : {}),
		body: sentBody,
		headers: loggedHeaders,
	});
	// Only 202 counts as delivered (documented); any other status or a timeout is a failure.
	if (status === 202) delivery.delivered = true;
}
