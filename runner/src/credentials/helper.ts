/**
 * What n8n-core calls for credentials during a run: resolve a node's credential to its data, fill in the credential
 * type's defaults, apply its `authenticate` block and report parent types (so OAuth2 credentials take n8n-core's
 * OAuth2 request path).
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	INodeProperties,
	INodeType,
	INodeTypes,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { ICredentialsHelper, UnexpectedError, Workflow } from 'n8n-workflow';

import type { TypeRegistry } from '../workflow/types';

/** Credentials for one run: looked up by the id or name the workflow's node uses, then by credential type. */
export interface CredentialStore {
	resolve(
		details: INodeCredentialsDetails,
		type: string,
	): ICredentialDataDecryptedObject | undefined;
	/** Called when n8n refreshes OAuth2 tokens, so a rotated refresh token is not lost. */
	saveOauthTokenData?(
		details: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): void;
}

/** A store keyed by credential type name only (tests, env-only runs). */
export function credentialsByType(
	byType: Record<string, ICredentialDataDecryptedObject>,
): CredentialStore {
	return {
		resolve: (_details, type) => byType[type],
		saveOauthTokenData: (_details, type, data) => {
			byType[type] = { ...byType[type], oauthTokenData: data.oauthTokenData };
		},
	};
}

export class MissingCredentialsError extends Error {
	constructor(
		readonly credentialType: string,
		readonly credentialName: string,
	) {
		super(`No credentials "${credentialName}" of type "${credentialType}" were given`);
	}
}

/** What n8n's CLI does for credentials, reduced to a headless run. */
export class RunnerCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly types: TypeRegistry,
		private readonly store: CredentialStore,
	) {
		super();
	}

	getParentTypes(name: string): string[] {
		return this.types.credentialParents(name);
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const authenticate = this.types.getCredentialType(typeName)?.authenticate;
		if (authenticate === undefined) return requestOptions;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (authenticate.type !== 'generic') return requestOptions;
		const resolved = resolveCredentialExpressions(authenticate.properties, credentials) as {
			headers?: IDataObject;
			qs?: IDataObject;
			body?: IDataObject;
			auth?: { username: string; password: string };
		};
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, ...resolved.headers },
			qs: { ...requestOptions.qs, ...resolved.qs },
			...(resolved.body
				? { body: { ...(requestOptions.body as IDataObject), ...resolved.body } }
				: {}),
			...(resolved.auth ? { auth: resolved.auth } : {}),
		};
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		_node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.types.getCredentialType(typeName);
		if (!credentialType?.preAuthentication) return undefined;
		const expirable = credentialType.properties.find((p) => p.typeOptions?.expirable === true);
		if (!expirable) return undefined;
		if (!credentialsExpired && credentials[expirable.name]) return undefined;
		return (await credentialType.preAuthentication.call(
			helpers,
			credentials,
		)) as ICredentialDataDecryptedObject;
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.types.getCredentialType(typeName);
		return (await credentialType?.preAuthentication?.call(helpers, credentials)) as
			| ICredentialDataDecryptedObject
			| undefined;
	}

	async getCredentials(): Promise<never> {
		throw new UnexpectedError('Encrypted credentials are not used by the headless runner');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.store.resolve(nodeCredentials, type);
		if (!data) throw new MissingCredentialsError(type, nodeCredentials.name);
		return this.resolveExpressions({ ...this.defaultsOf(type), ...data });
	}

	/**
	 * Evaluates `={{ … }}` values (typically hidden defaults such as an OAuth token URL that depends on the chosen
	 * environment) with `$self` = the credential's own data, as n8n does when it decrypts a credential.
	 */
	resolveExpressions(data: ICredentialDataDecryptedObject): ICredentialDataDecryptedObject {
		if (!Object.values(data).some((value) => typeof value === 'string' && value.startsWith('=')))
			return data;
		const node: INode = {
			id: 'credentials',
			name: 'credentials',
			type: 'credentials',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		};
		// The expression needs a workflow around it, not a real node: a type-less stand-in is enough.
		const standIn = {
			description: { name: 'credentials', properties: [], inputs: [], outputs: [] },
		} as unknown as INodeType;
		const nodeTypes: INodeTypes = {
			getByName: () => standIn,
			getByNameAndVersion: () => standIn,
			getKnownTypes: () => ({}),
		};
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
		return workflow.expression.getComplexParameterValue(
			node,
			data as INodeParameters,
			'internal',
			{},
			undefined,
			undefined,
			data,
		) as ICredentialDataDecryptedObject;
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store.saveOauthTokenData?.(nodeCredentials, type, data);
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.types.getCredentialType(type)?.properties ?? [];
	}

	/** Non-empty default values of the type and its parents; the type's own defaults win. */
	defaultsOf(type: string): ICredentialDataDecryptedObject {
		const defaults: ICredentialDataDecryptedObject = {};
		for (const name of [...this.types.credentialParents(type)].reverse().concat(type)) {
			for (const property of this.types.getCredentialType(name)?.properties ?? []) {
				if (property.default !== undefined && property.default !== '') {
					defaults[property.name] = property.default as ICredentialDataDecryptedObject[string];
				}
			}
		}
		return defaults;
	}
}

/**
 * Resolves `={{$credentials.field}}` references in a credential's `authenticate` block. Only plain property
 * references and string concatenation around them are supported — what credential definitions use.
 */
function resolveCredentialExpressions(
	value: unknown,
	credentials: ICredentialDataDecryptedObject,
): unknown {
	if (typeof value === 'string' && value.startsWith('=')) {
		return value
			.slice(1)
			.replace(/\{\{\s*\$credentials\.([A-Za-z0-9_]+)\s*\}\}/g, (_match, field: string) =>
				String(credentials[field] ?? ''),
			);
	}
	if (Array.isArray(value))
		return value.map((entry) => resolveCredentialExpressions(entry, credentials));
	if (value !== null && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value).map(([key, entry]) => [
				key,
				resolveCredentialExpressions(entry, credentials),
			]),
		);
	}
	return value;
}
