import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { asNodeError } from '../../shared/errors';
import { assertDeliverableWebhookUrl } from '../../shared/webhookUrl';
import { unwrapData } from '../helpers/utils';
import { leverApiRequest, leverApiRequestAllItems, leverCredentialType } from '../transport';
import type { LeverWebhookEvent } from './events';
import { EVENTS_WITH_ORIGIN_CONDITIONS, originOptions } from './events';

const ALL_ORIGINS = originOptions.map((option) => String(option.value));

/** What the node keeps per registered webhook. The token is only ever returned by the create call. */
export interface RegisteredWebhook {
	id: string;
	event: string;
	signatureToken: string | null;
}

export function registeredWebhooks(staticData: IDataObject): RegisteredWebhook[] {
	return Array.isArray(staticData.webhooks)
		? (staticData.webhooks as unknown as RegisteredWebhook[])
		: [];
}

interface WebhookSettings {
	url: string;
	events: LeverWebhookEvent[];
	origins: string[];
}

function settingsOf(context: IHookFunctions): WebhookSettings {
	const url = context.getNodeWebhookUrl('default');
	if (!url)
		throw new NodeOperationError(
			context.getNode(),
			'n8n did not provide a webhook URL for this node',
		);
	const events = context.getNodeParameter('events', []) as LeverWebhookEvent[];
	if (events.length === 0) {
		throw new NodeOperationError(context.getNode(), 'Choose at least one event in "Events"');
	}
	const origins = context.getNodeParameter('options.origins', []) as string[];
	return { url, events, origins };
}

/** Origin conditions are only sent for the four events that take them; an empty choice means all origins. */
function configurationFor(event: LeverWebhookEvent, origins: string[]): IDataObject | undefined {
	if (origins.length === 0 || !EVENTS_WITH_ORIGIN_CONDITIONS.includes(event)) return undefined;
	return { conditions: { origins } };
}

const sameSet = (a: string[], b: string[]) =>
	a.length === b.length && a.every((value) => b.includes(value));

function originsOf(webhook: IDataObject): string[] {
	const configuration = webhook.configuration as IDataObject | undefined;
	const conditions = configuration?.conditions as IDataObject | undefined | null;
	return Array.isArray(conditions?.origins) ? (conditions.origins as string[]) : [];
}

/** Lever's create response carries the token under `configuration` (recorded) — the top level is accepted too. */
function signatureTokenOf(created: IDataObject): string | null {
	const configuration = created.configuration as IDataObject | undefined;
	const token = configuration?.signatureToken ?? created.signatureToken;
	return typeof token === 'string' && token !== '' ? token : null;
}

function httpStatusOf(error: unknown): string | undefined {
	const { httpCode } = (error ?? {}) as { httpCode?: unknown };
	return httpCode === undefined || httpCode === null ? undefined : String(httpCode);
}

/** True when every chosen event has a live webhook of ours at this URL with the chosen origin conditions. */
export async function webhooksExist(this: IHookFunctions): Promise<boolean> {
	const staticData = this.getWorkflowStaticData('node');
	const stored = registeredWebhooks(staticData);
	if (stored.length === 0) return false;
	const { url, events, origins } = settingsOf(this);
	if (staticData.webhookUrl !== url) return false;
	if (
		!sameSet(
			stored.map((webhook) => webhook.event),
			events,
		)
	)
		return false;

	const live = await leverApiRequestAllItems.call(this, '/webhooks');
	return stored.every((webhook) => {
		const match = live.find((candidate) => candidate.id === webhook.id);
		if (!match || match.url !== url || match.event !== webhook.event) return false;
		if (!EVENTS_WITH_ORIGIN_CONDITIONS.includes(webhook.event as LeverWebhookEvent)) return true;
		// Lever stores all six origins when none were given, so "none chosen" means all of them.
		const wanted = origins.length > 0 ? origins : ALL_ORIGINS;
		const registered = originsOf(match);
		return sameSet(registered.length > 0 ? registered : ALL_ORIGINS, wanted);
	});
}

