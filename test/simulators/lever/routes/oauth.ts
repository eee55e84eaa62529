/**
 * Lever's OAuth 2.0 authorization-code flow (served by auth.lever.co in reality; here under /oauth). Errors use the
 * OAuth shape `{error, error_description}`, not the Data API's `{code, message}`.
 */
import express, { Router, type Request, type Response } from 'express';

import { KNOWN_SCOPES, type AuthRegistry } from '../auth';

export interface OAuthClient {
	clientId: string;
	clientSecret: string;
	/** audiences a client may ask for: the simulator's own and Lever's production/sandbox ones */
	audiences: string[];
}

function oauthError(res: Response, status: number, error: string, description: string) {
	res.status(status).json({ error, error_description: description });
}

function clientCredentials(req: Request): { clientId?: string; clientSecret?: string } {
	const header = req.headers.authorization;
	if (header && /^basic /i.test(header)) {
		const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
		const colon = decoded.indexOf(':');
		return {
			clientId: decodeURIComponent(decoded.slice(0, colon)),
			clientSecret: decodeURIComponent(decoded.slice(colon + 1)),
		};
	}
	const body = req.body as Record<string, unknown>;
	return {
		clientId: body.client_id as string | undefined,
		clientSecret: body.client_secret as string | undefined,
	};
}

export function oauthRoutes(auth: AuthRegistry, client: OAuthClient): Router {
	const router = Router();

	router.get('/authorize', (req, res) => {
		const q = req.query as Record<string, string | undefined>;
		if (q.client_id !== client.clientId)
			return oauthError(res, 400, 'invalid_request', 'Unknown client_id');
		let redirect: URL;
		try {
			redirect = new URL(q.redirect_uri ?? '');
		} catch {
			return oauthError(
				res,
				400,
				'invalid_request',
				'redirect_uri is required and must be an absolute URL',
			);
		}
		const fail = (error: string, description: string) => {
			redirect.searchParams.set('error', error);
			redirect.searchParams.set('error_description', description);
			if (q.state) redirect.searchParams.set('state', q.state);
			res.redirect(302, redirect.toString());
		};
		if (q.response_type !== 'code')
			return fail('unsupported_response_type', 'response_type must be code');
		if (!q.state) return fail('invalid_request', 'state is required');
		if (!q.audience || !client.audiences.includes(q.audience)) {
			return fail(
				'invalid_request',
				`audience is required and must be one of ${client.audiences.join(', ')}`,
			);
		}
		const scopes = (q.scope ?? '').split(/\s+/).filter(Boolean);
		const unknown = scopes.filter((scope) => !KNOWN_SCOPES.has(scope));
		if (scopes.length === 0 || unknown.length > 0) {
			return fail(
				'invalid_scope',
				unknown.length ? `Unknown scopes: ${unknown.join(' ')}` : 'scope is required',
			);
		}
		// The consent screen is skipped: the Super Admin always approves.
		redirect.searchParams.set('code', auth.issueCode(client.clientId, q.redirect_uri!, scopes));
		redirect.searchParams.set('state', q.state);
		res.redirect(302, redirect.toString());
	});

	router.post('/token', express.urlencoded({ extended: false }), (req, res) => {
		if (!req.is('application/x-www-form-urlencoded')) {
			return oauthError(
				res,
				400,
				'invalid_request',
				'Content-Type must be application/x-www-form-urlencoded',
			);
		}
		const body = req.body as Record<string, string | undefined>;
		const { clientId, clientSecret } = clientCredentials(req);
		if (clientId !== client.clientId || clientSecret !== client.clientSecret) {
			return oauthError(res, 401, 'invalid_client', 'Client authentication failed');
		}
		// ⚠ Lever's docs put audience only on the authorize URL; Auth0-based tenants also accept it here.
		if (body.audience !== undefined && !client.audiences.includes(body.audience)) {
			return oauthError(res, 403, 'access_denied', `Service not found: ${body.audience}`);
		}
		let scopes: string[] | undefined;
		if (body.grant_type === 'authorization_code') {
			if (!body.code) return oauthError(res, 400, 'invalid_request', 'code is required');
			scopes = auth.redeemCode(body.code, clientId, body.redirect_uri)?.scopes;
			if (!scopes) return oauthError(res, 403, 'invalid_grant', 'Invalid authorization code');
		} else if (body.grant_type === 'refresh_token') {
			if (!body.refresh_token)
				return oauthError(res, 400, 'invalid_request', 'refresh_token is required');
			scopes = auth.redeemRefreshToken(body.refresh_token, clientId)?.scopes;
			if (!scopes)
				return oauthError(res, 403, 'invalid_grant', 'Unknown or already used refresh token');
		} else {
			return oauthError(
				res,
				400,
				'unsupported_grant_type',
				'grant_type must be authorization_code or refresh_token',
			);
		}
		const tokens = auth.issueTokens(clientId, scopes);
		res.setHeader('Cache-Control', 'no-store');
		res.json({
			access_token: tokens.accessToken,
			...(tokens.refreshToken ? { refresh_token: tokens.refreshToken } : {}),
			token_type: 'Bearer',
			scope: tokens.scope,
			expires_in: tokens.expiresIn,
		});
	});

	return router;
}
