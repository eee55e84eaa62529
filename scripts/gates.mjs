#!/usr/bin/env node
/**
 * n8n's gates for a community node package, run on this checkout (`npm run gates` builds first):
 *
 *   source   @n8n/scan-community-package's source leg: its own `analyzePackage` on package.json and
 *            {nodes,credentials}/**, as the scanner lints the GitHub commit a published version attests.
 *   tarball  its tarball leg: `npm pack` of the package, unpacked, `analyzePackage` on **\/*.js and package.json.
 *   lint     `n8n-node lint`: the package's eslint.config.mjs (n8n's default when n8n.strict) on its TypeScript
 *            and package.json.
 *   files    the packed files: everything package.json's `n8n` field names, nothing but dist/, package.json,
 *            README, LICENSE, CHANGELOG and the recipe workflow files (recipes/, JSON and sample events: shipped
 *            for import from an installed package, never loaded or run by n8n).
 *
 * Inline `eslint-disable` comments are ignored in every leg, as the scanner ignores them. Errors fail; warnings are
 * listed. The scanner's CLI only takes a published package name (it checks provenance and downloads), so the legs
 * are run here through its exported functions.
 *
 *   node scripts/gates.mjs [--dir <package folder>] [source] [tarball] [lint] [files]   (default: the root package, all legs)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { stripVTControlCharacters } from 'node:util';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';
import {
	analyzePackage,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
/** The eslint.config.mjs `n8n-node lint` expects in strict mode (node-cli's template). */
const STRICT_CONFIG_TEMPLATE = path.join(
	path.dirname(require.resolve('@n8n/node-cli/eslint')),
	'../template/templates/shared/default/eslint.config.mjs',
);
const LEGS = ['source', 'tarball', 'lint', 'files'];
/** The tarball leg's patterns (scanner.mjs, analyzePackageByName). */
const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];

function parseArguments(argv) {
	let dir = repoRoot;
	const legs = [];
	for (let index = 0; index < argv.length; index++) {
		if (argv[index] === '--dir') dir = path.resolve(argv[++index] ?? '');
		else if (LEGS.includes(argv[index])) legs.push(argv[index]);
		else
			throw new Error(
				`Unknown argument "${argv[index]}": use --dir <folder> and any of ${LEGS.join(', ')}`,
			);
	}
	return { dir, legs: legs.length > 0 ? legs : LEGS };
}

const stripColours = (text) => stripVTControlCharacters(text);

/** Error and warning lines of ESLint's stylish output, counted by rule. */
function countByRule(stylish) {
	const counts = { error: new Map(), warning: new Map() };
	for (const line of stripColours(stylish).split('\n')) {
		const match = /^\s+\d+:\d+\s+(error|warning)\s+.*?\s{2,}(\S+)\s*$/.exec(line);
		if (match) counts[match[1]].set(match[2], (counts[match[1]].get(match[2]) ?? 0) + 1);
	}
	return counts;
}

/** Runs one of the scanner's lint legs through its own `analyzePackage`. */
async function scannerLeg(packageDir, patterns) {
	const result = await analyzePackage(packageDir, patterns);
	if (result.error) throw result.error;
	const details = stripColours(result.details ?? '');
	const counts = countByRule(details);
	return { passed: result.passed, details, counts };
}

/** `npm pack` of the package into a temporary folder, unpacked as the scanner does; returns that folder. */
function packAndUnpack(packageDir) {
	const workDir = mkdtempSync(path.join(tmpdir(), 'ats-sync-gates-'));
	const packed = spawnSync(
		'npm',
		['pack', '--json', '--ignore-scripts', '--pack-destination', workDir],
		{
			cwd: packageDir,
			encoding: 'utf8',
			shell: process.platform === 'win32',
		},
	);
	if (packed.status !== 0) throw new Error(`npm pack failed in ${packageDir}:\n${packed.stderr}`);
	const [{ filename, files }] = JSON.parse(packed.stdout);
	const unpacked = path.join(workDir, 'package');
	mkdirSync(unpacked);
	const untar = spawnSync(
		'tar',
		['-xzf', path.basename(filename), '-C', unpacked, '--strip-components=1'],
		{ cwd: workDir, encoding: 'utf8' },
	);
	if (untar.status !== 0) throw new Error(`tar failed: ${untar.stderr}`);
	return { workDir, unpacked, files: files.map((file) => file.path) };
}

/**
 * `n8n-node lint`: the package's eslint.config.mjs (in strict mode it must be n8n's default, as `n8n-node lint`
 * checks) on the files `n8n-node lint` would lint in a repository holding only this package. `n8n-node lint` itself
 * lints the whole folder it runs in, which here would include the runner, the tests and the toolkit.
 */
