import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * The shared secret an outreach tool or interview platform signs its webhook bodies with. The Contact Event
 * Trigger only reads it to verify deliveries; nothing is sent anywhere with it.
 */
export class ContactEventWebhookApi implements ICredentialType {
	name = 'contactEventWebhookApi';

	displayName = 'Contact Event Webhook API';

	documentationUrl =
		'https://github.com/n8n-nodes-ats-sync/n8n-nodes-ats-sync/blob/main/docs/nodes.md#contact-event-trigger';

	icon = {
		light: 'file:../nodes/ContactEventTrigger/contactEvent.svg',
		dark: 'file:../nodes/ContactEventTrigger/contactEvent.dark.svg',
	} as const;

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
		{
			displayName: 'Timestamp Header',
			name: 'timestampHeader',
			type: 'string',
			default: '',
			placeholder: 'x-signature-timestamp',
			description:
				'Header carrying the Unix time (seconds) the sender signed at, if it sends one. Then the signature covers "&lt;timestamp&gt;.&lt;body&gt;" and deliveries outside the trigger\'s Signature Tolerance are refused. Empty: the signature covers the body only, and only repeated event IDs are recognised as replays.',
		},
	];
}
