import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * How the Onboarding Push node authenticates to an onboarding/HRIS endpoint: a fixed header (API key or bearer
 * token) and/or an HMAC-SHA256 signature of the request body. The node applies both, because the signature needs
 * the exact body bytes it sends.
 */
export class OnboardingApi implements ICredentialType {
	name = 'onboardingApi';

	displayName = 'Onboarding API';

	documentationUrl =
		'https://github.com/n8n-nodes-ats-sync/n8n-nodes-ats-sync/blob/main/docs/nodes.md#onboarding-push';

	icon = {
		light: 'file:../nodes/OnboardingPush/onboardingPush.svg',
		dark: 'file:../nodes/OnboardingPush/onboardingPush.dark.svg',
	} as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Authentication',
			name: 'authType',
			type: 'options',
			options: [
				{
					name: 'Header',
					value: 'header',
					description: 'Send a fixed header, e.g. Authorization: Bearer …',
				},
				{
					name: 'HMAC Signature',
					value: 'hmac',
					description: 'Sign each request body with a shared secret',
				},
				{ name: 'Header and HMAC Signature', value: 'headerAndHmac' },
			],
			default: 'header',
		},
		{
			displayName: 'Header Name',
			name: 'headerName',
			type: 'string',
			default: 'Authorization',
			displayOptions: { show: { authType: ['header', 'headerAndHmac'] } },
		},
		{
			displayName: 'Header Value',
			name: 'headerValue',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			placeholder: 'Bearer …',
			displayOptions: { show: { authType: ['header', 'headerAndHmac'] } },
		},
		{
			displayName: 'Signing Secret',
			name: 'hmacSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Shared secret for the HMAC-SHA256 signature of the request body',
			displayOptions: { show: { authType: ['hmac', 'headerAndHmac'] } },
		},
		{
			displayName: 'Signature Header',
			name: 'signatureHeader',
			type: 'string',
			default: 'x-signature',
			description: 'Header the signature is sent in, as "sha256=&lt;hex&gt;"',
			displayOptions: { show: { authType: ['hmac', 'headerAndHmac'] } },
		},
	];
}
