import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	IN8nHttpFullResponse,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { baseUrlOf, tokenUrlOf } from '../transport';
import { requestClientCredentialsToken, TokenExchangeError } from '../transport/token';

/** A cheap authenticated read: the first job. Any account with API access may list jobs. */
const PROBE_PATH = '/jobs?limit=1';

async function probe(this: ICredentialTestFunctions, baseUrl: string, headers: IDataObject): Promise<INodeCredentialTestResult> {
	const response = (await this.helpers.request({
		method: 'GET',
		uri: `${baseUrl}${PROBE_PATH}`,
		headers: { Accept: 'application/json', ...headers },
		json: true,
		simple: false,
		resolveWithFullResponse: true,
	})) as { statusCode: number; body?: IDataObject };
	if (response.statusCode >= 200 && response.statusCode < 300) return { status: 'OK', message: 'Connection successful' };
	const errors = (response.body?.errors as IDataObject[] | undefined) ?? [];
	const vendor = [response.body?.message, ...errors.map((e) => e.code)].filter(Boolean).join(' ');
	const hint =
		response.statusCode === 401 || response.statusCode === 403
			? 'SmartRecruiters rejected the credential'
			: `SmartRecruiters answered HTTP ${response.statusCode}`;
	return { status: 'Error', message: `${hint}${vendor ? ` (${vendor})` : ''}. Check the key, its permissions and the environment.` };
}

function unreachable(error: unknown, baseUrl: string): INodeCredentialTestResult {
	return { status: 'Error', message: `Could not reach ${baseUrl}: ${(error as Error).message}` };
}

export async function smartRecruitersApiTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const baseUrl = baseUrlOf(data);
	try {
		return await probe.call(this, baseUrl, { 'X-SmartToken': String(data.apiKey ?? '') });
	} catch (error) {
		return unreachable(error, baseUrl);
	}
}

export async function smartRecruitersOAuth2ApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const baseUrl = baseUrlOf(data);
	try {
		const token = await requestClientCredentialsToken(data, tokenUrlOf(data), async (options) => {
			const response = (await this.helpers.request({
				method: options.method,
				uri: options.url,
				headers: options.headers,
				body: options.body,
				simple: false,
				resolveWithFullResponse: true,
			})) as { statusCode: number; body: unknown; headers: IDataObject };
			return { statusCode: response.statusCode, body: response.body, headers: response.headers } as IN8nHttpFullResponse;
		});
		return await probe.call(this, baseUrl, { Authorization: `Bearer ${token.accessToken}` });
	} catch (error) {
		if (error instanceof TokenExchangeError) return { status: 'Error', message: error.message };
		return unreachable(error, baseUrl);
	}
}
