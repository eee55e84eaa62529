#!/usr/bin/env node
/**
 * Builds the root package n8n-nodes-ats-sync the way `n8n-node build` does (a clean `dist`, tsc, then the icons and
 * codex files copied next to the built files) without its repository-wide icon glob, which would also copy the
 * toolkit's icons (packages/toolkit) into this package's dist. The package needs no bundling: it has no dependencies.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const { copyStaticFiles } = require('./copy-static');

const packageDir = path.resolve(__dirname, '..');
fs.rmSync(path.join(packageDir, 'dist'), { recursive: true, force: true });
const tsc = spawnSync(
	process.execPath,
	[require.resolve('typescript/bin/tsc'), '-p', path.join(packageDir, 'tsconfig.json')],
	{
		stdio: 'inherit',
	},
);
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
copyStaticFiles(packageDir);
