import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { LEVER_API_URLS } from '../../../credentials/LeverApi.credentials';
import { environmentsOf, probeRequest, testCredential } from '../../shared/credentialTest';
import { leverBaseUrl } from '../transport';

/** "Test credential" for an API key: one cheap authenticated read (`GET /stages`), with errors that say what to fix. */
export async function leverApiCredentialTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const authorization = `Basic ${Buffer.from(`${String(data.apiKey ?? '')}:`).toString('base64')}`;
	const result = await testCredential({
		vendor: 'Lever',
		secretName: 'API key',
		...environmentsOf(data, LEVER_API_URLS, leverBaseUrl(data)),
		attempt: async (baseUrl) => {
			// Lever: the API key is the Basic user name, with a blank password.
			const response = await probeRequest({
				method: 'GET',
				url: `${baseUrl}/stages`,
				query: { limit: 1 },
				headers: { Authorization: authorization },
			});
			const body = (
				typeof response.body === 'object' && response.body !== null ? response.body : {}
			) as IDataObject;
			const vendorMessage = [body.code, body.message]
				.filter((part) => typeof part === 'string' && part !== '')
				.join(': ');
			return { statusCode: response.statusCode, vendorMessage };
		},
		forbidden:
			'it may not read stages: give it read access in Lever (Settings → Integrations and API → API Credentials)',
	});
	if (result.status !== 'OK') return result;
	return (
		(await performAsProblem(
			leverBaseUrl(data),
			authorization,
			String(data.defaultPerformAs ?? '').trim(),
		)) ?? result
	);
}

/** A "Default Perform As" email that no active Lever user has, said at once rather than when a candidate is created. */
async function performAsProblem(
	baseUrl: string,
	authorization: string,
	performAs: string,
): Promise<INodeCredentialTestResult | undefined> {
	if (!performAs.includes('@')) return undefined;
	const response = await probeRequest({
		method: 'GET',
		url: `${baseUrl}/users`,
		query: { email: performAs },
		headers: { Authorization: authorization },
	});
	const users = (response.body as { data?: unknown } | undefined)?.data;
	if (response.statusCode === 403) {
		return {
			status: 'Error',
			message: `The API key may not read users, so "Default Perform As" (${performAs}) cannot be looked up: give it read access to users in Lever, or enter the user's ID instead of the email`,
		};
	}
	if (
		response.statusCode >= 200 &&
		response.statusCode < 300 &&
		Array.isArray(users) &&
		users.length === 0
	) {
		return {
			status: 'Error',
			message: `No active Lever user has the email "${performAs}" given as "Default Perform As": use the email or ID of an active Lever user`,
		};
	}
	return undefined;
}
