/** Webhook subscriptions managed through the API. */
import { randomUUID } from 'node:crypto';

import { Router } from 'express';

import { requirePermission } from '../auth';
import { badRequest, notFound } from '../errors';
import { wrap } from '../http';
import { byCreatedAt, principalOf, type SimContext } from '../model';
import {
	EVENTS_WITH_CONDITIONS,
	ORIGINS,
	WEBHOOK_EVENTS,
	type LeverWebhook,
	type Origin,
	type WebhookEvent,
} from '../types';
import { objectBody, requiredString, type Body } from '../validate';
import { paginate } from '../listing';
import { newSignatureToken } from '../webhooks';
import { isAcceptedWebhookUrl } from '../../webhookUrls';

/** GET never shows the signature token: it is only returned once, by the create call. */
const publicView = (webhook: LeverWebhook) => ({
	id: webhook.id,
	url: webhook.url,
	event: webhook.event,
	configuration: {
		conditions: webhook.configuration.conditions
			? { origins: [...webhook.configuration.conditions.origins] }
			: null,
	},
	createdAt: webhook.createdAt,
	updatedAt: webhook.updatedAt,
});

/** Lever: "We only support HTTPS endpoints" (⚠ the status of the refusal is undocumented; 400 like any bad field). */
function checkUrl(ctx: SimContext, url: string) {
	try {
		new URL(url);
	} catch {
		throw badRequest(`Invalid value for field "url": ${url} is not a URL`);
	}
	if (!isAcceptedWebhookUrl(url, ctx.options.allowInsecureWebhookUrls)) {
		throw badRequest('Invalid value for field "url": Lever only supports HTTPS endpoints');
	}
}

function conditionsFor(event: WebhookEvent, configuration: unknown): { origins: Origin[] } | null {
	const supportsConditions = EVENTS_WITH_CONDITIONS.includes(event);
	if (configuration === undefined || configuration === null)
		return supportsConditions ? { origins: [...ORIGINS] } : null;
	if (typeof configuration !== 'object' || Array.isArray(configuration))
		throw badRequest('Invalid value for field "configuration": expected an object');
	const conditions = (configuration as Body).conditions;
	if (conditions === undefined || conditions === null)
		return supportsConditions ? { origins: [...ORIGINS] } : null;
	if (!supportsConditions)
		throw badRequest(
			`Event ${event} does not support conditions; only ${EVENTS_WITH_CONDITIONS.join(', ')} do`,
		);
	const origins = (conditions as Body).origins;
	if (
		!Array.isArray(origins) ||
		origins.length === 0 ||
		origins.some((origin) => !ORIGINS.includes(origin as Origin))
	) {
		throw badRequest(
			`Invalid value for field "configuration.conditions.origins": expected a non-empty array of ${ORIGINS.join(', ')}`,
		);
	}
	return { origins: [...new Set(origins as Origin[])] };
}

export function webhookRoutes(ctx: SimContext): Router {
	const router = Router();
	const { state } = ctx;
	const find = (id: string) => {
		const webhook = state.webhooks.find((candidate) => candidate.id === id);
		if (!webhook) throw notFound('webhooks', id);
		return webhook;
	};

	router.get(
		'/webhooks',
		wrap((req, res) => {
			requirePermission(principalOf(res), 'webhooks', 'read');
			res.json(paginate(req, ctx.cursors, state.webhooks, byCreatedAt(), publicView));
		}),
	);

	router.post(
		'/webhooks',
		wrap((req, res) => {
			requirePermission(principalOf(res), 'webhooks', 'write');
			const body = objectBody(req.body);
			const url = requiredString(body, 'url');
			checkUrl(ctx, url);
			const event = requiredString(body, 'event');
			if (!WEBHOOK_EVENTS.includes(event as WebhookEvent)) {
				throw badRequest(
					`Invalid value for field "event": ${event}. Expected one of ${WEBHOOK_EVENTS.join(', ')}`,
				);
			}
			const now = ctx.now();
			const webhook: LeverWebhook = {
				id: randomUUID(),
				url,
				event: event as WebhookEvent,
				configuration: { conditions: conditionsFor(event as WebhookEvent, body.configuration) },
				signatureToken:
					ctx.options.webhookTokenScope === 'account'
						? ctx.accountSignatureToken
						: newSignatureToken(),
				createdAt: now,
				updatedAt: now,
			};
			state.webhooks.push(webhook);
			const view = publicView(webhook);
			const created = {
				...view,
				configuration: { ...view.configuration, signatureToken: webhook.signatureToken },
			};
			res
				.status(201)
				.json(
					ctx.options.webhookCreateShape === 'documented'
						? { data: { data: created } }
						: { data: created },
				);
		}),
	);

	// Lever updates in bulk without an id in the path: body {data: [{id, url?, configuration?}]}.
	router.put(
		'/webhooks',
		wrap((req, res) => {
			requirePermission(principalOf(res), 'webhooks', 'write');
			const updates = objectBody(req.body).data;
			if (!Array.isArray(updates))
				throw badRequest('Invalid value for field "data": expected an array of webhooks');
			const changed = updates.map((update: Body) => {
				const webhook = find(requiredString(update, 'id'));
				if (update.url !== undefined) {
					checkUrl(ctx, requiredString(update, 'url'));
					webhook.url = update.url as string;
				}
				if (update.configuration !== undefined)
					webhook.configuration = {
						conditions: conditionsFor(webhook.event, update.configuration),
					};
				webhook.updatedAt = ctx.now();
				return webhook;
			});
			res.json({ data: changed.map(publicView) });
		}),
	);

	router.delete(
		'/webhooks/:id',
		wrap((req, res) => {
			requirePermission(principalOf(res), 'webhooks', 'write');
			const webhook = find(req.params.id);
			state.webhooks.splice(state.webhooks.indexOf(webhook), 1);
			res.status(204).end();
		}),
	);

	return router;
}
