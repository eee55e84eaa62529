import type { IAuthenticateGeneric, ICredentialType, INodeProperties } from 'n8n-workflow';

import { rateLimitShareProperty } from '../nodes/shared/descriptions';
import { allowHttpWebhookUrlsProperty } from '../nodes/shared/webhookUrl';

/** Environment, custom URL and webhook keys are shared with the OAuth2 credential. */
export const smartRecruitersEnvironmentProperties: INodeProperties[] = [
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
			'Production is https://api.smartrecruiters.com, Sandbox is https://api.sandbox.smartrecruiters.com',
	},
	{
		displayName: 'Custom API URL',
		name: 'customUrl',
		type: 'string',
		default: '',
		placeholder: 'https://sr-proxy.example.com',
		description:
			'Base URL that replaces https://api.smartrecruiters.com (API paths such as /webhooks-api/v201907 are appended)',
		displayOptions: { show: { environment: ['custom'] } },
	},
	allowHttpWebhookUrlsProperty,
	{
		displayName: 'Webhook Secret Keys',
		name: 'webhookSecretKeys',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description:
			'Optional. Secret keys (comma- or newline-separated) the SmartRecruiters Trigger also accepts when checking webhook signatures, e.g. a key created outside n8n. Keys the trigger creates itself are kept automatically.',
	},
	rateLimitShareProperty,
];

export class SmartRecruitersApi implements ICredentialType {
	name = 'smartRecruitersApi';

	displayName = 'SmartRecruiters API';

	documentationUrl = 'https://developers.smartrecruiters.com/docs/api-key';

	icon = {
		light: 'file:../nodes/SmartRecruiters/smartrecruiters.svg',
		dark: 'file:../nodes/SmartRecruiters/smartrecruiters.dark.svg',
	} as const;

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'Created by an administrator in Settings → Apps & Integrations → Credentials (sent as X-SmartToken)',
		},
		...smartRecruitersEnvironmentProperties,
	];

	// "Test credential" runs the SmartRecruiters nodes' smartRecruitersApiCredentialTest (no `test` request here: n8n
	// would prefer it, and it cannot say why a key or URL fails).
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'X-SmartToken': '={{$credentials.apiKey}}',
			},
		},
	};
}
