import type { IWebhookFunctions } from 'n8n-workflow';

import { leverCredentialType } from '../transport';
import { registeredSigningKeys } from './registration';
import { splitKeys } from '../../shared/parameters';

/** Credential field holding signature tokens pasted from Lever's webhook settings (manual registration). */
export const SIGNING_KEYS_FIELD = 'webhookSignatureTokens';

/**
 * Every key a genuine delivery may be signed with: the tokens Lever returned when this node registered its
 * webhooks, and the tokens pasted into the credential (webhooks added by hand in Lever, or an account-wide token).
 */
export async function knownSigningKeys(this: IWebhookFunctions): Promise<string[]> {
	const fromRegistration = registeredSigningKeys(this.getWorkflowStaticData('node'));
	const credentials = await this.getCredentials(await leverCredentialType.call(this));
	return [...new Set([...fromRegistration, ...splitKeys(credentials[SIGNING_KEYS_FIELD])])];
}
