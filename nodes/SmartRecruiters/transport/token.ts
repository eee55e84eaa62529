import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';
import { credentialHash } from '../../shared/transport/rateLimiter';

/**
 * OAuth2 client-credentials tokens, cached process-wide so every execution that uses the same credential shares one
 * token, and refreshed before `expires_in` runs out instead of after a 401 (a 401 on a candidate create would make
 * the write ambiguous). The cache key is a hash of token URL, client id and secret: a changed secret gets a new
 * token, and no secret is ever held in a key or written to a log.
 */
export const TOKEN_REFRESH_MARGIN_MS = 60_000;

interface CachedToken {
	accessToken: string;
	/** Epoch ms after which the token is no longer used (expiry minus the refresh margin). */
	refreshAt: number;
}

const tokens = new Map<string, CachedToken>();
const pending = new Map<string, Promise<CachedToken>>();

export type TokenRequester = (options: IHttpRequestOptions) => Promise<IN8nHttpFullResponse>;

export class TokenExchangeError extends Error {
	constructor(
		readonly statusCode: number,
		readonly vendorError: string,
		readonly vendorDescription: string,
	) {
		super(
			`SmartRecruiters refused the OAuth2 client credentials (${statusCode}${vendorError ? ` ${vendorError}` : ''})${
				vendorDescription ? `: ${vendorDescription}` : ''
			}. Check the Client ID, Client Secret and Environment of the credential.`,
		);
	}
}

export async function clientCredentialsToken(
	credentials: ICredentialDataDecryptedObject,
	tokenUrl: string,
	request: TokenRequester,
	now: () => number = Date.now,
): Promise<string> {
	const key = credentialHash([tokenUrl, credentials.clientId, credentials.clientSecret]);
	const cached = tokens.get(key);
	if (cached && now() < cached.refreshAt) return cached.accessToken;
	let inFlight = pending.get(key);
	if (!inFlight) {
		inFlight = requestClientCredentialsToken(credentials, tokenUrl, request, now).finally(() =>
			pending.delete(key),
		);
		pending.set(key, inFlight);
	}
	const token = await inFlight;
	tokens.set(key, token);
	return token.accessToken;
}

/** Drops the cached token after SmartRecruiters rejected it (revoked before its expiry). */
export function forgetToken(credentials: ICredentialDataDecryptedObject, tokenUrl: string) {
	tokens.delete(credentialHash([tokenUrl, credentials.clientId, credentials.clientSecret]));
}

/** One token exchange, bypassing the cache (the credential test uses it to really check the secret). */
export async function requestClientCredentialsToken(
	credentials: ICredentialDataDecryptedObject,
	tokenUrl: string,
	request: TokenRequester,
	now: () => number = Date.now,
): Promise<CachedToken> {
	const form = new URLSearchParams({
		grant_type: 'client_credentials',
		client_id: String(credentials.clientId ?? ''),
		client_secret: String(credentials.clientSecret ?? ''),
	});
	const requestedAt = now();
	const response = await request({
		method: 'POST',
		url: tokenUrl,
		headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
		body: form.toString(),
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		json: true,
	});
	const body = (typeof response.body === 'string' ? safeJson(response.body) : response.body) as
		| IDataObject
		| undefined;
	if (response.statusCode !== 200 || typeof body?.access_token !== 'string') {
		throw new TokenExchangeError(
			response.statusCode,
			String(body?.error ?? ''),
			String(body?.error_description ?? ''),
		);
	}
	// ⚠ Token lifetime is documented as 30 min in one place and 3600 s in another: always trust expires_in.
	const expiresInMs = Number(body.expires_in ?? 1800) * 1000;
	return {
		accessToken: body.access_token,
		refreshAt: requestedAt + expiresInMs - TOKEN_REFRESH_MARGIN_MS,
	};
}

function safeJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}
