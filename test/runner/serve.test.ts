/** `ats-sync serve`: webhook registration on start, signed deliveries starting runs, deregistration on SIGTERM. */
import { copyFileSync } from 'node:fs';
import path from 'node:path';

import type { FixtureServer } from './fixtureServer';
import { startFixtureServer } from './fixtureServer';
import { ensureRunnerBuilt, fixturePackageDir, fixturesDir, runCli, tempDir, waitFor, writeFixtureCredentials } from './cli';

let server: FixtureServer;

beforeAll(async () => {
	await ensureRunnerBuilt();
	server = await startFixtureServer();
});

afterAll(async () => {
	await server.close();
});


describe('ats-sync serve', () => {
	it('registers the webhook, runs the workflow for a correctly signed delivery only, deregisters on SIGTERM', async () => {
		const dir = tempDir();
		const workflow = path.join(dir, 'webhook-upsert.json');
		copyFileSync(path.join(fixturesDir, 'webhook-upsert.json'), workflow);
		const credentials = writeFixtureCredentials(dir);
		const serving = await runCli(['serve', workflow, '--port', '0', '--credentials', credentials, '--nodes', fixturePackageDir], {
			env: { FIXTURE_URL: server.url, FIXTURE_KEY: server.apiKey },
			until: /serving http|error/,
		});
		try {
			expect(serving.stderr).not.toContain('error');
			const url = /"Events" listens at POST (\S+)/.exec(serving.stderr)?.[1];
			expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/webhook\/wh-fixture\/events$/);
			// create() registered exactly the URL the server answers.
			expect([...server.hooks.values()].map((hook) => hook.url)).toEqual([url]);
			const [hookId] = [...server.hooks.keys()];

			const body = JSON.stringify({ events: [{ email: 'ada@example.com', name: 'Ada' }, { email: 'grace@example.com', name: 'Grace' }] });
			const forged = await fetch(url!, { method: 'POST', headers: { 'content-type': 'application/json', 'x-fixture-signature': 'f'.repeat(64) }, body });
			expect(forged.status).toBe(401);

			const signed = await fetch(url!, {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'x-fixture-signature': server.sign(hookId, body) },
				body,
			});
			expect(signed.status).toBe(200);
			await waitFor(() => server.candidates.length === 2, 'the run to create both candidates');
			expect(server.candidates.map((c) => c.email)).toEqual(['ada@example.com', 'grace@example.com']);

			const wrongPath = await fetch(url!.replace('/events', '/other'), { method: 'POST', body: '{}' });
			expect(wrongPath.status).toBe(404);
			const wrongMethod = await fetch(url!, { method: 'GET' });
			expect(wrongMethod.status).toBe(405);
		} finally {
			const exited = new Promise<number | null>((resolve) => serving.child.on('close', (code) => resolve(code)));
			serving.child.kill('SIGTERM');
			expect(await exited).toBe(0);
		}
		expect(server.hooks.size).toBe(0);
		expect(server.candidates).toHaveLength(2);
	});
});
