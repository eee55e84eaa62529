#!/usr/bin/env node
'use strict';
// n8n-core 2.41 and its dependencies target Node 24 (n8n itself ships on it); the runner works from Node 20.15,
// so older versions get a warning, not a refusal.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 15)) {
	process.stderr.write(
		`ats-sync: warning: Node ${process.versions.node} is older than 20.15; use Node 24 (n8n's own version)\n`,
	);
}
const { main } = require('../dist/cli.js');
main(process.argv.slice(2)).then((code) => {
	process.exitCode = code;
});
