import type { IWebhookFunctions } from 'n8n-workflow';

import { leverCredentialType } from '../transport';
import { registeredWebhooks } from './registration';
import { splitKeys } from '../../shared/parameters';

/** Credential field holding signature tokens pasted from Lever's webhook settings (manual registration). */
export const SIGNING_KEYS_FIELD = 'webhookSignatureTokens';

/**
 * Every key a genuine delivery of `event` may be signed with: the tokens Lever returned when this node registered its
 * webhook for that event, and the tokens pasted into the credential (webhooks added by hand in Lever, or an
 * account-wide token). Lever's signature does not cover the `event` field, so a token registered for another event
 * does not count: a stage-change delivery relabelled "candidateHired" is refused.
 */
export async function knownSigningKeys(this: IWebhookFunctions, event: string): Promise<string[]> {
	const fromRegistration = registeredWebhooks(this.getWorkflowStaticData('node'))
		.filter((webhook) => webhook.event === event)
		.map((webhook) => webhook.signatureToken)
		.filter((token): token is string => typeof token === 'string' && token !== '');
	const credentials = await this.getCredentials(await leverCredentialType.call(this));
	return [...new Set([...fromRegistration, ...splitKeys(credentials[SIGNING_KEYS_FIELD])])];
}
