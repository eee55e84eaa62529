/**
 * jest globalTeardown: scans everything the run printed or wrote (record.ts) for every secret it used, and fails the
 * run when one leaked, naming the file and the secret (never its value). The folder is removed after a clean scan
 * unless ATS_SYNC_KEEP_TEST_OUTPUT=1; after a leak it stays for inspection.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';

import { LEVER_SEED } from '../simulators/lever/seed';
import { SMARTRECRUITERS_SEED } from '../simulators/smartrecruiters/seed';
import type { RegisteredSecret } from './record';
import { OUTPUT_ENV } from './record';
import { formatReport, readRegisteredSecrets, runTargets, scanForSecrets } from './scan';

/** The simulators' fixed credentials, known without any test registering them. */
export const SEED_SECRETS: RegisteredSecret[] = [
	{ name: 'Lever simulator API key', value: LEVER_SEED.apiKey, kind: 'credential' },
	{ name: 'Lever simulator limited API key', value: LEVER_SEED.limitedApiKey, kind: 'credential' },
	{
		name: 'Lever simulator OAuth client secret',
		value: LEVER_SEED.oauthClientSecret,
		kind: 'credential',
	},
	{
		name: 'SmartRecruiters simulator API key',
		value: SMARTRECRUITERS_SEED.apiKey,
		kind: 'credential',
	},
	{
		name: 'SmartRecruiters simulator restricted API key',
		value: SMARTRECRUITERS_SEED.restrictedApiKey,
		kind: 'credential',
	},
	{
		name: 'SmartRecruiters simulator OAuth client secret',
		value: SMARTRECRUITERS_SEED.oauthClient.clientSecret,
		kind: 'credential',
	},
];

export default function globalTeardown() {
	const runFolder = process.env[OUTPUT_ENV];
	if (!runFolder) return;
	const registered = readRegisteredSecrets(runFolder);
	const secrets = [
		...SEED_SECRETS,
		...registered.filter((secret) => !SEED_SECRETS.some((seed) => seed.value === secret.value)),
	];
	const report = scanForSecrets(runTargets(runFolder, path.resolve(__dirname, '..')), secrets);
	process.stdout.write(`\n${formatReport(report, runFolder)}\n`);
	if (report.hits.length > 0) {
		throw new Error(
			`${report.hits.length} secret leak(s) in the test run's output: see the LEAK lines above (kept in ${runFolder})`,
		);
	}
	if (process.env.ATS_SYNC_KEEP_TEST_OUTPUT !== '1')
		rmSync(runFolder, { recursive: true, force: true });
}
