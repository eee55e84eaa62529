import type { ICredentialType, INodeProperties } from 'n8n-workflow';

import { smartRecruitersEnvironmentProperties } from './SmartRecruitersApi.credentials';

/**
 * OAuth 2.0 client credentials, created self-serve in SmartRecruiters' Credential Manager.
 *
 * This deliberately does not extend n8n's `oAuth2Api`: n8n only fetches a new client-credentials token after a
 * request failed with 401, while SmartRecruiters tokens expire (30–60 min) and a 401 on a candidate create cannot be
 * replayed safely. The node's transport exchanges the id/secret itself and refreshes `expires_in` − 60 s early
 * (see nodes/SmartRecruiters/transport/token.ts).
 */
export class SmartRecruitersOAuth2Api implements ICredentialType {
	name = 'smartRecruitersOAuth2Api';

	displayName = 'SmartRecruiters OAuth2 API';

	documentationUrl = 'https://developers.smartrecruiters.com/docs/client-credentials-flow';

	icon = {
		light: 'file:../nodes/SmartRecruiters/smartrecruiters.svg',
		dark: 'file:../nodes/SmartRecruiters/smartrecruiters.dark.svg',
	} as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			required: true,
			default: '',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
		},
		...smartRecruitersEnvironmentProperties,
	];
}
