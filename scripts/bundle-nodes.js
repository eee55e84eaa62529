#!/usr/bin/env node
/**
 * Build step after `tsc`: makes the published package free of runtime dependencies, as n8n requires of verified
 * community nodes (only the peer `n8n-workflow`, plus the modules n8n provides to node code).
 *
 * The JSON Logic Rules node evaluates rules with json-logic-js (MIT). It stays a devDependency; this script
 * bundles it into the built node file in place, keeps its licence text at the top of that file, and removes the
 * node's helper modules that were bundled along. It then checks every built node and credential file: a `require`
 * of anything outside the allowed modules fails the build, so a runtime dependency cannot slip into the package.
 *
 *   node scripts/bundle-nodes.js [distDir]     (default: dist)
 */
const fs = require('node:fs');
const path = require('node:path');

const esbuild = require('esbuild');

/** What n8n lets verified community node code import (n8n provides these at runtime). */
const ALLOWED_MODULES = ['n8n-workflow', 'zod', 'crypto', 'lodash', 'luxon', 'moment', 'p-limit'];

/** Built node files that carry a bundled dev dependency, and the licences to keep with them. */
const BUNDLES = [{ entry: 'nodes/JsonLogicRules/JsonLogicRules.node.js', licensedPackages: ['json-logic-js'] }];

function licenceBanner(packageName) {
	const packageDir = path.dirname(require.resolve(`${packageName}/package.json`));
	const { version, license } = require(`${packageName}/package.json`);
	const licenceText = fs.readFileSync(path.join(packageDir, 'LICENSE'), 'utf8').trim().replace(/\*\//g, '* /');
	return `/*! Bundled: ${packageName} ${version} (${license})\n${licenceText}\n*/`;
}

/** Bundles one built (or source) node file into `outfile`; returns the local files that went into it. */
async function bundleNodeFile(entry, outfile, licensedPackages) {
	const result = await esbuild.build({
		entryPoints: [entry],
		outfile,
		allowOverwrite: true,
		bundle: true,
		platform: 'node',
		format: 'cjs',
		target: 'node20',
		// The repository's node_modules, also when bundling a dist folder elsewhere (tests build into a temp dir).
		nodePaths: [path.resolve(__dirname, '..', 'node_modules')],
		external: ALLOWED_MODULES.flatMap((name) => [name, `${name}/*`]).concat(['node:crypto']),
		banner: { js: licensedPackages.map(licenceBanner).join('\n') },
		legalComments: 'inline',
		sourcemap: false,
		metafile: true,
		logLevel: 'warning',
	});
	return Object.keys(result.metafile.inputs).map((input) => path.resolve(input));
}

/** Bare module specifiers a CommonJS file requires (relative paths are our own files). */
function requiredModules(file) {
	const source = fs.readFileSync(file, 'utf8');
	const modules = new Set();
	for (const match of source.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)) {
		if (!match[1].startsWith('.')) modules.add(match[1]);
	}
	return [...modules];
}

const isAllowed = (specifier) => {
	const name = specifier.replace(/^node:/, '');
	return ALLOWED_MODULES.some((allowed) => name === allowed || name.startsWith(`${allowed}/`));
};

function jsFilesUnder(dir) {
	if (!fs.existsSync(dir)) return [];
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return jsFilesUnder(full);
		return entry.name.endsWith('.js') ? [full] : [];
	});
}

async function main(distDir) {
	for (const { entry, licensedPackages } of BUNDLES) {
		const file = path.resolve(distDir, entry);
		if (!fs.existsSync(file)) throw new Error(`${file} does not exist: run tsc first`);
		const inputs = await bundleNodeFile(file, file, licensedPackages);
		// The node's own helper modules now live inside the bundle; left in dist they would still require the library.
		const nodeDir = path.dirname(file);
		for (const input of inputs) {
			if (input !== file && path.dirname(input) === nodeDir) {
				fs.rmSync(input, { force: true });
				fs.rmSync(`${input}.map`, { force: true });
			}
		}
		fs.rmSync(`${file}.map`, { force: true });
	}
	const problems = [];
	for (const file of [...jsFilesUnder(path.join(distDir, 'nodes')), ...jsFilesUnder(path.join(distDir, 'credentials'))]) {
		const forbidden = requiredModules(file).filter((specifier) => !isAllowed(specifier));
		if (forbidden.length > 0) problems.push(`${path.relative(distDir, file)} requires ${forbidden.join(', ')}`);
	}
	if (problems.length > 0) {
		throw new Error(`Built node code may only require ${ALLOWED_MODULES.join(', ')}:\n  ${problems.join('\n  ')}`);
	}
}

module.exports = { bundleNodeFile, requiredModules, isAllowed, ALLOWED_MODULES };

if (require.main === module) {
	main(process.argv[2] ?? 'dist').catch((error) => {
		console.error(error.message);
		process.exit(1);
	});
}
