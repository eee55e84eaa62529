/**
 * Outbound webhook deliveries, signed the Lever way: signature = HMAC-SHA256(key = signature token,
 * message = token + String(triggeredAt)) as hex, carried in the JSON body (not a header).
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';

import { registerSecret } from '../../secrets/record';
import type { SimContext } from './model';
import { WEBHOOK_EVENTS, type LeverWebhookDelivery, type WebhookEvent } from './types';

export interface SendWebhookOptions {
	/** deliver only to this URL (signed with its webhook's token, or the account token when none is registered) */
	to?: string;
	/** sign with a wrong key so receivers must reject the delivery */
	tamper?: boolean;
	triggeredAt?: number;
}

export interface DeliveryResult {
	url: string;
	status: number;
	attempts: number;
}

export function signLever(signatureToken: string, token: string, triggeredAt: number): string {
	return createHmac('sha256', signatureToken)
		.update(token + String(triggeredAt))
		.digest('hex');
}

export function newSignatureToken(): string {
	const token = randomBytes(24).toString('hex');
	registerSecret('Lever simulator webhook signature token', token, 'issued');
	return token;
}

export class WebhookDispatcher {
	private readonly inFlight = new Set<Promise<unknown>>();

	constructor(private readonly ctx: SimContext) {}

	async send(
		event: string,
		data: Record<string, unknown>,
		options: SendWebhookOptions = {},
	): Promise<DeliveryResult[]> {
		if (!WEBHOOK_EVENTS.includes(event as WebhookEvent)) {
			throw new Error(
				`Unknown Lever webhook event "${event}"; expected one of ${WEBHOOK_EVENTS.join(', ')}`,
			);
		}
		const { state } = this.ctx;
		let targets: Array<{ url: string; webhookId: string | null; key: string }>;
		if (options.to !== undefined) {
			const registered = state.webhooks.find((webhook) => webhook.url === options.to);
			targets = [
				{
					url: options.to,
					webhookId: registered?.id ?? null,
					key: registered?.signatureToken ?? this.ctx.accountSignatureToken,
				},
			];
		} else {
			const opportunity =
				typeof data.opportunityId === 'string'
					? state.opportunities.find((o) => o.id === data.opportunityId)
					: undefined;
			targets = state.webhooks
				.filter((webhook) => webhook.event === event)
				// Origin conditions only narrow events about a known opportunity.
				.filter(
					(webhook) =>
						!webhook.configuration.conditions ||
						!opportunity ||
						webhook.configuration.conditions.origins.includes(opportunity.origin),
				)
				.map((webhook) => ({
					url: webhook.url,
					webhookId: webhook.id,
					key: webhook.signatureToken,
				}));
		}
		const triggeredAt = options.triggeredAt ?? this.ctx.now();
		const eventId = randomUUID();
		const delivery = Promise.all(
			targets.map((target) =>
				this.deliver(target, event, data, eventId, triggeredAt, options.tamper ?? false),
			),
		);
		this.inFlight.add(delivery);
		try {
			return await delivery;
		} finally {
			this.inFlight.delete(delivery);
		}
	}

	/** Lever-side change with autoWebhooks on: deliver in the background. */
	sendInBackground(event: WebhookEvent, data: Record<string, unknown>) {
		if (!this.ctx.state.webhooks.some((webhook) => webhook.event === event)) return;
		void this.send(event, data).catch(() => undefined);
	}

	async drain() {
		await Promise.allSettled([...this.inFlight]);
	}

	private async deliver(
		target: { url: string; webhookId: string | null; key: string },
		event: string,
		data: Record<string, unknown>,
		eventId: string,
		triggeredAt: number,
		tamper: boolean,
	): Promise<DeliveryResult> {
		// One token per event delivery; retries resend the identical envelope (same id, token, signature).
		const token = randomBytes(24).toString('hex');
		const signature = signLever(tamper ? `${target.key}-tampered` : target.key, token, triggeredAt);
		const body = JSON.stringify({ id: eventId, event, triggeredAt, data, token, signature });
		const record: LeverWebhookDelivery = {
			eventId,
			webhookId: target.webhookId,
			url: target.url,
			event,
			triggeredAt,
			token,
			attempts: 0,
			status: 0,
			delivered: false,
			tampered: tamper,
		};
		this.ctx.state.deliveries.push(record);
		const delays = this.ctx.options.webhookRetryDelaysMs;
		for (let attempt = 0; attempt <= delays.length; attempt++) {
			if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, delays[attempt - 1]));
			record.attempts = attempt + 1;
			try {
				const response = await fetch(target.url, {
					method: 'POST',
					headers: { 'Content-Type': 'application/json', 'User-Agent': 'Lever-Webhooks' },
					body,
					// Lever counts anything but 2xx, redirects included, as a failure.
					redirect: 'manual',
					signal: AbortSignal.timeout(5000),
				});
				await response.arrayBuffer().catch(() => undefined);
				record.status = response.status;
			} catch {
				record.status = 0;
			}
			if (record.status >= 200 && record.status < 300) {
				record.delivered = true;
				break;
			}
		}
		return { url: target.url, status: record.status, attempts: record.attempts };
	}
}
