/**
 * Copies what tsc does not emit but n8n loads from next to the built files: node and credential icons
 * (`*.svg`, `*.png`) and node codex files (`*.node.json`), from `nodes/` and `credentials/` of a package into its
 * `dist/`, at the same relative paths.
 */
const fs = require('node:fs');
const path = require('node:path');

const STATIC_FILE = /(\.svg|\.png|\.node\.json)$/;

function filesUnder(dir) {
	if (!fs.existsSync(dir)) return [];
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		return entry.isDirectory() ? filesUnder(full) : [full];
	});
}

/** Copies the static files of the package in `packageDir`; returns their paths relative to it. */
function copyStaticFiles(packageDir) {
	const copied = [];
	for (const folder of ['nodes', 'credentials']) {
		for (const file of filesUnder(path.join(packageDir, folder)).filter((name) =>
			STATIC_FILE.test(name),
		)) {
			const relative = path.relative(packageDir, file);
			const destination = path.join(packageDir, 'dist', relative);
			fs.mkdirSync(path.dirname(destination), { recursive: true });
			fs.copyFileSync(file, destination);
			copied.push(relative);
		}
	}
	return copied;
}

module.exports = { copyStaticFiles };
