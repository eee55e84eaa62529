/**
 * Loads node and credential types from installed n8n node packages the way n8n's loader does: the package's
 * `package.json` `n8n.nodes` / `n8n.credentials` lists name built JS files; a node type is known to workflows
 * as `<package name>.<description.name>`.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { ICredentialType, INodeType, IVersionedNodeType } from 'n8n-workflow';

import { TypeRegistry } from './engine';
import { UserError } from './errors';
import { oAuth2ApiCredential } from './oauth2Credential';

export const DEFAULT_PACKAGE = 'n8n-nodes-ats-sync';

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
 * current directory, then from the runner's own install. The runner's default package falls back to the repository
 * root next to `runner/`, so a checkout works without linking the package into itself.
 */
export function resolvePackageDir(spec: string, cwd = process.cwd()): string {
	if (spec.startsWith('.') || path.isAbsolute(spec)) {
		const dir = path.resolve(cwd, spec);
		if (!existsSync(path.join(dir, 'package.json'))) throw new UserError(`--nodes ${spec}: no package.json in ${dir}`);
		return dir;
	}
	for (const from of [cwd, __dirname]) {
		try {
			return path.dirname(require.resolve(`${spec}/package.json`, { paths: [from] }));
		} catch {
			// try the next place
		}
	}
	if (spec === DEFAULT_PACKAGE) {
		const repoRoot = path.resolve(__dirname, '..', '..');
		if (readManifest(repoRoot)?.name === DEFAULT_PACKAGE) return repoRoot;
	}
	throw new UserError(`Node package "${spec}" is not installed: install it (npm install ${spec}) or pass its folder as --nodes ./path`);
}

function readManifest(dir: string): PackageManifest | undefined {
	try {
		return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as PackageManifest;
	} catch {
		return undefined;
	}
}

function firstClass<T>(file: string): T {
	const moduleExports = require(file) as Record<string, unknown>;
	const Class = Object.values(moduleExports).find((value) => typeof value === 'function') as (new () => T) | undefined;
	if (!Class) throw new Error('exports no class');
	return new Class();
}

/** Adds one package's credential and node types to `types`; returns the package name. */
export function loadPackage(dir: string, types: TypeRegistry, problems: LoadProblem[]): string {
	const manifest = readManifest(dir);
	if (!manifest?.name) throw new UserError(`${path.join(dir, 'package.json')} is not a valid package.json`);
	if (!manifest.n8n) throw new UserError(`Package "${manifest.name}" has no "n8n" field in its package.json: it is not an n8n node package`);
	const load = <T>(relative: string, add: (loaded: T) => void) => {
		const file = path.join(dir, relative);
		try {
			add(firstClass<T>(file));
		} catch (error) {
			const reason = existsSync(file) ? (error as Error).message : 'file not found (is the package built?)';
			problems.push({ packageName: manifest.name, file: relative, message: reason });
		}
	};
	for (const relative of manifest.n8n.credentials ?? []) {
		load<ICredentialType>(relative, (credentialType) => types.addCredentialType(credentialType));
	}
	for (const relative of manifest.n8n.nodes ?? []) {
		load<INodeType | IVersionedNodeType>(relative, (nodeType) =>
			types.addNodeType(`${manifest.name}.${nodeType.description.name}`, nodeType, manifest.name),
		);
	}
	return manifest.name;
}

/**
 * The runner's default package plus every `--nodes` package. The default package is optional only when
 * other packages were named (a workflow of base or third-party nodes needs nothing of ours); a `--nodes` folder
 * holding a package of the same name (e.g. a checkout being developed) replaces the installed one.
 */
export function loadNodePackages(extra: string[], cwd = process.cwd()): LoadedPackages {
	const types = new TypeRegistry();
	const problems: LoadProblem[] = [];
	const packages: string[] = [];
	const extraDirs = extra.filter((spec) => spec !== DEFAULT_PACKAGE).map((spec) => resolvePackageDir(spec, cwd));
	const replacesDefault = extraDirs.some((dir) => readManifest(dir)?.name === DEFAULT_PACKAGE);
	if (!replacesDefault) {
		try {
			packages.push(loadPackage(resolvePackageDir(DEFAULT_PACKAGE, cwd), types, problems));
		} catch (error) {
			if (extraDirs.length === 0) throw error;
		}
	}
	for (const dir of extraDirs) packages.push(loadPackage(dir, types, problems));
	// OAuth2 credentials extend n8n's `oAuth2Api` (shipped with n8n-nodes-base); provide it when no package did,
	// so its defaults (grant type, where the token goes) and fields are known to the engine and the validator.
	if (!types.getCredentialType(oAuth2ApiCredential.name)) types.addCredentialType(oAuth2ApiCredential);
	return { types, packages, problems };
}
