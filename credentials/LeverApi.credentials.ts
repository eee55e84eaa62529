import type { IAuthenticateGeneric, ICredentialType, INodeProperties } from 'n8n-workflow';

import { rateLimitShareProperty } from '../nodes/shared/descriptions';
import { allowHttpWebhookUrlsProperty } from '../nodes/shared/webhookUrl';

/**
 * Where the Lever Data API lives. Shared with the OAuth2 credential; "Custom URL" exists for proxies and local
 * test servers and is the only way to point a credential away from Lever.
 */
export const leverEnvironmentProperties: INodeProperties[] = [
	{
		displayName: 'Environment',
		name: 'environment',
		type: 'options',
		options: [
			{ name: 'Production', value: 'production' },
			{ name: 'Sandbox', value: 'sandbox' },
			{ name: 'Custom URL (Proxy or Test Server)', value: 'custom' },
		],
		default: 'production',
		description:
			'Production is https://api.lever.co/v1, Sandbox is https://api.sandbox.lever.co/v1',
	},
	{
		displayName: 'Custom API URL',
		name: 'customUrl',
		type: 'string',
		default: '',
		placeholder: 'https://lever-proxy.example.com/v1',
		description: 'Base URL that replaces https://api.lever.co/v1, including the /v1 path',
		displayOptions: { show: { environment: ['custom'] } },
	},
	allowHttpWebhookUrlsProperty,
];

/** Settings both credentials carry for the Lever nodes (not for the HTTP authentication itself). */
export const leverNodeSettingsProperties: INodeProperties[] = [
	{
		displayName: 'Default Perform As',
		name: 'defaultPerformAs',
		type: 'string',
		default: '',
		placeholder: 'e.g. recruiting-ops@example.com',
		description:
			'Email or user ID of the Lever user writes are made on behalf of when a node leaves "Perform As" empty (an email is looked up in Lever). Lever requires one to create opportunities, upload files and submit feedback, so the recipes that create candidates need it.',
	},
	{
		displayName: 'Webhook Signature Tokens',
		name: 'webhookSignatureTokens',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description:
			"Optional. Signature tokens (comma- or newline-separated) of webhooks created in Lever's settings, so the Lever Trigger can verify them. Tokens of webhooks the trigger registers itself are kept automatically.",
	},
	rateLimitShareProperty,
];

export const LEVER_API_URLS: Record<string, string> = {
	production: 'https://api.lever.co/v1',
	sandbox: 'https://api.sandbox.lever.co/v1',
};

export class LeverApi implements ICredentialType {
	name = 'leverApi';

	displayName = 'Lever API';

	documentationUrl = 'https://hire.lever.co/developer/documentation#authentication';

	icon = {
		light: 'file:../nodes/Lever/lever.svg',
		dark: 'file:../nodes/Lever/lever.dark.svg',
	} as const;

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'Created by a Super Admin in Settings → Integrations and API → API Credentials',
		},
		...leverEnvironmentProperties,
		...leverNodeSettingsProperties,
	];

	// Lever: "API key as the username, password blank". "Test credential" runs the Lever nodes' leverApiCredentialTest
	// (no `test` request here: n8n would prefer it, and it cannot say why a key or URL fails).
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			auth: {
				username: '={{$credentials.apiKey}}',
				password: '',
			},
		},
	};
}
