/**
 * `npm run test:n8n`, Cloud editions: recipes/cloud/ in a real n8n where only n8n-nodes-ats-sync is installed, as on
 * n8n Cloud (verified community packages only). Each edition is fed the inputs of its toolkit edition's scenario
 * (test/n8n/scenarios.ts); the simulators' end state and the answers to each delivery must equal what the toolkit
 * edition leaves after `ats-sync serve`, and the items the toolkit run reports failed must be the ones the Cloud
 * edition's failed execution names (where and why).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { ensureBuilt, writeJson } from '../recipes/helpers';
import { endStateDifferences } from '../recipes/endState';
import { tempDir } from '../runner/cli';
import {
	cloudCredentialsFor,
	cloudDir,
	cloudFailures,
	cloudWorkflow,
	runnerFailures,
} from './cloudEditions';
import { playInN8n, playInRunner } from './hosts';
import { credentialNamesIn, freePort, N8nInstance, ROOT_PACKAGE_ONLY } from './instance';
import { credentialsFor, scenarios, type Ports, type Scenario, type Workflow } from './scenarios';

describe('Cloud editions in a real n8n with only n8n-nodes-ats-sync installed', () => {
	let ports: Ports;
	let n8n: N8nInstance;
	const dir = tempDir('test-n8n-cloud-');
	let toolkitCredentialsFile: string;
	const workflowIds = new Map<string, string>();

	beforeAll(async () => {
		await ensureBuilt();
		ports = {
			lever: await freePort(),
			smartRecruiters: await freePort(),
			onboarding: await freePort(),
			files: await freePort(),
			receiver: await freePort(),
		};
		n8n = new N8nInstance(await freePort());
		n8n.installPackage(ROOT_PACKAGE_ONLY);
		toolkitCredentialsFile = writeJson(dir, 'credentials.json', credentialsFor(ports));
		const credentials = cloudCredentialsFor(ports);
		n8n.importCredentials(
			credentialNamesIn(scenarios.map((scenario) => cloudWorkflow(scenario, ports))).map((name) => {
				if (!credentials[name]) throw new Error(`No test credential for "${name}"`);
				return { name, ...credentials[name] };
			}),
		);
		scenarios.forEach((scenario, index) =>
			workflowIds.set(scenario.name, `atsSyncCloud${index + 1}`),
		);
		n8n.importWorkflows(
			scenarios.map((scenario) => ({
				...cloudWorkflow(scenario, ports),
				id: workflowIds.get(scenario.name)!,
			})),
		);
		await n8n.start();
	}, 15 * 60_000);

	afterAll(async () => {
		await n8n?.stop();
		if (n8n && !process.env.KEEP_N8N_USER_FOLDER) n8n.cleanup();
	});

	it('has a Cloud edition of every recipe, and n8n knows every node type in them without the toolkit', async () => {
		expect(readdirSync(cloudDir).sort()).toEqual(
			scenarios.map((scenario) => scenario.recipe).sort(),
		);
		const listed = await n8n.listedTypes();
		expect(listed.nodes.filter((name) => name.startsWith('n8n-nodes-ats-sync-toolkit.'))).toEqual(
			[],
		);
		const used = new Set(
			readdirSync(cloudDir).flatMap((file) =>
				(JSON.parse(readFileSync(path.join(cloudDir, file), 'utf8')) as Workflow).nodes.map(
					(node) => node.type,
				),
			),
		);
		expect([...used].filter((type) => !listed.nodes.includes(type))).toEqual([]);
	});

	describe.each(scenarios.map((scenario) => [scenario.name, scenario] as const))(
		'%s',
		(_name, scenario: Scenario) => {
			it('leaves the same end state as the toolkit edition in ats-sync, and fails the executions of the items it reports failed', async () => {
				const toolkit = await playInRunner(
					scenario,
					scenario.workflow(ports),
					ports,
					dir,
					toolkitCredentialsFile,
				);
				const workflowId = workflowIds.get(scenario.name)!;
				const cloud = await playInN8n(
					n8n,
					scenario,
					workflowId,
					cloudWorkflow(scenario, ports),
					ports,
				);
				const differences = endStateDifferences(toolkit.outcome, cloud, [
					'toolkit edition in ats-sync',
					'Cloud edition in n8n',
				]);
				if (differences.length > 0)
					throw new Error(
						`End state after the Cloud edition differs:\n${differences.slice(0, 40).join('\n')}`,
					);

				const executions = await n8n.executions(workflowId);
				expect(executions.length).toBeGreaterThan(0);
				expect(
					executions.filter((execution) => !['success', 'error'].includes(execution.status)),
				).toEqual([]);
				const messages = await Promise.all(
					executions
						.filter((execution) => execution.status === 'error')
						.map(
							async (execution) =>
								(await n8n.executionData(execution.id)).resultData.error?.message ??
								'(no error message)',
						),
				);
				expect(cloudFailures(messages)).toEqual(
					runnerFailures(toolkit.stderr, scenario.workflow(ports)),
				);
			});
		},
	);
});
