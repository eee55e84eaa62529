import type { ICredentialDataDecryptedObject, INodeCredentialTestResult } from 'n8n-workflow';

/** How long the "Test credential" button waits for an answer before calling the URL unreachable. */
export const CREDENTIAL_TEST_TIMEOUT_MS = 20_000;

/** What one ATS's credential test needs; the checks and the messages are the same for both. */
export interface CredentialProbe {
	vendor: string;
	/** What the user typed, in their words: "API key", "client ID and secret". */
	secretName: string;
	/** The credential's environment as the user picked it ("Production", "Sandbox", "Custom URL"). */
	environment: string;
	baseUrl: string;
	/** The vendor's other environments, so a key from the wrong one is told apart from a wrong key (none for a custom URL). */
	otherEnvironments: Array<{ environment: string; baseUrl: string }>;
	/** One authenticated read against `baseUrl`: its status and the vendor's own words; throws only when nothing answered. */
	attempt(baseUrl: string): Promise<{ statusCode: number; vendorMessage: string }>;
	/** What a 403 on the test read means, and how to fix it. */
	forbidden: string;
}

export interface ProbeRequest {
	method: 'GET' | 'POST';
	url: string;
	query?: Record<string, string | number>;
	headers?: Record<string, string>;
	body?: string;
}

/**
 * One request of a credential test: its status and body (parsed JSON where it is JSON), whatever the status.
 *
 * n8n 2.41 gives credential-test functions only the deprecated `helpers.request`, which n8n's community-node scanner
 * refuses, and no `httpRequest`; a declarative `test` request instead cannot say why a URL is unreachable nor tell a
 * key of the other environment from a wrong one. So the test makes its one read with the runtime's fetch.
 */
export async function probeRequest(
	request: ProbeRequest,
): Promise<{ statusCode: number; body: unknown }> {
	const url = new URL(request.url);
	for (const [key, value] of Object.entries(request.query ?? {}))
		url.searchParams.set(key, String(value));
	const response = await fetch(url, {
		method: request.method,
		headers: { Accept: 'application/json', ...request.headers },
		body: request.body,
		signal: AbortSignal.timeout(CREDENTIAL_TEST_TIMEOUT_MS),
	});
	const text = await response.text();
	let body: unknown = text;
	try {
		body = JSON.parse(text);
	} catch {
		// Not JSON (e.g. a proxy's HTML error page): the text is the body.
	}
	return { statusCode: response.status, body };
}

const ENVIRONMENT_NAMES: Record<string, string> = {
	production: 'Production',
	sandbox: 'Sandbox',
	custom: 'Custom URL',
};

/**
 * The credential's environment, its base URL, and the vendor's other environments (`urls`: environment → base URL)
 * for telling a key of the wrong environment from a wrong key; none for a custom URL.
 */
export function environmentsOf(
	credentials: ICredentialDataDecryptedObject,
	urls: Record<string, string>,
	baseUrl: string,
) {
	const environment = String(credentials.environment ?? 'production');
	return {
		environment: ENVIRONMENT_NAMES[environment] ?? environment,
		baseUrl,
		otherEnvironments:
			environment === 'custom'
				? []
				: Object.entries(urls)
						.filter(([name]) => name !== environment)
						.map(([name, url]) => ({ environment: ENVIRONMENT_NAMES[name] ?? name, baseUrl: url })),
	};
}

function hostOf(baseUrl: string): string {
	try {
		return new URL(baseUrl).host;
	} catch {
		return baseUrl;
	}
}

/** Why nothing answered, in words; the error's code where there is one. Never the request (it carries the secret). */
function unreachableReason(error: unknown): string {
	const { code, message, name } = (error ?? {}) as {
		code?: unknown;
		message?: unknown;
		name?: unknown;
	};
	const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
	const errorCode = String(code ?? cause?.code ?? '');
	const text = [message, cause?.message].filter((part) => typeof part === 'string').join(' ');
	if (errorCode === 'ECONNREFUSED') return 'nothing accepts connections there (ECONNREFUSED)';
	if (errorCode === 'ENOTFOUND' || errorCode === 'EAI_AGAIN')
		return `the host name does not resolve (${errorCode})`;
	if (
		name === 'TimeoutError' ||
		/ETIMEDOUT|ECONNABORTED|UND_ERR_CONNECT_TIMEOUT/.test(errorCode) ||
		/timeout/i.test(text)
	) {
		return `no answer within ${CREDENTIAL_TEST_TIMEOUT_MS / 1000} s (timeout)`;
	}
	if (errorCode === 'ECONNRESET')
		return 'the connection was closed before an answer came (ECONNRESET)';
	if (/bad port/i.test(text))
		return 'its port is one HTTP clients refuse to connect to (bad port): use another port';
	if (/certificate|SSL|TLS/i.test(`${errorCode} ${text}`))
		return `its TLS certificate was not accepted (${errorCode || text})`;
	return errorCode || text || 'no answer';
}

/**
 * "Test credential": one authenticated read, with an error that says what to fix — an unreachable URL (host named),
 * a key from another environment of the vendor, a wrong key (401) or a missing permission (403). No secret is named.
 */
export async function testCredential(probe: CredentialProbe): Promise<INodeCredentialTestResult> {
	const { vendor, secretName, baseUrl } = probe;
	if (!/^https?:\/\/[^/]/.test(baseUrl)) {
		return { status: 'Error', message: '"Custom API URL" must start with http:// or https://' };
	}
	const host = hostOf(baseUrl);
	let result: { statusCode: number; vendorMessage: string };
	try {
		result = await probe.attempt(baseUrl);
	} catch (error) {
		const fields =
			probe.otherEnvironments.length === 0 ? '"Environment" and "Custom API URL"' : '"Environment"';
		return {
			status: 'Error',
			message: `Could not reach ${vendor} at ${host}: ${unreachableReason(error)}. Check the credential's ${fields}.`,
		};
	}
	const { statusCode, vendorMessage } = result;
	const said = `${statusCode}${vendorMessage ? ` ${vendorMessage}` : ''}`;
	if (statusCode >= 200 && statusCode < 300)
		return { status: 'OK', message: 'Connection successful' };
	if (statusCode === 401 || statusCode === 403) {
		for (const other of probe.otherEnvironments) {
			const elsewhere = await probe.attempt(other.baseUrl).catch(() => undefined);
			if (elsewhere && elsewhere.statusCode >= 200 && elsewhere.statusCode < 300) {
				return {
					status: 'Error',
					message: `The ${secretName} belongs to ${vendor}'s ${other.environment} environment, not ${probe.environment}: set the credential's "Environment" to ${other.environment}.`,
				};
			}
		}
	}
	if (statusCode === 401) {
		return {
			status: 'Error',
			message: `${vendor} at ${host} rejected the ${secretName} (${said}). Check the ${secretName} and the credential's "Environment" (now ${probe.environment}).`,
		};
	}
	if (statusCode === 403)
		return {
			status: 'Error',
			message: `The ${secretName} is valid, but ${probe.forbidden} (${said})`,
		};
	return {
		status: 'Error',
		message: `${vendor} at ${host} answered ${said}: check the credential's "Environment" and URL.`,
	};
}
