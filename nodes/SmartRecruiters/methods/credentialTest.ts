import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	IN8nHttpFullResponse,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { environmentsOf, probeRequest, testCredential } from '../../shared/credentialTest';
import { baseUrlOf, SMARTRECRUITERS_HOSTS, tokenUrlOf } from '../transport';
import { requestClientCredentialsToken, TokenExchangeError } from '../transport/token';

/** A cheap authenticated read: the first job. Any account with API access may list jobs. */
async function readFirstJob(baseUrl: string, headers: Record<string, string>) {
	const response = await probeRequest({
		method: 'GET',
		url: `${baseUrl}/jobs`,
		query: { limit: 1 },
		headers,
	});
	const body = (
		typeof response.body === 'object' && response.body !== null ? response.body : {}
	) as IDataObject;
	const errors = (Array.isArray(body.errors) ? body.errors : []) as IDataObject[];
	const vendorMessage = [...errors.map((entry) => entry.code), body.message]
		.filter((part) => typeof part === 'string' && part !== '')
		.join(': ');
	return { statusCode: response.statusCode, vendorMessage };
}

const forbidden =
	'it may not list jobs: give its user or app read access to jobs in SmartRecruiters (Settings → Apps & Integrations → Credentials)';

/** "Test credential" for an API key (`X-SmartToken`), with errors that say what to fix. */
export async function smartRecruitersApiCredentialTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	return await testCredential({
		vendor: 'SmartRecruiters',
		secretName: 'API key',
		...environmentsOf(data, SMARTRECRUITERS_HOSTS, baseUrlOf(data)),
		attempt: async (baseUrl) =>
			await readFirstJob(baseUrl, { 'X-SmartToken': String(data.apiKey ?? '') }),
		forbidden,
	});
}

/** "Test credential" for OAuth2 client credentials: a real token exchange (never the cached token), then one read. */
export async function smartRecruitersOAuth2ApiCredentialTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	return await testCredential({
		vendor: 'SmartRecruiters',
		secretName: 'client ID and secret',
		...environmentsOf(data, SMARTRECRUITERS_HOSTS, baseUrlOf(data)),
		attempt: async (baseUrl) => {
			const exchanged = await requestClientCredentialsToken(
				data,
				tokenUrlOf(baseUrl),
				async (request) => {
					const response = await probeRequest({
						method: 'POST',
						url: request.url,
						headers: request.headers as Record<string, string>,
						body: String(request.body),
					});
					return {
						statusCode: response.statusCode,
						body: response.body,
						headers: {},
					} as IN8nHttpFullResponse;
				},
			).catch((error: unknown) => {
				// A refused exchange is an answer (400 invalid_client or 401); anything else means nothing answered.
				if (error instanceof TokenExchangeError) return error;
				throw error;
			});
			if (exchanged instanceof TokenExchangeError) {
				const vendorMessage = [exchanged.vendorError, exchanged.vendorDescription]
					.filter(Boolean)
					.join(': ');
				return {
					statusCode: exchanged.statusCode === 400 ? 401 : exchanged.statusCode,
					vendorMessage,
				};
			}
			return await readFirstJob(baseUrl, { Authorization: `Bearer ${exchanged.accessToken}` });
		},
		forbidden,
	});
}
