/**
 * Loads node and credential types from installed n8n node packages the way n8n's loader does: the package's
 * `package.json` `n8n.nodes` / `n8n.credentials` lists name built JS files; a node type is known to workflows
 * as `<package name>.<description.name>`.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { ICredentialType, INodeType, IVersionedNodeType } from 'n8n-workflow';

import { oAuth2ApiCredential } from './credentials/oauth';
import { UserError } from './errors';
import { TypeRegistry } from './workflow/types';

/**
 * The packages the runner loads without --nodes, each with its folder in a checkout of this repository (relative to
 * the repository root): the ATS nodes, and the helper nodes the recipes use (n8n-nodes-ats-sync-toolkit).
 */
export const DEFAULT_PACKAGES: Record<string, string> = {
	'n8n-nodes-ats-sync': '.',
	'n8n-nodes-ats-sync-toolkit': path.join('packages', 'toolkit'),
};

interface PackageManifest {
	name: string;
	n8n?: { nodes?: string[]; credentials?: string[] };
}

/** A listed file that failed to load: reported when a workflow uses one of its types, not before. */
export interface LoadProblem {
	packageName: string;
	file: string;
	message: string;
}

export interface LoadedPackages {
	types: TypeRegistry;
	packages: string[];
	problems: LoadProblem[];
}

/**
 * Finds a package's directory: a path (`./my-nodes`, `/opt/nodes`) is used as is; a name is resolved from the
 * current directory, then from the runner's own install. The runner's default packages fall back to their folders
 * in the repository around `runner/`, so a checkout works without linking the root package into itself.
 */
export function resolvePackageDir(spec: string, cwd = process.cwd()): string {
	if (spec.startsWith('.') || path.isAbsolute(spec)) {
		const dir = path.resolve(cwd, spec);
		if (!existsSync(path.join(dir, 'package.json')))
			throw new UserError(`--nodes ${spec}: no package.json in ${dir}`);
		return dir;
	}
	for (const from of [cwd, __dirname]) {
		try {
			return path.dirname(require.resolve(`${spec}/package.json`, { paths: [from] }));
		} catch {
			// try the next place
		}
	}
	if (spec in DEFAULT_PACKAGES) {
		const checkoutDir = path.resolve(__dirname, '..', '..', DEFAULT_PACKAGES[spec]);
		if (readManifest(checkoutDir)?.name === spec) return checkoutDir;
	}
	throw new UserError(
		`Node package "${spec}" is not installed: install it (npm install ${spec}) or pass its folder as --nodes ./path`,
	);
}

function readManifest(dir: string): PackageManifest | undefined {
	try {
		return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as PackageManifest;
	} catch {
		return undefined;
	}
}

function instantiate<T>(file: string, className?: string): T {
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- node packages are CommonJS files found at run time
	const moduleExports = require(file) as Record<string, unknown>;
	const Class = (
		className
			? moduleExports[className]
			: Object.values(moduleExports).find((value) => typeof value === 'function')
	) as (new () => T) | undefined;
	if (typeof Class !== 'function')
		throw new Error(className ? `exports no class ${className}` : 'exports no class');
	return new Class();
}

/** `dist/known/{nodes,credentials}.json`: n8n's lazy-loading index (name → class and file), shipped by large packages. */
type KnownIndex = Record<string, { className: string; sourcePath: string }>;

function readKnown(dir: string, kind: 'nodes' | 'credentials'): KnownIndex | undefined {
	try {
		return JSON.parse(
			readFileSync(path.join(dir, 'dist', 'known', `${kind}.json`), 'utf8'),
		) as KnownIndex;
	} catch {
		return undefined;
	}
}

/** A load error in one line: the module's message without Node's require stack. */
function loadFailure(file: string, error: unknown): Error {
	const reason = existsSync(file)
		? (error as Error).message.split('\n')[0]
		: 'file not found (is the package built?)';
	return new Error(`${path.basename(file)}: ${reason}`);
}

/** The node name n8n's convention gives a node file: `dist/nodes/Lever/LeverTrigger.node.js` describes `leverTrigger`. */
function conventionalNodeName(relative: string): string {
	const base = path.basename(relative).replace(/\.node\.js$/, '');
	return base.charAt(0).toLowerCase() + base.slice(1);
}

/**
 * Adds one package's credential and node types to `types`; returns the package name. With a `dist/known` index
 * types load on first use (n8n-nodes-base has over 400 nodes). Without one, credentials load now, and each node
 * file is registered under its conventional name and loaded on first use, so a run loads only the nodes its
 * workflow uses (loading all of this repository's nodes was about a sixth of `ats-sync run`'s start-up). A file
 * whose node has another name is still found: a type no file is registered under loads the files not loaded yet.
 */
