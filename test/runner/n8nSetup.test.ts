/**
 * `ats-sync n8n-setup` without an n8n: how a workflow's credential references are relinked, and the usage errors.
 * Against a real n8n, in both setup orders: test/n8n/setup.test.ts (`npm run test:n8n`).
 */
import type { INode } from 'n8n-workflow';

import type { CredentialUse } from '../../runner/src/credentials/sources';
import { relinkCredentials } from '../../runner/src/workflow/credentialLinks';
import { closedPort } from '../closedPort';
import { recipeFile } from '../recipes/helpers';
import { runInProcess } from './cli';

const node = (name: string, credentials?: INode['credentials']): INode =>
	({
		id: name,
		name,
		type: 'x.y',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		...(credentials ? { credentials } : {}),
	}) as INode;
const use = (nodeName: string, type: string, name: string): CredentialUse => ({
	nodeName,
	type,
	details: { id: 'recipe-id', name },
});
const ids: Record<string, string> = {
	'contactEventWebhookApi/Outreach webhook': 'c1',
	'contactEventWebhookApi/Interview platform webhook': 'c2',
	'leverApi/Lever account': 'c3',
};
const idOf = (type: string, name: string) => ids[`${type}/${name}`];

describe("relinking a workflow's credential references to the recipe's credential names", () => {
	it('links dropped, dangling and wrongly chosen references; keeps right ones and what the recipe does not name', () => {
		const nodes = [
			node('Dropped'),
			node('Dangling', { leverApi: { id: 'lever-account', name: 'Lever account' } }),
			// n8n gave the only webhook credential to a node whose recipe names another one (issue 15).
			node('Chosen by n8n', { contactEventWebhookApi: { id: 'c1', name: 'Outreach webhook' } }),
			node('Right', { contactEventWebhookApi: { id: 'c1', name: 'Outreach webhook' } }),
			node('Other', { onboardingApi: { id: 'o9', name: 'Mine' } }),
		];
		const uses = [
			use('Dropped', 'leverApi', 'Lever account'),
			use('Dangling', 'leverApi', 'Lever account'),
			use('Chosen by n8n', 'contactEventWebhookApi', 'Interview platform webhook'),
			use('Right', 'contactEventWebhookApi', 'Outreach webhook'),
			use('Renamed in n8n', 'leverApi', 'Lever account'),
		];
		const relinked = relinkCredentials(nodes, uses, idOf);
		expect(relinked.nodes.map((linked) => linked.credentials)).toEqual([
			{ leverApi: { id: 'c3', name: 'Lever account' } },
			{ leverApi: { id: 'c3', name: 'Lever account' } },
			{ contactEventWebhookApi: { id: 'c2', name: 'Interview platform webhook' } },
			{ contactEventWebhookApi: { id: 'c1', name: 'Outreach webhook' } },
			{ onboardingApi: { id: 'o9', name: 'Mine' } },
		]);
		expect(relinked.changed).toEqual([
			'Dropped: Lever account',
			'Dangling: Lever account',
			'Chosen by n8n: Interview platform webhook',
		]);
		expect(relinked.missing).toEqual(['Renamed in n8n']);
		// The input is not changed.
		expect(nodes[0].credentials).toBeUndefined();
		expect(relinkCredentials(relinked.nodes, uses.slice(0, 4), idOf).changed).toEqual([]);
	});
});

describe('ats-sync n8n-setup usage', () => {
	const recipe = recipeFile('push-on-interested.lever.json');

	it('needs --url, an API key and a recipe, and says where each comes from', async () => {
		expect(await runInProcess(['n8n-setup', '--api-key', 'k', recipe])).toMatchObject({
			code: 2,
			stderr: expect.stringContaining('needs --url'),
		});
		expect(
			await runInProcess(['n8n-setup', '--url', 'http://127.0.0.1:1', recipe], { N8N_API_KEY: '' }),
		).toMatchObject({
			code: 2,
			stderr: expect.stringContaining('--api-key or N8N_API_KEY'),
		});
		expect(
			await runInProcess(['n8n-setup', '--url', 'http://127.0.0.1:1', '--api-key', 'k']),
		).toMatchObject({ code: 2, stderr: expect.stringContaining('at least one recipe') });
		expect(
			await runInProcess(['n8n-setup', '--url', 'ftp://n8n', '--api-key', 'k', recipe]),
		).toMatchObject({ code: 2, stderr: expect.stringContaining('use an http(s) address') });
	});

	it('reports an unreachable n8n in one line, without the API key', async () => {
		const apiKey = 'n8n-api-key-that-must-not-be-printed';
		const result = await runInProcess(
			['n8n-setup', '--url', `http://127.0.0.1:${await closedPort()}`, recipe],
			{ N8N_API_KEY: apiKey },
		);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(
			/^ats-sync: error: n8n at http:\/\/127\.0\.0\.1:\d+\/api\/v1 cannot be reached \(ECONNREFUSED\)\n$/,
		);
		expect(result.stderr).not.toContain(apiKey);
	});
});
