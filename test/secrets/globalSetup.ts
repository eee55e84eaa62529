/** jest globalSetup: one output folder per test run, passed to the workers (and the CLIs they spawn) by environment. */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { OUTPUT_ENV } from './record';

export default function globalSetup() {
	const root = process.env.ATS_SYNC_TEST_OUTPUT_ROOT ?? path.join(tmpdir(), 'ats-sync-test-output');
	const runFolder = path.join(
		root,
		`${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`,
	);
	for (const sub of ['output', 'state', 'secrets'])
		mkdirSync(path.join(runFolder, sub), { recursive: true });
	process.env[OUTPUT_ENV] = runFolder;
}
