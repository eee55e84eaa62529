/**
 * Who may call the simulated API: API keys (Basic, key as user name, blank password), OAuth grants and access tokens,
 * per-credential permissions and the per-credential token bucket.
 */
import { createHmac, randomBytes } from 'node:crypto';

import { registerSecret } from '../../secrets/record';
import { forbidden, unauthorized } from './errors';

export type Access = 'read' | 'write';

/** Resource names as they appear in Lever's OAuth scopes (`contact:write:admin`, `files:read:admin`, …). */
export const RESOURCES = [
	'applications',
	'archive_reasons',
	'contact',
	'feedback',
	'feedback_templates',
	'files',
	'forms',
	'form_templates',
	'interviews',
	'notes',
	'offers',
	'opportunities',
	'panels',
	'postings',
	'referrals',
	'requisitions',
	'requisition_fields',
	'resumes',
	'sources',
	'stages',
	'tags',
	'uploads',
	'users',
	'webhooks',
] as const;
export type Resource = (typeof RESOURCES)[number];

/** Every scope Lever documents (lever.md §1 Scopes). Unknown scopes are refused at the authorize step. */
export const KNOWN_SCOPES = new Set([
	'offline_access',
	'applications:read:admin',
	'archive_reasons:read:admin',
	'audit_events:read:admin',
	'confidential:access:admin',
	'contact:read:admin',
	'contact:write:admin',
	'diversity_surveys:read:admin',
	'eeo_responses:read:admin',
	'eeo_responses_pii:read:admin',
	...[
		'feedback',
		'feedback_templates',
		'files',
		'forms',
		'form_templates',
		'groups',
		'interviews',
		'notes',
		'opportunities',
		'panels',
		'permissions',
		'postings',
		'requisitions',
		'requisition_fields',
		'roles',
		'users',
		'webhooks',
	].flatMap((name) => [`${name}:read:admin`, `${name}:write:admin`]),
	'offers:read:admin',
	'referrals:read:admin',
	'resumes:read:admin',
	'sources:read:admin',
	'stages:read:admin',
	'tags:read:admin',
	'tasks:read:admin',
	'uploads:write:admin',
]);

export const ALL_SCOPES = [...KNOWN_SCOPES];

export interface Principal {
	kind: 'basic' | 'bearer';
	/** bucket id for rate limiting: one bucket per API key / per access token */
	bucketKey: string;
	confidential: boolean;
	can(resource: Resource, access: Access): boolean;
}

/** Permission sets granted to an API key (Lever keys carry per-endpoint read/write permissions). */
interface KeyGrant {
	denied: Set<string>;
	confidential: boolean;
}

function principalFromScopes(
	kind: Principal['kind'],
	bucketKey: string,
	scopes: string[],
): Principal {
	const granted = new Set(scopes);
	return {
		kind,
		bucketKey,
		confidential: granted.has('confidential:access:admin'),
		// "write scopes include all corresponding read permissions"
		can: (resource, access) =>
			granted.has(`${resource}:write:admin`) ||
			(access === 'read' && granted.has(`${resource}:read:admin`)),
	};
}

export class AuthRegistry {
	private readonly keys = new Map<string, KeyGrant>();
	private readonly accessTokens = new Map<
		string,
		{ scopes: string[]; expiresAt: number; clientId: string }
	>();
	private readonly refreshTokens = new Map<string, { scopes: string[]; clientId: string }>();
	private readonly codes = new Map<
		string,
		{ clientId: string; redirectUri: string; scopes: string[]; expiresAt: number }
	>();
	private readonly jwtSecret = randomBytes(32);

	constructor(
		private readonly now: () => number,
		private readonly issuer: string,
		/** known only once the server listens */
		private readonly audience: () => string,
	) {}

	addApiKey(key: string, grant: { denied?: string[]; confidential: boolean }) {
		this.keys.set(key, { denied: new Set(grant.denied ?? []), confidential: grant.confidential });
	}

