/**
 * Contract check against SmartRecruiters' own OpenAPI description. Finds the spec operation of a request
 * (method + templated path after stripping the API's real base path) and validates parameters, bodies and responses.
 * All deviations from the spec live in spec-exceptions.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import YAML from 'yaml';

import {
	API_BASE_PATHS,
	CUSTOM_FORMATS,
	IGNORED_HEADER_PARAMETERS,
	PARAMETER_RENAMES,
	REFERENCE_REWRITES,
	SCHEMA_OVERRIDES,
	TOKEN_ENDPOINT,
	UNDECLARED_ERROR_SCHEMA,
} from './spec-exceptions';

type Json = Record<string, unknown>;
const SPEC_ID = 'sr-openapi.json';
/** The vendor spec, kept in the repository as test data (source, licence and known faults: spec/SOURCE.md). */
export const SPEC_FILE = path.join(__dirname, 'spec', 'smartrecruiters-openapi.yaml');

export interface SpecParameter {
	name: string;
	in: 'path' | 'query' | 'header' | 'cookie';
	required: boolean;
	schema: Json;
}

export interface SpecOperation {
	api: string;
	basePath: string;
	method: string;
	pathTemplate: string;
	operationId: string;
	parameters: SpecParameter[];
	requestBody?: { required: boolean; content: Record<string, Json | undefined> };
	responses: Record<string, { description?: string; content?: Record<string, Json | undefined> }>;
	callbacks?: Json;
	/** OAuth scopes listed for the operation (`security: [{oauth: [...]}]`); any one of them grants access. */
	oauthScopes: string[];
	matcher: RegExp;
	pathParamNames: string[];
	literalSegments: number;
}

export interface RequestToCheck {
	method: string;
	path: string;
	query: Record<string, unknown>;
	headers: Record<string, string | string[] | undefined>;
	contentType?: string;
	/** undefined when the request had no body at all */
	body?: unknown;
}

export interface RequestCheck {
	operation?: SpecOperation;
	pathParams: Record<string, string>;
	/** Errors the real API would reject with 400 (parameter or body schema). */
	errors: string[];
	/** Problems the real API silently ignores (unknown query parameters) — still reported as contract violations. */
	warnings: string[];
}

export interface WebhookCallbackSpec {
	operationId: string;
	payloadSchema: string;
	/** false for events whose callback has no `Link` header (`candidate.deleted`, `position.deleted`…). */
	hasLink: boolean;
}

export class SmartRecruitersSpec {
	readonly operations: SpecOperation[] = [];
	readonly eventNames: string[];
	/** Scopes of the customer OAuth scheme (`securitySchemes.oauth`). */
	readonly oauthScopes: string[];
	private readonly document: Json;
	private readonly ajv: Ajv;
	private readonly coercingAjv: Ajv;
	private readonly compiled = new Map<string, ValidateFunction>();

	constructor(specFile = SPEC_FILE) {
		this.document = YAML.parse(readFileSync(specFile, 'utf8')) as Json;
		const components = this.document.components as Json;
		const schemas = normaliseSchemas(components.schemas as Record<string, Json>);
		this.ajv = createAjv(false);
		this.coercingAjv = createAjv('array');
		const schemaDocument = { $id: SPEC_ID, components: { schemas } };
		this.ajv.addSchema(schemaDocument);
		this.coercingAjv.addSchema(schemaDocument);
		this.eventNames = (schemas.EventName.enum as string[]).slice();
		const oauth = (components.securitySchemes as Record<string, Json>).oauth as {
			flows: { authorizationCode: { scopes: Record<string, string> } };
		};
		this.oauthScopes = Object.keys(oauth.flows.authorizationCode.scopes);
		this.collectOperations();
	}

	/** The API (by base path) and spec operation of a request path, or undefined when the spec has none. */
	findOperation(
		method: string,
		requestPath: string,
	): { operation?: SpecOperation; pathParams: Record<string, string> } {
		const api = API_BASE_PATHS.find(
			(entry) =>
				entry.basePath === '' ||
				requestPath === entry.basePath ||
				requestPath.startsWith(`${entry.basePath}/`),
		);
		if (!api) return { pathParams: {} };
		const relative = requestPath.slice(api.basePath.length) || '/';
		const upper = method.toUpperCase();
		let best: { operation: SpecOperation; pathParams: Record<string, string> } | undefined;
		for (const operation of this.operations) {
			if (operation.api !== api.api || operation.method !== upper) continue;
			const match = operation.matcher.exec(relative);
			if (!match) continue;
			if (best && best.operation.literalSegments >= operation.literalSegments) continue;
			const pathParams: Record<string, string> = {};
			operation.pathParamNames.forEach(
				(name, index) => (pathParams[name] = decodeURIComponent(match[index + 1])),
			);
			best = { operation, pathParams };
		}
		return best ?? { pathParams: {} };
	}

