/** `npm run demo` (scripts/demo.js after the build): the summary it prints, and no secret in it. */
import { spawn } from 'node:child_process';
import path from 'node:path';

import { LEVER_SEED } from '../simulators/lever';
import { SMARTRECRUITERS_SEED } from '../simulators/smartrecruiters';
import { repoRoot } from '../runner/cli';
import { recordOutput } from '../secrets/record';
import { ensureBuilt } from './helpers';

function demo(...args: string[]): Promise<{ code: number | null; output: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [path.join(repoRoot, 'scripts', 'demo.js'), ...args], { cwd: repoRoot });
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.on('error', reject);
		child.on('close', (code) => {
			recordOutput(`scripts/demo.js ${args.join(' ')}`, output);
			resolve({ code, output });
		});
	});
}

describe('scripts/demo.js', () => {
	beforeAll(async () => await ensureBuilt());

	it.each([
		['lever', 'Lever', LEVER_SEED.apiKey, 3, 1],
		['smartrecruiters', 'SmartRecruiters', SMARTRECRUITERS_SEED.apiKey, 3, 1],
	])('%s: progress, then created / updated / skipped / failed, without secrets', async (ats, label, apiKey, created, updated) => {
		const { code, output } = await demo(ats);
		expect(code).toBe(0);
		expect(output).toContain(`ats-sync run recipes/push-on-interested.${ats}.json --input recipes/samples/contact-events.ndjson`);
		expect(output).toMatch(/ {2}Sync Policy: 7 in, 7 out \(6 \/ 1\)\n/);
		expect(output).toContain(`Created in ${label} (${created}):`);
		expect(output).toContain(`Updated (${updated}):`);
		expect(output).toContain('Skipped (2): 1 not synced by the sync policy, 1 without a job for their campaign');
		expect(output).toContain('  - sam.seller@example.com: contact.interested in campaign sw-sales-nyc');
		expect(output).toMatch(/Failed \(1\):\n {2}! nolastname@example\.com: Upsert Candidate: Mandatory field/);
		expect(output).not.toContain(apiKey);
	});
});
