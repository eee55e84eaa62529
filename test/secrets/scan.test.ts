/** The secrets scan finds a leaked secret (in each form a leak takes) and names it without printing it. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { tempDir } from '../runner/cli';
import { LEVER_SEED } from '../simulators/lever/seed';
import { SEED_SECRETS } from './globalTeardown';
import type { RegisteredSecret } from './record';
import { formatReport, readRegisteredSecrets, runTargets, scanForSecrets } from './scan';

const ISSUED: RegisteredSecret = {
	name: 'Lever simulator access token',
	value: 'eyJhbGciOiJIUzI1NiJ9.issued-token-for-scan-test',
	kind: 'issued',
};

function scratchRun() {
	const run = tempDir('secrets-scan-');
	for (const sub of ['output', 'state', 'secrets']) mkdirSync(path.join(run, sub));
	const testRoot = tempDir('secrets-scan-tests-');
	return {
		run,
		testRoot,
		scan: (secrets: RegisteredSecret[]) => scanForSecrets(runTargets(run, testRoot), secrets),
	};
}

describe('secrets scan', () => {
	it('passes clean output and counts what it scanned', () => {
		const { run, scan } = scratchRun();
		writeFileSync(
			path.join(run, 'output', '1.log'),
			'Credential "Lever account" (leverApi): field "apiKey" is required but missing\nKey: ***\n',
		);
		const report = scan([...SEED_SECRETS, ISSUED]);
		expect(report).toEqual({
			filesScanned: 1,
			bytesScanned: expect.any(Number),
			secretsChecked: SEED_SECRETS.length + 1,
			hits: [],
		});
		expect(report.bytesScanned).toBeGreaterThan(50);
	});

	it('fails on a leaked API key in output, naming the file and the credential, never the value', () => {
		const { run, scan } = scratchRun();
		const leaked = path.join(run, 'output', '2.log');
		writeFileSync(
			leaked,
			`401 from https://api.lever.co/v1/opportunities (key ${LEVER_SEED.apiKey})\n`,
		);
		const report = scan(SEED_SECRETS);
		expect(report.hits).toEqual([{ file: leaked, secret: 'Lever simulator API key', form: 'raw' }]);
		const printed = formatReport(report, run);
		expect(printed).toContain(`LEAK: Lever simulator API key found (raw) in ${leaked}`);
		expect(printed).not.toContain(LEVER_SEED.apiKey);
	});

	it('finds encoded forms: a Basic auth header and a URL-encoded secret', () => {
		const { run, scan } = scratchRun();
		const basic = `Authorization: Basic ${Buffer.from(`${LEVER_SEED.apiKey}:`).toString('base64')}`;
		writeFileSync(path.join(run, 'output', 'basic.log'), basic);
		const secret: RegisteredSecret = {
			name: 'signing secret',
			value: 'a secret/with&odd=chars',
			kind: 'credential',
		};
		writeFileSync(
			path.join(run, 'output', 'url.log'),
			`GET /hook?s=${encodeURIComponent(secret.value)}`,
		);
		expect(
			scan([...SEED_SECRETS, secret])
				.hits.map((hit) => [path.basename(hit.file), hit.secret, hit.form])
				.sort(),
		).toEqual([
			['basic.log', 'Lever simulator API key', 'basic-auth'],
			['url.log', 'signing secret', 'url-encoded'],
		]);
	});

	it('state files may keep issued tokens (their store) but never a configured credential; snapshots neither', () => {
		const { run, testRoot, scan } = scratchRun();
		writeFileSync(
			path.join(run, 'state', '1.log'),
			JSON.stringify({ oauthTokens: { Lever: { access_token: ISSUED.value } } }),
		);
		expect(scan([ISSUED]).hits).toEqual([]);
		writeFileSync(
			path.join(run, 'state', '2.log'),
			JSON.stringify({ staticData: { apiKey: LEVER_SEED.apiKey } }),
		);
		mkdirSync(path.join(testRoot, 'x', '__snapshots__'), { recursive: true });
		const snapshot = path.join(testRoot, 'x', '__snapshots__', 'x.test.ts.snap');
		writeFileSync(snapshot, `exports[\`token 1\`] = \`"${ISSUED.value}"\`;`);
		expect(
			scan([...SEED_SECRETS, ISSUED]).hits.map((hit) => [path.basename(hit.file), hit.secret]),
		).toEqual([
			['x.test.ts.snap', ISSUED.name],
			['2.log', 'Lever simulator API key'],
		]);
	});

	it("reads every process's registered secrets once, a configured credential winning over an issued token", () => {
		const { run } = scratchRun();
		writeFileSync(
			path.join(run, 'secrets', '1.ndjson'),
			`${JSON.stringify(ISSUED)}\n${JSON.stringify({ name: 'x', value: 'same-value-123', kind: 'issued' })}\n`,
		);
		writeFileSync(
			path.join(run, 'secrets', '2.ndjson'),
			`${JSON.stringify({ name: 'y', value: 'same-value-123', kind: 'credential' })}\n`,
		);
		expect(readRegisteredSecrets(run)).toEqual([
			ISSUED,
			{ name: 'x', value: 'same-value-123', kind: 'credential' },
		]);
	});
});
