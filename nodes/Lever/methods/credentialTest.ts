import type { ICredentialsDecrypted, ICredentialTestFunctions, IDataObject, INodeCredentialTestResult } from 'n8n-workflow';

import { LEVER_API_URLS } from '../../../credentials/LeverApi.credentials';
import { environmentsOf, probeRequest, testCredential } from '../../shared/credentialTest';
import { leverBaseUrl } from '../transport';

/** "Test credential" for an API key: one cheap authenticated read (`GET /stages`), with errors that say what to fix. */
export async function leverApiCredentialTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	return await testCredential({
		vendor: 'Lever',
		secretName: 'API key',
		...environmentsOf(data, LEVER_API_URLS, leverBaseUrl(data)),
		attempt: async (baseUrl) => {
			// Lever: the API key is the Basic user name, with a blank password.
			const response = await probeRequest({
				method: 'GET',
				url: `${baseUrl}/stages`,
				query: { limit: 1 },
				headers: { Authorization: `Basic ${Buffer.from(`${String(data.apiKey ?? '')}:`).toString('base64')}` },
			});
			const body = (typeof response.body === 'object' && response.body !== null ? response.body : {}) as IDataObject;
			const vendorMessage = [body.code, body.message].filter((part) => typeof part === 'string' && part !== '').join(': ');
			return { statusCode: response.statusCode, vendorMessage };
		},
		forbidden: 'it may not read stages: give it read access in Lever (Settings → Integrations and API → API Credentials)',
	});
}