	checkRequest(request: RequestToCheck): RequestCheck {
		const { operation, pathParams } = this.findOperation(request.method, request.path);
		const result: RequestCheck = { operation, pathParams, errors: [], warnings: [] };
		if (!operation) {
			result.errors.push(
				`no operation ${request.method.toUpperCase()} ${request.path} in the vendor spec`,
			);
			return result;
		}
		this.checkParameters(operation, 'path', pathParams, result);
		this.checkParameters(operation, 'query', request.query, result);
		const headers: Record<string, unknown> = {};
		for (const [name, value] of Object.entries(request.headers))
			headers[name.toLowerCase()] = value;
		this.checkParameters(operation, 'header', headers, result);
		const declared = new Set(
			operation.parameters.filter((p) => p.in === 'query').map((p) => p.name),
		);
		for (const name of Object.keys(request.query)) {
			if (!declared.has(name)) {
				result.warnings.push(
					`unknown query parameter "${name}" (the API ignores it; declared: ${[...declared].join(', ') || 'none'})`,
				);
			}
		}
		this.checkRequestBody(operation, request, result);
		return result;
	}

	/** Validates a response body against the operation's schema for that status; returns the violations. */
	checkResponse(
		operation: SpecOperation,
		status: number,
		contentType: string | undefined,
		body: unknown,
	): string[] {
		const declared =
			operation.responses[String(status)] ?? operation.responses[`${String(status)[0]}XX`];
		const hasBody = body !== undefined && body !== '';
		if (!declared && !operation.responses.default) {
			if (status < 400) return [`status ${status} is not declared for ${operation.operationId}`];
			return hasBody ? this.validateNamed(UNDECLARED_ERROR_SCHEMA, body, 'response') : [];
		}
		const response = declared ?? operation.responses.default;
		if (hasBody && contentType && !/json/i.test(contentType)) {
			// File downloads and other non-JSON bodies: only the declared media type can be checked.
			const declaredTypes = Object.keys(response.content ?? {});
			return declaredTypes.length &&
				!pickMedia(response.content, contentType) &&
				declaredTypes.every((type) => /json/i.test(type))
				? [
						`content type ${contentType} is not declared for status ${status} of ${operation.operationId}`,
					]
				: [];
		}
		const media = pickMedia(response.content, contentType);
		if (!media?.schema) {
			if (!hasBody) return [];
			if (status >= 400) return this.validateNamed(UNDECLARED_ERROR_SCHEMA, body, 'response');
			return [`status ${status} of ${operation.operationId} declares no body, but one was sent`];
		}
		if (!hasBody)
			return [`status ${status} of ${operation.operationId} requires a body, none was sent`];
		return this.validate(media.schema as Json, body, 'response');
	}

	/** Token endpoint (see TOKEN_ENDPOINT in spec-exceptions.ts). */
	checkTokenResponse(status: number, body: unknown): string[] {
		return this.validateNamed(
			status === 200 ? TOKEN_ENDPOINT.successSchema : TOKEN_ENDPOINT.errorSchema,
			body,
			'response',
		);
	}

	/** The spec's callback description for an event name (from the `callbacks` of `POST /subscriptions`). */
	webhookCallback(eventName: string): WebhookCallbackSpec | undefined {
		const subscribe = this.operations.find(
			(op) => op.api === 'webhooks' && op.method === 'POST' && op.pathTemplate === '/subscriptions',
		);
		const key = `on${eventName
			.split(/[.-]/)
			.map((word) => word.charAt(0).toUpperCase() + word.slice(1))
			.join('')}`;
		const reference = (subscribe?.callbacks as Record<string, Json> | undefined)?.[key];
		if (!reference) return undefined;
		const callback = this.resolve(reference);
		const post = (Object.values(callback)[0] as Json).post as Json;
		const parameters = (post.parameters as Json[]).map((p) => this.resolve(p));
		const body = this.resolve(post.requestBody as Json);
		const schema = ((body.content as Json)['application/json'] as Json).schema as Json;
		return {
			operationId: post.operationId as string,
			payloadSchema: String(schema.$ref).split('/').pop() as string,
			hasLink: parameters.some((p) => String(p.name).toLowerCase() === 'link'),
		};
	}

	/** Validates data against a named component schema (after the exceptions are applied). */
	validateNamed(schemaName: string, data: unknown, direction: 'request' | 'response'): string[] {
		return this.validate({ $ref: `#/components/schemas/${schemaName}` }, data, direction);
	}

