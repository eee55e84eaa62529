import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * The shared secret an outreach tool or interview platform signs its webhook bodies with. The Contact Event
 * Trigger only reads it to verify deliveries; nothing is sent anywhere with it.
 */
export class ContactEventWebhookApi implements ICredentialType {
	name = 'contactEventWebhookApi';

	displayName = 'Contact Event Webhook API';

	icon = 'file:../nodes/ContactEventTrigger/contactEvent.svg' as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Signing Secret',
			name: 'signingSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The secret the sender uses for the HMAC-SHA256 signature of each request body',
		},
		{
			displayName: 'Signature Header',
			name: 'signatureHeader',
			type: 'string',
			default: 'x-signature',
			description: 'Header carrying the signature as "sha256=&lt;hex&gt;" (or the bare hex digest)',
		},
	];
}
