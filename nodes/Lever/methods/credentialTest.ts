import type { ICredentialsDecrypted, ICredentialTestFunctions, IDataObject, INodeCredentialTestResult } from 'n8n-workflow';

import { leverBaseUrl } from '../transport';

/** "Test credential" for an API key: one cheap authenticated read (`GET /stages`) against the configured environment. */
export async function leverApiCredentialTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const baseUrl = leverBaseUrl(data);
	if (!/^https?:\/\/[^/]/.test(baseUrl)) {
		return { status: 'Error', message: '"Custom API URL" must start with http:// or https://' };
	}
	let response: { statusCode: number; body: unknown };
	try {
		response = await this.helpers.request({
			method: 'GET',
			uri: `${baseUrl}/stages`,
			qs: { limit: 1 },
			auth: { user: String(data.apiKey ?? ''), pass: '' },
			json: true,
			resolveWithFullResponse: true,
			simple: false,
		});
	} catch (error) {
		return { status: 'Error', message: `Could not reach Lever at ${baseUrl}: ${(error as Error).message}` };
	}
	const status = response.statusCode;
	if (status >= 200 && status < 300) return { status: 'OK', message: 'Connection successful' };
	const body = (typeof response.body === 'object' && response.body !== null ? response.body : {}) as IDataObject;
	const lever = `${String(body.code ?? `HTTP ${status}`)}: ${String(body.message ?? '')}`;
	if (status === 401) return { status: 'Error', message: `The Lever API key was rejected — check the credential (${lever})` };
	if (status === 403) {
		return { status: 'Error', message: `The API key is valid but may not read stages; give it read access in Lever (${lever})` };
	}
	return { status: 'Error', message: `Lever answered ${status} (${lever})` };
}