async function n8nNodeLint(packageDir) {
	const manifest = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
	const configFile = path.join(packageDir, 'eslint.config.mjs');
	const normalise = (text) => text.replace(/\s+/g, ' ').trim();
	if (
		manifest.n8n?.strict &&
		normalise(readFileSync(configFile, 'utf8')) !==
			normalise(readFileSync(STRICT_CONFIG_TEMPLATE, 'utf8'))
	) {
		const details = `  ${path.relative(repoRoot, configFile)} differs from n8n's default config, which n8n.strict requires`;
		return {
			passed: false,
			details,
			counts: { error: new Map([['n8n-node strict mode', 1]]), warning: new Map() },
		};
	}
	const eslint = new ESLint({
		cwd: packageDir,
		overrideConfigFile: configFile,
		allowInlineConfig: false,
	});
	const results = await eslint.lintFiles(['package.json', 'nodes/**/*.ts', 'credentials/**/*.ts']);
	const details = stripColours(await (await eslint.loadFormatter('stylish')).format(results));
	const counts = countByRule(details);
	return { passed: results.every((result) => result.errorCount === 0), details, counts };
}

/** What the package's tarball holds beyond what n8n loads, and what it lacks of what n8n loads. */
function packedFileProblems(packageDir, packedFiles) {
	const manifest = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
	const listed = [...(manifest.n8n?.nodes ?? []), ...(manifest.n8n?.credentials ?? [])];
	const allowed = (file) =>
		file === 'package.json' ||
		/^(README|LICENSE|CHANGELOG)(\.md)?$/i.test(file) ||
		file.startsWith('dist/') ||
		/^recipes\/[^/]+\.json$|^recipes\/samples\/[^/]+\.ndjson$/.test(file);
	const problems = [
		...listed
			.filter((file) => !packedFiles.includes(file))
			.map((file) => `missing: ${file} (named in package.json's n8n field)`),
		...packedFiles.filter((file) => !allowed(file)).map((file) => `not needed by n8n: ${file}`),
		...packedFiles
			.filter((file) => /\.test\.|\/test\/|\.ts$/.test(file) && !file.endsWith('.d.ts'))
			.map((file) => `source or test file: ${file}`),
	];
	const counts = {
		error: new Map(problems.length ? [['packed-files', problems.length]] : []),
		warning: new Map(),
	};
	return {
		passed: problems.length === 0,
		details: problems.map((problem) => `  ${problem}`).join('\n'),
		counts,
	};
}

function report(leg, { passed, details, counts }) {
	const total = (map) => [...map.values()].reduce((sum, count) => sum + count, 0);
	const errors = total(counts.error);
	const warnings = total(counts.warning);
	process.stdout.write(
		`\n== ${leg}: ${passed ? 'passed' : 'FAILED'}, ${errors} error(s), ${warnings} warning(s)\n`,
	);
	if (details.trim()) process.stdout.write(`${details.trim()}\n`);
	for (const [rule, count] of [...counts.error].sort((a, b) => b[1] - a[1]))
		process.stdout.write(`   ${String(count).padStart(3)} × ${rule}\n`);
	return passed;
}

async function main() {
	const { dir, legs } = parseArguments(process.argv.slice(2));
	const { name } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
	process.stdout.write(
		`n8n gates for ${name} (${path.relative(repoRoot, dir) || '.'}): ${legs.join(', ')}\n`,
	);
	const outcomes = [];
	if (legs.includes('source'))
		outcomes.push(
			report('source (scanner, inline config off)', await scannerLeg(dir, SOURCE_FILE_PATTERNS)),
		);
	if (legs.includes('tarball') || legs.includes('files')) {
		const packed = packAndUnpack(dir);
		try {
			if (legs.includes('tarball'))
				outcomes.push(
					report(
						'tarball (scanner on npm pack, inline config off)',
						await scannerLeg(packed.unpacked, TARBALL_FILE_PATTERNS),
					),
				);
			if (legs.includes('files'))
				outcomes.push(report('files (npm pack contents)', packedFileProblems(dir, packed.files)));
		} finally {
			rmSync(packed.workDir, { recursive: true, force: true });
		}
	}
	if (legs.includes('lint'))
		outcomes.push(report('lint (n8n-node lint config, inline config off)', await n8nNodeLint(dir)));
	const failed = outcomes.filter((passed) => !passed).length;
	process.stdout.write(
		`\n${failed === 0 ? 'All gates passed' : `${failed} of ${outcomes.length} gate(s) failed`} for ${name}.\n`,
	);
	return failed === 0 ? 0 : 1;
}

main().then(
	(code) => process.exit(code),
	(error) => {
		process.stderr.write(`${error.stack ?? error}\n`);
		process.exit(2);
	},
);