	private validate(
		schema: Json,
		data: unknown,
		direction: 'request' | 'response',
		coerce = false,
	): string[] {
		const ajv = coerce ? this.coercingAjv : this.ajv;
		const prepared = prepareSchema(schema);
		const key = `${coerce}:${JSON.stringify(prepared)}`;
		let validator = this.compiled.get(key);
		if (!validator) {
			validator = ajv.compile(prepared);
			this.compiled.set(key, validator);
		}
		if (validator(data)) return [];
		return formatErrors(validator.errors ?? [], direction === 'request' ? 'body' : 'response');
	}

	private checkParameters(
		operation: SpecOperation,
		location: SpecParameter['in'],
		values: Record<string, unknown>,
		result: RequestCheck,
	) {
		const parameters = operation.parameters.filter(
			(p) =>
				p.in === location &&
				!(location === 'header' && IGNORED_HEADER_PARAMETERS.has(p.name.toLowerCase())),
		);
		if (parameters.length === 0) return;
		const names = parameters.map((p) => (location === 'header' ? p.name.toLowerCase() : p.name));
		const objectSchema: Json = {
			type: 'object',
			properties: Object.fromEntries(parameters.map((p, index) => [names[index], p.schema])),
			required: parameters.flatMap((p, index) => (p.required ? [names[index]] : [])),
		};
		const subset: Record<string, unknown> = {};
		for (const name of names)
			if (values[name] !== undefined) subset[name] = structuredClone(values[name]);
		const errors = this.validate(objectSchema, subset, 'request', true);
		result.errors.push(...errors.map((error) => error.replace(/^body/, `${location} parameter`)));
	}

	private checkRequestBody(
		operation: SpecOperation,
		request: RequestToCheck,
		result: RequestCheck,
	) {
		const hasBody = request.body !== undefined;
		if (!operation.requestBody) {
			// The API ignores a body it does not expect; still worth reporting.
			if (hasBody)
				result.warnings.push(`${operation.operationId} takes no request body (it is ignored)`);
			return;
		}
		if (!hasBody) {
			if (operation.requestBody.required)
				result.errors.push(`${operation.operationId} requires a request body`);
			return;
		}
		if (!request.contentType) {
			result.errors.push(`${operation.operationId}: the request body has no Content-Type`);
			return;
		}
		const media = pickMedia(operation.requestBody.content, request.contentType);
		if (!media) {
			result.errors.push(
				`content type ${request.contentType} not accepted by ${operation.operationId} (accepts ${Object.keys(operation.requestBody.content).join(', ')})`,
			);
			return;
		}
		if (media.schema)
			result.errors.push(...this.validate(media.schema as Json, request.body, 'request'));
	}

	private collectOperations() {
		const paths = this.document.paths as Record<string, Json>;
		for (const [pathTemplate, item] of Object.entries(paths)) {
			const shared = ((item.parameters as Json[] | undefined) ?? []).map((p) => this.resolve(p));
			for (const [method, value] of Object.entries(item)) {
				if (method === 'parameters') continue;
				const operation = value as Json;
				const tags = (operation.tags as string[] | undefined) ?? [];
				const api = API_BASE_PATHS.find((entry) => tags.some((tag) => entry.tags.includes(tag)));
				if (!api) continue;
				const own = ((operation.parameters as Json[] | undefined) ?? []).map((p) =>
					this.resolve(p),
				);
				const merged = new Map<string, Json>();
				for (const parameter of [...shared, ...own])
					merged.set(`${parameter.in}:${parameter.name}`, parameter);
				const renames = PARAMETER_RENAMES.filter(
					(rename) => rename.operationId === operation.operationId,
				);
				const parameters: SpecParameter[] = [...merged.values()].map((p) => ({
					name: renames.find((rename) => rename.from === p.name)?.to ?? (p.name as string),
					in: p.in as SpecParameter['in'],
					required: Boolean(p.required),
					schema: (p.schema as Json | undefined) ?? {},
				}));
				const pathParamNames = [...pathTemplate.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
				const escaped = pathTemplate
					.replace(/[.*+?^$()|[\]\\]/g, '\\$&')
					.replace(/\{[^}]+\}/g, '([^/]+)');
				const requestBody = operation.requestBody
					? this.resolve(operation.requestBody as Json)
					: undefined;
				const responses: SpecOperation['responses'] = {};
				for (const [status, response] of Object.entries(
					(operation.responses as Record<string, Json>) ?? {},
				)) {
					responses[status.toUpperCase()] = this.resolve(
						response,
					) as SpecOperation['responses'][string];
				}
				this.operations.push({
					api: api.api,
					basePath: api.basePath,
					method: method.toUpperCase(),
					pathTemplate,
					operationId: operation.operationId as string,
					parameters,
					requestBody: requestBody
						? {
								required: Boolean(requestBody.required),
								content: (requestBody.content as Record<string, Json>) ?? {},
							}
						: undefined,
					responses,
					callbacks: operation.callbacks as Json | undefined,
					oauthScopes: (
						(operation.security as Array<Record<string, string[]>> | undefined) ?? []
					).flatMap((requirement) => requirement.oauth ?? []),
					matcher: new RegExp(`^${escaped}$`),
					pathParamNames,
					literalSegments: pathTemplate
						.split('/')
						.filter((segment) => segment && !segment.startsWith('{')).length,
				});
			}
		}
	}

