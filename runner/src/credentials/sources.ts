/**
 * Credentials for a headless run: a JSON/YAML file and/or environment variables, keyed by the credential name or
 * id the workflow's nodes use, validated (zod) against the credential type's fields before anything runs.
 *
 * Environment convention (no file needed, e.g. in CI or a container):
 *   ATS_SYNC_CREDENTIALS='{"Lever account": {"apiKey": "..."}}'   the same shape as the file, as one JSON value
 *   ATS_SYNC_CRED_LEVER_ACCOUNT_API_KEY=...                         one field: credential name and field name in
 *                                                                   UPPER_SNAKE_CASE ("Lever account" + "apiKey")
 * Sources merge field by field, later ones winning: file < ATS_SYNC_CREDENTIALS < ATS_SYNC_CRED_* variables.
 * String values in the file and in ATS_SYNC_CREDENTIALS may reference variables as ${NAME}.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type {
	ICredentialDataDecryptedObject,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	IWorkflowBase,
} from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';
import type YAML from 'yaml';
import { z } from 'zod';

import { UserError } from '../errors';
import type { Masker } from '../secrets';
import type { TypeRegistry } from '../workflow/types';
import type { CredentialStore } from './helper';

type CredentialData = ICredentialDataDecryptedObject;

interface CredentialSource {
	type?: string;
	data: CredentialData;
	/** Where this entry came from, for messages (never its values). */
	origin: string;
}

/** One credential a node of the workflow uses. */
export interface CredentialUse {
	nodeName: string;
	type: string;
	details: INodeCredentialsDetails;
}

export function upperSnake(name: string): string {
	return name
		.replace(/([a-z0-9])([A-Z])/g, '$1_$2')
		.replace(/[^A-Za-z0-9]+/g, '_')
		.replace(/^_+|_+$/g, '')
		.toUpperCase();
}

/** Replaces ${VAR} references in every string of `value`; a missing variable is an error naming it and the field. */
function expandEnv(value: unknown, env: NodeJS.ProcessEnv, where: string): unknown {
	if (typeof value === 'string') {
		return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_match, name: string) => {
			const found = env[name];
			if (found === undefined)
				throw new UserError(
					`${where} references \${${name}}, but the environment variable ${name} is not set`,
				);
			return found;
		});
	}
	if (Array.isArray(value)) return value.map((entry, i) => expandEnv(entry, env, `${where}[${i}]`));
	if (value !== null && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value).map(([key, entry]) => [key, expandEnv(entry, env, `${where}.${key}`)]),
		);
	}
	return value;
}

/** `{ type?, data }` or the data itself. */
function toSources(
	parsed: unknown,
	origin: string,
	env: NodeJS.ProcessEnv,
): Map<string, CredentialSource> {
	if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw new UserError(
			`${origin} must map credential names (or ids) to their fields, e.g. {"Lever account": {"apiKey": "\${LEVER_API_KEY}"}}`,
		);
	}
	const sources = new Map<string, CredentialSource>();
	for (const [key, entry] of Object.entries(parsed as Record<string, unknown>)) {
		if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
			throw new UserError(`${origin}: credential "${key}" must be an object of fields`);
		}
		const record = entry as Record<string, unknown>;
		const wrapped =
			typeof record.data === 'object' &&
			record.data !== null &&
			Object.keys(record).every((k) => k === 'type' || k === 'data');
		if (wrapped && record.type !== undefined && typeof record.type !== 'string') {
			throw new UserError(
				`${origin}: credential "${key}" field "type" must be a credential type name such as "leverApi"`,
			);
		}
		const data = expandEnv(
			wrapped ? record.data : record,
			env,
			`${origin}: credential "${key}" field`,
		) as CredentialData;
		sources.set(key, {
			type: wrapped ? (record.type as string | undefined) : undefined,
			data,
			origin,
		});
	}
	return sources;
}