	authenticate(authorization: string | undefined): Principal {
		if (!authorization) {
			throw unauthorized(
				'No API key or access token was provided. Use Basic auth with the API key as the username, or a Bearer token.',
			);
		}
		const [scheme, credentials = ''] = authorization.split(' ', 2);
		if (/^basic$/i.test(scheme)) {
			const decoded = Buffer.from(credentials, 'base64').toString('utf8');
			const colon = decoded.indexOf(':');
			const key = colon === -1 ? decoded : decoded.slice(0, colon);
			const password = colon === -1 ? '' : decoded.slice(colon + 1);
			const grant = this.keys.get(key);
			// Lever keys go in the user name with a blank password; a key sent as the password is a client bug.
			if (!grant || password !== '') throw unauthorized('The API key provided is not valid.');
			return {
				kind: 'basic',
				bucketKey: `key:${key}`,
				confidential: grant.confidential,
				can: (resource, access) => !grant.denied.has(`${resource}:${access}`),
			};
		}
		if (/^bearer$/i.test(scheme)) {
			const token = this.accessTokens.get(credentials);
			if (!token) throw unauthorized('The access token provided is not valid.');
			if (token.expiresAt <= this.now())
				throw unauthorized('The access token provided has expired.');
			return principalFromScopes('bearer', `token:${credentials}`, token.scopes);
		}
		throw unauthorized('Unsupported authorization scheme. Use Basic or Bearer.');
	}

	issueCode(clientId: string, redirectUri: string, scopes: string[]): string {
		const code = randomBytes(16).toString('base64url');
		this.codes.set(code, { clientId, redirectUri, scopes, expiresAt: this.now() + 10 * 60 * 1000 });
		return code;
	}

	/** Single use: a replayed code is refused. */
	redeemCode(code: string, clientId: string, redirectUri: string | undefined) {
		const grant = this.codes.get(code);
		if (!grant) return undefined;
		this.codes.delete(code);
		if (grant.clientId !== clientId || grant.expiresAt <= this.now()) return undefined;
		if (redirectUri !== undefined && redirectUri !== grant.redirectUri) return undefined;
		return grant;
	}

	/** Rotation: the used refresh token stops working once a new one is issued. */
	redeemRefreshToken(refreshToken: string, clientId: string) {
		const grant = this.refreshTokens.get(refreshToken);
		if (!grant || grant.clientId !== clientId) return undefined;
		this.refreshTokens.delete(refreshToken);
		return grant;
	}

	issueTokens(clientId: string, scopes: string[]) {
		const expiresIn = 3600;
		const issuedAt = this.now();
		const accessToken = this.signJwt({
			iss: this.issuer,
			sub: `${clientId}@clients`,
			aud: this.audience(),
			iat: Math.floor(issuedAt / 1000),
			exp: Math.floor(issuedAt / 1000) + expiresIn,
			scope: scopes.join(' '),
			jti: randomBytes(8).toString('hex'),
			'https://oauth.lever.co/clientId': clientId,
		});
		this.accessTokens.set(accessToken, {
			scopes,
			clientId,
			expiresAt: issuedAt + expiresIn * 1000,
		});
		registerSecret('Lever simulator OAuth access token', accessToken, 'issued');
		// Lever only hands out refresh tokens when offline_access was granted.
		let refreshToken: string | undefined;
		if (scopes.includes('offline_access')) {
			refreshToken = randomBytes(24).toString('base64url');
			this.refreshTokens.set(refreshToken, { scopes, clientId });
			registerSecret('Lever simulator OAuth refresh token', refreshToken, 'issued');
		}
		return { accessToken, refreshToken, expiresIn, scope: scopes.join(' ') };
	}

	private signJwt(payload: Record<string, unknown>): string {
		const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
		const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(payload)}`;
		return `${unsigned}.${createHmac('sha256', this.jwtSecret).update(unsigned).digest('base64url')}`;
	}
}

export function requirePermission(principal: Principal, resource: Resource, access: Access) {
	if (!principal.can(resource, access)) {
		throw forbidden(`These credentials do not have ${access} permission for ${resource}.`);
	}
}

export function requireConfidentialAccess(principal: Principal) {
	if (!principal.confidential) {
		throw forbidden('These credentials do not have access to confidential data.');
	}
}

/**
 * Lever: "token bucket … steady state of 10 requests/second per API key … bursts up to 20". One bucket per credential.
 */
export class TokenBuckets {
	private readonly buckets = new Map<string, { tokens: number; updatedAt: number }>();

	constructor(
		private readonly ratePerSecond: number,
		private readonly burst: number,
		private readonly now: () => number,
	) {}

	/** Takes one token; returns 0 when allowed, else the seconds until the next token. */
	take(key: string): number {
		const now = this.now();
		const bucket = this.buckets.get(key) ?? { tokens: this.burst, updatedAt: now };
		bucket.tokens = Math.min(
			this.burst,
			bucket.tokens + ((now - bucket.updatedAt) / 1000) * this.ratePerSecond,
		);
		bucket.updatedAt = now;
		this.buckets.set(key, bucket);
		if (bucket.tokens >= 1) {
			bucket.tokens -= 1;
			return 0;
		}
		return (1 - bucket.tokens) / this.ratePerSecond;
	}

	clear() {
		this.buckets.clear();
	}
}