	/** Follows a local `$ref` to parameters / requestBodies / responses / callbacks (schemas stay references). */
	private resolve(node: Json): Json {
		let current = node;
		while (typeof current.$ref === 'string') {
			const segments = (current.$ref as string).replace(/^#\//, '').split('/');
			current = segments.reduce<Json>((value, segment) => value[segment] as Json, this.document);
		}
		return current;
	}
}

let cachedSpec: SmartRecruitersSpec | undefined;

/** Parsing the 600 KB spec takes a moment; every simulator in a process shares one instance. */
export function loadSpec(): SmartRecruitersSpec {
	cachedSpec ??= new SmartRecruitersSpec();
	return cachedSpec;
}

function createAjv(coerceTypes: false | 'array'): Ajv {
	const ajv = new Ajv({ strict: false, allErrors: true, coerceTypes, validateFormats: true });
	addFormats(ajv);
	for (const [name, format] of Object.entries(CUSTOM_FORMATS))
		ajv.addFormat(name, { type: 'string', validate: format.test });
	return ajv;
}

/** Component schemas with the exceptions applied and OpenAPI 3.0 `nullable` / `$ref`-sibling semantics made explicit. */
function normaliseSchemas(source: Record<string, Json>): Record<string, Json> {
	const schemas = structuredClone(source);
	for (const [name, override] of Object.entries(SCHEMA_OVERRIDES))
		schemas[name] = structuredClone(override.schema);
	for (const rewrite of REFERENCE_REWRITES) {
		const parent = rewrite.pointer
			.slice(0, -1)
			.reduce<Json>((node, key) => node[key] as Json, schemas[rewrite.schema]);
		parent[rewrite.pointer[rewrite.pointer.length - 1]] = {
			$ref: `#/components/schemas/${rewrite.to}`,
		};
	}
	for (const name of Object.keys(schemas)) schemas[name] = normalise(schemas[name]) as Json;
	return schemas;
}

function normalise(node: unknown): unknown {
	if (Array.isArray(node)) return node.map(normalise);
	if (!node || typeof node !== 'object') return node;
	const schema = node as Json;
	if (typeof schema.$ref === 'string') return { $ref: schema.$ref };
	const out: Json = {};
	for (const [key, value] of Object.entries(schema)) {
		if (key === 'example' || key === 'examples' || key === 'discriminator' || key === 'xml')
			continue;
		out[key] = key === 'enum' || key === 'required' ? value : normalise(value);
	}
	if (out.nullable === true) {
		delete out.nullable;
		if (typeof out.type === 'string') {
			out.type = [out.type, 'null'];
			if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
		} else {
			return { anyOf: [{ type: 'null' }, out] };
		}
	}
	return out;
}

/** Points local schema references at the registered spec document and applies the same normalisation. */
function prepareSchema(schema: Json): Json {
	const normalised = normalise(schema) as Json;
	return JSON.parse(
		JSON.stringify(normalised).replace(
			/"#\/components\/schemas\//g,
			`"${SPEC_ID}#/components/schemas/`,
		),
	) as Json;
}

function pickMedia(
	content: Record<string, Json | undefined> | undefined,
	contentType: string | undefined,
): Json | undefined {
	if (!content) return undefined;
	const wanted = (contentType ?? 'application/json').split(';')[0].trim().toLowerCase();
	for (const [type, media] of Object.entries(content)) {
		if (type.split(';')[0].trim().toLowerCase() === wanted) return media ?? {};
	}
	// `application/json` bodies are sent with charset variants; JSON-ish types match JSON media.
	if (wanted.endsWith('json')) {
		const json = Object.entries(content).find(([type]) => type.startsWith('application/json'));
		if (json) return json[1] ?? {};
	}
	return undefined;
}

function formatErrors(errors: ErrorObject[], prefix: string): string[] {
	const lines = new Set<string>();
	for (const error of errors) {
		const where = `${prefix}${error.instancePath}`;
		let message = `${where} ${error.message ?? 'is invalid'}`;
		if (error.keyword === 'enum')
			message += `: ${(error.params.allowedValues as unknown[]).join(', ')}`;
		if (error.keyword === 'additionalProperties')
			message += `: ${String(error.params.additionalProperty)}`;
		lines.add(message);
	}
	return [...lines];
}
