#!/usr/bin/env node
/**
 * Builds n8n-nodes-ats-sync-toolkit (run after `tsc --noEmit` has type-checked it): each node and credential file
 * listed in package.json's `n8n` field is bundled by esbuild into `dist/` together with everything it imports from
 * this repository (the toolkit's own helpers and the candidate, retry and error helpers it shares with the ATS
 * nodes in ../../nodes/shared) and the libraries n8n does not provide (json-logic-js, MIT). So the package has no
 * runtime dependency: not on a library, and not on n8n-nodes-ats-sync, whose internal files are not an interface.
 *
 * - Modules n8n provides to node code (n8n-workflow and the few libraries n8n's lint allows) stay external.
 * - Console calls are dropped from the bundles, also from bundled third-party code (n8n's scanner forbids them).
 * - Every bundled third-party package's licence text is kept at the top of the file it went into.
 * - Icons and codex files are copied next to the built files.
 * - Finally every built file is checked: a `require` of anything else fails the build.
 *
 *   node scripts/build.js            (from packages/toolkit; `npm run build -w n8n-nodes-ats-sync-toolkit`)
 */
const fs = require('node:fs');
const path = require('node:path');

const esbuild = require('esbuild');

const { copyStaticFiles } = require('../../../scripts/copy-static');

const packageDir = path.resolve(__dirname, '..');

/** What n8n lets community node code import (the allow-list of @n8n/community-nodes/no-restricted-imports). */
const ALLOWED_MODULES = ['n8n-workflow', 'zod', 'crypto', 'lodash', 'luxon', 'moment', 'p-limit'];

/** The package a bundled input came from (`node_modules/<name>/…` or `node_modules/@scope/<name>/…`), if any. */
function packageOfInput(input) {
	const match = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(input);
	return match ? match[1].replace(/\\/g, '/') : undefined;
}

function licenceBanner(packageName) {
	const manifestFile = require.resolve(`${packageName}/package.json`, { paths: [packageDir] });
	const { version, license } = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
	const licenceFile = fs
		.readdirSync(path.dirname(manifestFile))
		.find((name) => /^licen[cs]e/i.test(name));
	if (!licenceFile) throw new Error(`${packageName} ships no licence file: it cannot be bundled`);
	const licenceText = fs
		.readFileSync(path.join(path.dirname(manifestFile), licenceFile), 'utf8')
		.trim()
		.replace(/\*\//g, '* /');
	return `/*! Bundled: ${packageName} ${version} (${license})\n${licenceText}\n*/`;
}

/**
 * Bundles one source file into `outfile`. Returns the third-party packages that went into it, whose licences are
 * then prepended (esbuild's banner would have to be known before the build).
 */
async function bundleNodeFile(entry, outfile) {
	const result = await esbuild.build({
		entryPoints: [entry],
		outfile,
		bundle: true,
		platform: 'node',
		format: 'cjs',
		target: 'node20',
		external: ALLOWED_MODULES.flatMap((name) => [name, `${name}/*`]).concat(['node:crypto']),
		drop: ['console'],
		legalComments: 'none',
		sourcemap: false,
		metafile: true,
		logLevel: 'warning',
	});
	const bundled = [
		...new Set(Object.keys(result.metafile.inputs).map(packageOfInput).filter(Boolean)),
	].sort();
	if (bundled.length > 0) {
		const code = fs.readFileSync(outfile, 'utf8');
		fs.writeFileSync(outfile, `${bundled.map(licenceBanner).join('\n')}\n${code}`);
	}
	return bundled;
}

/** Bare module specifiers a CommonJS file requires (relative paths are the package's own files). */
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

/** The TypeScript source of a built file named in package.json (`dist/nodes/X/X.node.js` → `nodes/X/X.node.ts`). */
const sourceOf = (distFile) =>
	path.join(packageDir, distFile.replace(/^dist\//, '').replace(/\.js$/, '.ts'));

async function build() {
	const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
	const distDir = path.join(packageDir, 'dist');
	fs.rmSync(distDir, { recursive: true, force: true });
	const builtFiles = [...manifest.n8n.credentials, ...manifest.n8n.nodes];
	for (const distFile of builtFiles) {
		await bundleNodeFile(sourceOf(distFile), path.join(packageDir, distFile));
	}
	copyStaticFiles(packageDir);
	const problems = builtFiles
		.map((distFile) => [
			distFile,
			requiredModules(path.join(packageDir, distFile)).filter((specifier) => !isAllowed(specifier)),
		])
		.filter(([, forbidden]) => forbidden.length > 0)
		.map(([distFile, forbidden]) => `${distFile} requires ${forbidden.join(', ')}`);
	if (problems.length > 0) {
		throw new Error(
			`Built node code may only require ${ALLOWED_MODULES.join(', ')}:\n  ${problems.join('\n  ')}`,
		);
	}
}

module.exports = { bundleNodeFile, requiredModules, isAllowed, ALLOWED_MODULES };

if (require.main === module) {
	build().catch((error) => {
		process.stderr.write(`${error.message}\n`);
		process.exit(1);
	});
}