async function deleteWebhook(context: IHookFunctions, id: string): Promise<boolean> {
	try {
		await leverApiRequest.call(context, 'DELETE', `/webhooks/${encodeURIComponent(id)}`);
		return true;
	} catch (error) {
		// Already gone (deleted in Lever, or by an earlier deactivation) is what we wanted.
		if (httpStatusOf(error) === '404') return true;
		throw asNodeError(context.getNode(), error);
	}
}

/**
 * Registers one Lever webhook per chosen event. Webhooks of ours left at this URL (static data lost, settings
 * changed) are deleted first: Lever never lists signature tokens, so they could not be verified anyway.
 */
export async function createWebhooks(this: IHookFunctions): Promise<boolean> {
	const staticData = this.getWorkflowStaticData('node');
	const { url, events, origins } = settingsOf(this);
	assertDeliverableWebhookUrl(
		this.getNode(),
		'Lever',
		url,
		await this.getCredentials(await leverCredentialType.call(this)),
	);

	const live = await listWebhooksOrExplain(this, url);
	for (const leftover of live.filter((webhook) => webhook.url === url)) {
		await deleteWebhook(this, String(leftover.id));
	}

	const created: RegisteredWebhook[] = [];
	try {
		for (const event of events) {
			const configuration = configurationFor(event, origins);
			const response = await leverApiRequest.call(this, 'POST', '/webhooks', {
				body: { url, event, ...(configuration ? { configuration } : {}) },
			});
			const webhook = unwrapData(response);
			if (typeof webhook.id !== 'string') {
				throw new NodeApiError(this.getNode(), webhook as never, {
					message: `Lever did not return a webhook id when registering "${event}"`,
				});
			}
			created.push({ id: webhook.id, event, signatureToken: signatureTokenOf(webhook) });
		}
	} catch (error) {
		// Leave nothing half-registered: a later activation starts from a clean slate.
		for (const webhook of created) await deleteWebhook(this, webhook.id).catch(() => false);
		throw explainPermissionError(this, error, url);
	}

	staticData.webhooks = created as unknown as IDataObject[];
	staticData.webhookUrl = url;
	return true;
}

/** Deletes the webhooks this node registered. Returns false (n8n reports it) if Lever refused a delete. */
export async function deleteWebhooks(this: IHookFunctions): Promise<boolean> {
	const staticData = this.getWorkflowStaticData('node');
	const remaining: RegisteredWebhook[] = [];
	for (const webhook of registeredWebhooks(staticData)) {
		const deleted = await deleteWebhook(this, webhook.id).catch(() => false);
		if (!deleted) remaining.push(webhook);
	}
	if (remaining.length > 0) {
		staticData.webhooks = remaining as unknown as IDataObject[];
		return false;
	}
	delete staticData.webhooks;
	delete staticData.webhookUrl;
	return true;
}

async function listWebhooksOrExplain(context: IHookFunctions, url: string): Promise<IDataObject[]> {
	try {
		return await leverApiRequestAllItems.call(context, '/webhooks');
	} catch (error) {
		throw explainPermissionError(context, error, url);
	}
}

/** A key or token without webhook permission gets 403: say how to set the webhook up by hand instead. */
function explainPermissionError(context: IHookFunctions, error: unknown, url: string): unknown {
	if (httpStatusOf(error) !== '403') return error;
	return new NodeOperationError(
		context.getNode(),
		'Lever refused to manage webhooks with this credential (403)',
		{
			description:
				'Give the API key the Webhooks permission (OAuth: scope webhooks:write:admin), or set "Webhook Registration" ' +
				`to "Manually in Lever", add a webhook per event in Lever (Settings → Integrations and API → Webhooks) with the URL ${url} ` +
				"and paste each webhook's Signature Token into the credential.",
		},
	);
}
