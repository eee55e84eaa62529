import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

/** The authentication choice every SmartRecruiters node offers; it decides which credential is used. */
export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'API Key', value: 'apiKey' },
		{ name: 'OAuth2 (Client Credentials)', value: 'oAuth2' },
	],
	default: 'apiKey',
};

export const smartRecruitersCredentials: INodeCredentialDescription[] = [
	{
		name: 'smartRecruitersApi',
		required: true,
		testedBy: 'smartRecruitersApiTest',
		displayOptions: { show: { authentication: ['apiKey'] } },
	},
	{
		name: 'smartRecruitersOAuth2Api',
		required: true,
		testedBy: 'smartRecruitersOAuth2ApiTest',
		displayOptions: { show: { authentication: ['oAuth2'] } },
	},
];
