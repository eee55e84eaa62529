/** What "Test credential" says for each way a credential can be wrong, the same for both ATSs (no network needed). */
import { environmentsOf, testCredential } from '../../nodes/shared/credentialTest';

const URLS = {
	production: 'https://api.example-ats.com/v1',
	sandbox: 'https://api.sandbox.example-ats.com/v1',
};

/** A probe whose answer depends on the base URL it is sent to. */
function probe(
	answers: Record<string, { statusCode: number; vendorMessage: string } | Error>,
	environment = 'production',
) {
	return {
		vendor: 'ExampleATS',
		secretName: 'API key',
		...environmentsOf(
			{ environment },
			URLS,
			URLS[environment as keyof typeof URLS] ?? 'https://ats.internal:8443/v1',
		),
		attempt: async (baseUrl: string) => {
			const answer = answers[baseUrl];
			if (answer instanceof Error) throw answer;
			return answer ?? { statusCode: 401, vendorMessage: 'Unauthorized' };
		},
		forbidden: 'it may not read jobs: give it read access',
	};
}

const networkError = (code: string, message = `connect ${code}`) =>
	Object.assign(new TypeError('fetch failed'), {
		cause: Object.assign(new Error(message), { code }),
	});

describe('credential test messages', () => {
	it('passes when the read succeeds', async () => {
		expect(
			await testCredential(probe({ [URLS.production]: { statusCode: 200, vendorMessage: '' } })),
		).toEqual({ status: 'OK', message: 'Connection successful' });
	});

	it('tells a key of the other environment from a wrong key', async () => {
		const result = await testCredential(
			probe({ [URLS.sandbox]: { statusCode: 200, vendorMessage: '' } }),
		);
		expect(result.message).toBe(
			`The API key belongs to ExampleATS's Sandbox environment, not Production: set the credential's "Environment" to Sandbox.`,
		);
	});

	it('says a wrong key is wrong, naming the host and the environment, never the key', async () => {
		const result = await testCredential(
			probe({ [URLS.production]: { statusCode: 401, vendorMessage: 'Unauthorized: invalid key' } }),
		);
		expect(result).toEqual({
			status: 'Error',
			message: `ExampleATS at api.example-ats.com rejected the API key (401 Unauthorized: invalid key). Check the API key and the credential's "Environment" (now Production).`,
		});
	});

	it('explains a missing permission', async () => {
		const result = await testCredential(
			probe({ [URLS.production]: { statusCode: 403, vendorMessage: 'Forbidden' } }),
		);
		expect(result.message).toBe(
			'The API key is valid, but it may not read jobs: give it read access (403 Forbidden)',
		);
	});

	it.each([
		[networkError('ECONNREFUSED'), 'nothing accepts connections there (ECONNREFUSED)'],
		[
			networkError('ENOTFOUND', 'getaddrinfo ENOTFOUND ats.internal'),
			'the host name does not resolve (ENOTFOUND)',
		],
		[
			Object.assign(new Error('The operation was aborted due to timeout'), {
				name: 'TimeoutError',
			}),
			'no answer within 20 s (timeout)',
		],
		[
			Object.assign(new TypeError('fetch failed'), { cause: new Error('bad port') }),
			'its port is one HTTP clients refuse to connect to (bad port): use another port',
		],
	])('says why a URL cannot be reached: %s', async (error, reason) => {
		const result = await testCredential(probe({ 'https://ats.internal:8443/v1': error }, 'custom'));
		expect(result.message).toBe(
			`Could not reach ExampleATS at ats.internal:8443: ${reason}. Check the credential's "Environment" and "Custom API URL".`,
		);
	});

	it('refuses a custom URL that is not http(s) before sending anything', async () => {
		const result = await testCredential({ ...probe({}, 'custom'), baseUrl: 'ats.internal/v1' });
		expect(result.message).toBe('"Custom API URL" must start with http:// or https://');
	});
});
