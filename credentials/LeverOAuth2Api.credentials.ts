import type { ICredentialType, INodeProperties } from 'n8n-workflow';

import { leverEnvironmentProperties, leverNodeSettingsProperties } from './LeverApi.credentials';

/**
 * Scopes the Lever node and triggers use (Lever allows at most 20 per app; write scopes include read).
 * `offline_access` makes Lever issue the refresh token n8n needs to renew the one-hour access token.
 */
export const LEVER_OAUTH_SCOPES = [
	'offline_access',
	'opportunities:write:admin',
	'contact:write:admin',
	'notes:write:admin',
	'files:write:admin',
	'feedback:write:admin',
	'feedback_templates:read:admin',
	'interviews:read:admin',
	'offers:read:admin',
	'postings:read:admin',
	'stages:read:admin',
	'archive_reasons:read:admin',
	'users:read:admin',
	'tags:read:admin',
	'sources:read:admin',
	'forms:read:admin',
	'webhooks:write:admin',
];

// Auth0 tenants of Lever Connect (lever.md §1). The audience, trailing slash included, is part of the grant.
const AUTHORIZE_URL = `={{ $self.environment === 'custom' ? $self.customAuthUrl : $self.environment === 'sandbox' ? 'https://sandbox-lever.auth0.com/authorize' : 'https://auth.lever.co/authorize' }}`;
const TOKEN_URL = `={{ $self.environment === 'custom' ? $self.customAccessTokenUrl : $self.environment === 'sandbox' ? 'https://sandbox-lever.auth0.com/oauth/token' : 'https://auth.lever.co/oauth/token' }}`;
const AUDIENCE = `$self.environment === 'custom' ? $self.customAudience : $self.environment === 'sandbox' ? 'https://api.sandbox.lever.co/v1/' : 'https://api.lever.co/v1/'`;

export class LeverOAuth2Api implements ICredentialType {
	name = 'leverOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Lever OAuth2 API';

	documentationUrl = 'https://hire.lever.co/developer/documentation#oauth';

	icon = {
		light: 'file:../nodes/Lever/lever.svg',
		dark: 'file:../nodes/Lever/lever.dark.svg',
	} as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		...leverEnvironmentProperties,
		{
			displayName: 'Custom Authorization URL',
			name: 'customAuthUrl',
			type: 'string',
			default: '',
			placeholder: 'https://lever-proxy.example.com/authorize',
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'Custom Access Token URL',
			name: 'customAccessTokenUrl',
			type: 'string',
			default: '',
			placeholder: 'https://lever-proxy.example.com/oauth/token',
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'Custom Audience',
			name: 'customAudience',
			type: 'string',
			default: '',
			placeholder: 'https://lever-proxy.example.com/v1/',
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: AUTHORIZE_URL,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: TOKEN_URL,
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: LEVER_OAUTH_SCOPES.join(' '),
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			// Lever requires `audience` on the authorize URL; `prompt=consent` makes Auth0 issue a refresh token again on reconnect.
			// ⚠ A third-party provider map says Lever's Auth0 also wants `audience` in the token POST; Lever's docs do not,
			// and n8n adds extra token-body fields only for the client-credentials grant, so it is sent here only.
			default: `={{ 'audience=' + encodeURIComponent(${AUDIENCE}) + '&prompt=consent' }}`,
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			// Lever's token endpoint takes client_id and client_secret in the form body.
			default: 'body',
		},
		...leverNodeSettingsProperties,
	];
}