export function loadPackage(dir: string, types: TypeRegistry, problems: LoadProblem[]): string {
	const manifest = readManifest(dir);
	if (!manifest?.name)
		throw new UserError(`${path.join(dir, 'package.json')} is not a valid package.json`);
	if (!manifest.n8n)
		throw new UserError(
			`Package "${manifest.name}" has no "n8n" field in its package.json: it is not an n8n node package`,
		);
	const knownNodes = readKnown(dir, 'nodes');
	const knownCredentials = readKnown(dir, 'credentials');
	if (knownNodes && knownCredentials) {
		const lazy =
			<T>(sourcePath: string, className: string) =>
			() => {
				const file = path.join(dir, sourcePath);
				try {
					return instantiate<T>(file, className);
				} catch (error) {
					throw loadFailure(file, error);
				}
			};
		for (const [name, { className, sourcePath }] of Object.entries(knownCredentials)) {
			types.addLazyCredentialType(name, lazy<ICredentialType>(sourcePath, className));
		}
		for (const [name, { className, sourcePath }] of Object.entries(knownNodes)) {
			types.addLazyNodeType(
				`${manifest.name}.${name}`,
				lazy<INodeType | IVersionedNodeType>(sourcePath, className),
				manifest.name,
			);
		}
		return manifest.name;
	}
	const load = <T>(relative: string, add: (loaded: T) => void) => {
		const file = path.join(dir, relative);
		try {
			add(instantiate<T>(file));
		} catch (error) {
			problems.push({
				packageName: manifest.name,
				file: relative,
				message: loadFailure(file, error).message,
			});
		}
	};
	for (const relative of manifest.n8n.credentials ?? []) {
		load<ICredentialType>(relative, (credentialType) => types.addCredentialType(credentialType));
	}
	const notLoaded = new Set(manifest.n8n.nodes ?? []);
	const add = (nodeType: INodeType | IVersionedNodeType) =>
		types.addNodeType(`${manifest.name}.${nodeType.description.name}`, nodeType, manifest.name);
	for (const relative of notLoaded) {
		const name = conventionalNodeName(relative);
		types.addLazyNodeType(
			`${manifest.name}.${name}`,
			() => {
				const file = path.join(dir, relative);
				let nodeType: INodeType | IVersionedNodeType;
				try {
					nodeType = instantiate<INodeType | IVersionedNodeType>(file);
				} catch (error) {
					throw loadFailure(file, error);
				}
				notLoaded.delete(relative);
				if (nodeType.description.name === name) return nodeType;
				// Not the conventional name: registered under its own, and the guessed one names nothing.
				add(nodeType);
				return undefined;
			},
			manifest.name,
		);
	}
	types.addNodeFilesLoader(() => {
		for (const relative of [...notLoaded]) {
			notLoaded.delete(relative);
			types.forgetLazyNodeType(`${manifest.name}.${conventionalNodeName(relative)}`);
			load<INodeType | IVersionedNodeType>(relative, add);
		}
	});
	return manifest.name;
}

/**
 * The runner's default packages plus every `--nodes` package. A default package that is not installed is skipped
 * (a Lever-only workflow needs no toolkit; a workflow using a missing package's nodes is told to install it), but
 * at least one package must load. A `--nodes` folder holding a package of the same name as a default one (e.g. a
 * checkout being developed) replaces the installed one.
 */
export function loadNodePackages(extra: string[], cwd = process.cwd()): LoadedPackages {
	const types = new TypeRegistry();
	const problems: LoadProblem[] = [];
	const packages: string[] = [];
	const extraDirs = extra
		.filter((spec) => !(spec in DEFAULT_PACKAGES))
		.map((spec) => resolvePackageDir(spec, cwd));
	const extraNames = new Set(extraDirs.map((dir) => readManifest(dir)?.name));
	const notInstalled: unknown[] = [];
	for (const defaultPackage of Object.keys(DEFAULT_PACKAGES).filter(
		(name) => !extraNames.has(name),
	)) {
		let dir: string;
		try {
			dir = resolvePackageDir(defaultPackage, cwd);
		} catch (error) {
			notInstalled.push(error);
			continue;
		}
		packages.push(loadPackage(dir, types, problems));
	}
	for (const dir of extraDirs) packages.push(loadPackage(dir, types, problems));
	if (packages.length === 0 && notInstalled.length > 0) throw notInstalled[0];
	// OAuth2 credentials extend n8n's `oAuth2Api` (shipped with n8n-nodes-base); provide it when no package did,
	// so its defaults (grant type, where the token goes) and fields are known to the engine and the validator.
	if (!types.getCredentialType(oAuth2ApiCredential.name))
		types.addCredentialType(oAuth2ApiCredential);
	return { types, packages, problems };
}
