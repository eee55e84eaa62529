/**
 * Node and credential types by name, as n8n's loader would provide them: the one registry the workflow checks, the
 * credential resolver and the engine read. Needs n8n-workflow only, so checking a workflow does not load n8n-core.
 */
import type {
	ICredentialType,
	IDataObject,
	INodeProperties,
	INodeType,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

/**
 * Types can be registered loaded, or lazily (a loader called on first use), so a large package such as
 * n8n-nodes-base only loads the nodes a workflow uses.
 */
export class TypeRegistry implements INodeTypes {
	private readonly nodes = new Map<string, INodeType | IVersionedNodeType>();

	private readonly lazyNodes = new Map<string, () => INodeType | IVersionedNodeType | undefined>();

	private readonly credentials = new Map<string, ICredentialType>();

	private readonly lazyCredentials = new Map<string, () => ICredentialType>();

	/** Loads node files registered under a guessed name (see addNodeFilesLoader), once, when a name is not found. */
	private readonly unlistedLoaders: Array<() => void> = [];

	/** Which package provided each node type, for error messages. */
	readonly packageOf = new Map<string, string>();

	addNodeType(fullName: string, nodeType: INodeType | IVersionedNodeType, packageName: string) {
		this.nodes.set(fullName, nodeType);
		this.packageOf.set(fullName, packageName);
	}

	addLazyNodeType(
		fullName: string,
		load: () => INodeType | IVersionedNodeType | undefined,
		packageName: string,
	) {
		this.lazyNodes.set(fullName, load);
		this.packageOf.set(fullName, packageName);
	}

	forgetLazyNodeType(fullName: string) {
		if (this.lazyNodes.delete(fullName) && !this.nodes.has(fullName))
			this.packageOf.delete(fullName);
	}

	/**
	 * `load` registers node types the registry may not know the names of yet: called, once, before a type is
	 * reported unknown or every type is listed.
	 */
	addNodeFilesLoader(load: () => void) {
		this.unlistedLoaders.push(load);
	}

	private loadUnlisted(): boolean {
		const loaders = this.unlistedLoaders.splice(0);
		for (const load of loaders) load();
		return loaders.length > 0;
	}

	addCredentialType(credentialType: ICredentialType) {
		this.credentials.set(credentialType.name, credentialType);
	}

	addLazyCredentialType(name: string, load: () => ICredentialType) {
		this.lazyCredentials.set(name, load);
	}

	hasNodeType(fullName: string): boolean {
		if (this.nodes.has(fullName) || this.lazyNodes.has(fullName)) return true;
		return this.loadUnlisted() && this.hasNodeType(fullName);
	}

	/**
	 * Loads a lazily registered type; a load failure is thrown (it names the file), and retried on the next call. A
	 * loader that finds its file provides another type returns undefined: the name is then looked for elsewhere.
	 */
	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const load = this.lazyNodes.get(nodeType);
		if (load && !this.nodes.has(nodeType)) {
			const loaded = load();
			this.lazyNodes.delete(nodeType);
			if (loaded) this.nodes.set(nodeType, loaded);
		}
		const found = this.nodes.get(nodeType);
		if (found) return found;
		if (this.loadUnlisted()) return this.getByName(nodeType);
		throw new UnknownNodeTypeError(nodeType);
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes(): IDataObject {
		this.loadUnlisted();
		return Object.fromEntries(
			[...this.nodes.keys(), ...this.lazyNodes.keys()].map((name) => [name, {}]),
		);
	}

	/** A credential type whose file fails to load counts as unknown (the credential check then names it). */
	getCredentialType(name: string): ICredentialType | undefined {
		const load = this.lazyCredentials.get(name);
		if (load && !this.credentials.has(name)) {
			this.lazyCredentials.delete(name);
			try {
				this.credentials.set(name, load());
			} catch {
				return undefined;
			}
		}
		return this.credentials.get(name);
	}

	credentialTypeNames(): string[] {
		return [...this.credentials.keys(), ...this.lazyCredentials.keys()];
	}

	/** Every type `name` extends, nearest first (OAuth2 credentials extend n8n's `oAuth2Api`). */
	credentialParents(name: string): string[] {
		return (this.getCredentialType(name)?.extends ?? []).flatMap((parent) => [
			parent,
			...this.credentialParents(parent),
		]);
	}

	/**
	 * The fields of a credential type and its parents, one per name: a type's own definition wins over its parents'.
	 * Undefined when the type is not loaded.
	 */
	credentialProperties(name: string): INodeProperties[] | undefined {
		if (!this.getCredentialType(name)) return undefined;
		const byName = new Map<string, INodeProperties>();
		for (const type of [...this.credentialParents(name)].reverse().concat(name)) {
			for (const property of this.getCredentialType(type)?.properties ?? [])
				byName.set(property.name, property);
		}
		return [...byName.values()];
	}
}

export class UnknownNodeTypeError extends Error {
	constructor(readonly nodeType: string) {
		super(`Unknown node type "${nodeType}"`);
	}
}