export function readCredentialsFile(
	file: string,
	env: NodeJS.ProcessEnv = process.env,
): Map<string, CredentialSource> {
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		throw new UserError(
			`Credentials file ${file} ${code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? (error as Error).message})`}`,
		);
	}
	// The YAML parser loads only for a YAML file: most runs read JSON, and start-up counts.
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const parseYaml = (yaml: string): unknown => (require('yaml') as typeof YAML).parse(yaml);
	let parsed: unknown;
	try {
		parsed = /\.ya?ml$/i.test(file) ? parseYaml(text) : JSON.parse(text);
	} catch (error) {
		// Parser messages quote the offending text, which may be a secret: report the position only.
		const where = /line (\d+)|position (\d+)/.exec((error as Error).message)?.[0];
		throw new UserError(
			`Credentials file ${file} is not valid ${/\.ya?ml$/i.test(file) ? 'YAML' : 'JSON'}${where ? ` (at ${where})` : ''}`,
		);
	}
	return toSources(parsed, `Credentials file ${path.basename(file)}`, env);
}

/** Which credentials each enabled node uses, as n8n decides it: only the credential entries the node's parameters show. */
export function credentialUses(
	workflowData: IWorkflowBase,
	types: TypeRegistry,
): { uses: CredentialUse[]; problems: string[] } {
	const uses: CredentialUse[] = [];
	const problems: string[] = [];
	for (const node of workflowData.nodes as INode[]) {
		if (node.disabled || !types.hasNodeType(node.type)) continue;
		const description = types.getByNameAndVersion(node.type, node.typeVersion).description;
		const parameters =
			NodeHelpers.getNodeParameters(
				description.properties,
				node.parameters,
				true,
				false,
				node,
				description,
			) ?? {};
		for (const wanted of description.credentials ?? []) {
			if (!NodeHelpers.displayParameter(parameters, wanted, node, description)) continue;
			const details = node.credentials?.[wanted.name];
			if (details) uses.push({ nodeName: node.name, type: wanted.name, details });
			else if (wanted.required)
				problems.push(
					`Node "${node.name}" needs a credential of type "${wanted.name}", but none is set in the workflow`,
				);
		}
	}
	return { uses, problems };
}

function fieldSchema(property: INodeProperties): z.ZodTypeAny {
	switch (property.type) {
		case 'string':
			return z.string({ invalid_type_error: 'must be a string' });
		case 'number':
			return z.number({ invalid_type_error: 'must be a number' });
		case 'boolean':
			return z.boolean({ invalid_type_error: 'must be true or false' });
		case 'options': {
			const allowed = (property.options ?? []).map((option) =>
				'value' in option ? option.value : undefined,
			);
			return z.any().refine((value) => allowed.includes(value), {
				message: `must be one of ${allowed.map((value) => JSON.stringify(value)).join(', ')}`,
			});
		}
		case 'json':
			return z.union([z.string(), z.record(z.unknown())], {
				invalid_type_error: 'must be JSON text or an object',
			});
		default:
			return z.unknown();
	}
}

/** Environment values are strings; turn them into what the field's type expects before validation. */
function coerceFromEnv(property: INodeProperties | undefined, value: string): unknown {
	if (property?.type === 'number' && value.trim() !== '' && !Number.isNaN(Number(value)))
		return Number(value);
	if (property?.type === 'boolean' && (value === 'true' || value === 'false'))
		return value === 'true';
	return value;
}

export interface ResolvedCredentials {
	store: CredentialStore;
	problems: string[];
}

export interface CredentialOptions {
	types: TypeRegistry;
	/** From --credentials, if given. */
	file?: Map<string, CredentialSource>;
	env?: NodeJS.ProcessEnv;
	/**
	 * Rotated OAuth2 tokens saved by earlier runs, by credential key; they win over the file's. Asked again each time
	 * a node reads the credential, so a token another thread of `serve` rotated is used at once.
	 */
	savedToken?: (credentialKey: string) => unknown;
	masker: Masker;
	onTokensRotated?: (credentialKey: string, oauthTokenData: unknown) => void;
}

/**
 * Resolves and validates every credential the workflow uses. Problems name the credential, the node and the field;
 * values are never quoted (they may be secrets), except option values, which are not.
 */
export function resolveCredentials(
	uses: CredentialUse[],
	options: CredentialOptions,
): ResolvedCredentials {
	const env = options.env ?? process.env;
	const blob = env.ATS_SYNC_CREDENTIALS;
	let fromBlob = new Map<string, CredentialSource>();
	if (blob !== undefined && blob.trim() !== '') {
		let parsed: unknown;
		try {
			parsed = JSON.parse(blob);
		} catch {
			throw new UserError('ATS_SYNC_CREDENTIALS is not valid JSON');
		}
		fromBlob = toSources(parsed, 'ATS_SYNC_CREDENTIALS', env);
	}
	const resolved = new Map<string, CredentialData>();
	const problems: string[] = [];
	const keyOf = (
		details: INodeCredentialsDetails,
		sources: Array<Map<string, CredentialSource> | undefined>,
	) =>
		[details.id, details.name].find((key) => key && sources.some((source) => source?.has(key))) ??
		details.name;

	// One message per credential, naming every node that uses it.
	const usersOf = new Map<string, string[]>();
	for (const use of uses) {
		const id = `${use.type}\u0000${keyOf(use.details, [options.file, fromBlob])}`;
		usersOf.set(id, [...(usersOf.get(id) ?? []), use.nodeName]);
	}
	const checked = new Set<string>();
	for (const use of uses) {
		const key = keyOf(use.details, [options.file, fromBlob]);
		if (checked.has(`${use.type}\u0000${key}`)) continue;
		checked.add(`${use.type}\u0000${key}`);
		const users = usersOf.get(`${use.type}\u0000${key}`) ?? [use.nodeName];
		const label = `Credential "${use.details.name}" (${use.type}, used by node${users.length > 1 ? 's' : ''} ${users.map((name) => `"${name}"`).join(', ')})`;
		const properties = options.types.credentialProperties(use.type);
		const data: CredentialData = {};
		for (const source of [options.file?.get(key), fromBlob.get(key)]) {
			if (!source) continue;
			if (source.type && source.type !== use.type) {
				problems.push(
					`${label}: ${source.origin} gives it type "${source.type}", but the node needs "${use.type}"`,
				);
			}
			Object.assign(data, source.data);
		}
		const prefix = `ATS_SYNC_CRED_${upperSnake(use.details.name)}_`;
		for (const [name, value] of Object.entries(env)) {
			if (!name.startsWith(prefix) || value === undefined) continue;
			const fieldKey = name.slice(prefix.length);
			const property = properties?.find((p) => upperSnake(p.name) === fieldKey);
			data[property?.name ?? fieldKey] = coerceFromEnv(property, value) as CredentialData[string];
		}
		const saved = options.savedToken?.(key);
		if (saved !== undefined) data.oauthTokenData = saved as CredentialData[string];
		options.masker.add(secretValues(properties, data));
		if (Object.keys(data).length === 0) {
			problems.push(
				`${label} is missing: add "${use.details.name}" to the credentials file, or set ${prefix}<FIELD> environment variables`,
			);
			continue;
		}
		if (!options.types.getCredentialType(use.type)) {
			problems.push(`${label}: credential type "${use.type}" is not loaded from any node package`);
			continue;
		}
		problems.push(...validateCredential(label, use.type, data, options.types));
		resolved.set(`${use.type}\u0000${key}`, data);
	}

	const store: CredentialStore = {
		resolve: (details, type) => {
			const key = keyOf(details, [options.file, fromBlob]);
			const entry = resolved.get(`${type}\u0000${key}`);
			const saved = entry && options.savedToken?.(key);
			if (!entry || saved === undefined || saved === entry.oauthTokenData) return entry;
			options.masker.add(tokenValues(saved));
			entry.oauthTokenData = saved as CredentialData[string];
			return entry;
		},
		saveOauthTokenData: (details, type, saved) => {
			const key = keyOf(details, [options.file, fromBlob]);
			const entry = resolved.get(`${type}\u0000${key}`);
			if (entry) entry.oauthTokenData = saved.oauthTokenData;
			options.masker.add(tokenValues(saved.oauthTokenData));
			options.onTokensRotated?.(key, saved.oauthTokenData);
		},
	};
	return { store, problems };
}

/** The tokens in OAuth2 token data (not its token type or expiry, which are not secret and would mask words). */
function tokenValues(oauthTokenData: unknown): unknown[] {
	if (oauthTokenData === null || typeof oauthTokenData !== 'object') return [];
	return Object.entries(oauthTokenData)
		.filter(([key]) => /token/i.test(key) && key !== 'token_type')
		.map(([, value]) => value);
}

function secretValues(properties: INodeProperties[] | undefined, data: CredentialData): unknown[] {
	return Object.entries(data).flatMap(([field, value]) =>
		field === 'oauthTokenData'
			? tokenValues(value)
			: isSecretField(properties, field)
				? [value]
				: [],
	);
}

/**
 * Which fields are masked in every message: password fields, names that say so, and fields we do not know.
 * Plain configuration (environment, URLs, a user id to act as) stays readable, as it helps reading the logs.
 */
function isSecretField(properties: INodeProperties[] | undefined, field: string): boolean {
	const property = properties?.find((p) => p.name === field);
	if (!property) return true;
	if (property.typeOptions?.password === true) return true;
	return property.type === 'string' && /key|secret|token|password/i.test(field);
}

function validateCredential(
	label: string,
	type: string,
	data: CredentialData,
	types: TypeRegistry,
): string[] {
	const properties = types.credentialProperties(type) ?? [];
	const credentialType = types.getCredentialType(type);
	const allParentsKnown = (credentialType?.extends ?? []).every((parent) =>
		types.getCredentialType(parent),
	);
	const withDefaults: CredentialData = {};
	for (const property of properties) {
		if (property.default !== undefined)
			withDefaults[property.name] = property.default as CredentialData[string];
	}
	Object.assign(withDefaults, data);
	const problems: string[] = [];
	for (const property of properties) {
		if (property.type === 'notice' || property.type === 'hidden') continue;
		if (!NodeHelpers.displayParameter(withDefaults, property, null, null)) continue;
		const value = data[property.name];
		const empty = value === undefined || value === null || value === '';
		if (empty) {
			if (property.required && (property.default === undefined || property.default === '')) {
				problems.push(
					`${label}: field "${property.name}" (${property.displayName}) is required but missing`,
				);
			}
			continue;
		}
		const result = fieldSchema(property).safeParse(value);
		if (!result.success) {
			problems.push(
				`${label}: field "${property.name}" ${result.error.issues[0]?.message ?? 'is invalid'}`,
			);
		}
	}
	if (allParentsKnown) {
		const known = new Set(properties.map((p) => p.name).concat('oauthTokenData'));
		for (const field of Object.keys(data)) {
			if (!known.has(field)) {
				problems.push(
					`${label}: field "${field}" is not a field of ${type} (its fields: ${properties
						.filter((p) => p.type !== 'notice' && p.type !== 'hidden')
						.map((p) => p.name)
						.join(', ')})`,
				);
			}
		}
	}
	return problems;
}
