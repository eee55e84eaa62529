/**
 * `npm run test:n8n`: this package in a real n8n (scripts/n8n/install.js pins the version).
 *
 * n8n loads the package as an installed community package; credentials and the recipes are imported with n8n's CLI;
 * each recipe is activated in the running n8n and fed through its production webhook URLs with the inputs of the
 * runner's recipe tests. The simulators' end state after n8n must be identical to their end state after
 * `ats-sync serve` ran the same workflow with the same inputs from the same seed (ids and timestamps normalised).
 */
import path from 'node:path';

import { ensureBuilt, nodePackages, writeJson } from '../recipes/helpers';
import { endStateDifferences } from '../recipes/endState';
import { tempDir } from '../runner/cli';
import { playInN8n, playInRunner } from './hosts';
import { credentialNamesIn, freePort, N8nInstance } from './instance';
import { credentialsFor, scenarios, type Ports, type Scenario, type Workflow } from './scenarios';

/** Workflow ids are n8n-sized (≤ 21 characters): n8n silently skips saving static data for a longer id. */
const DELIBERATE_BREAK_ID = 'atsSyncBroken1';

/** push-on-interested (Lever) with one setting changed, as if n8n had run a node differently: the note title for emails. */
function deliberatelyBroken(scenario: Scenario, ports: Ports): Workflow {
	const workflow = scenario.workflow(ports);
	const titles = workflow.nodes.find((node) => node.name === 'Note per Outreach Type')!;
	const rows = (titles.parameters.mappings as { mapping: Array<{ from: string; to: string }> })
		.mapping;
	rows.find((row) => row.from === 'email')!.to = 'E-mail';
	// A copy gets webhook ids of its own, as n8n's "Duplicate" gives it: two workflows must not share a production URL.
	for (const node of workflow.nodes)
		if (node.webhookId) node.webhookId = node.webhookId.replace(/^[0-9a-f]{8}/, '0b0ea0a0');
	return { ...workflow, name: `${String(workflow.name)} (deliberately changed)` };
}

describe('recipes in a real n8n', () => {
	let ports: Ports;
	let n8n: N8nInstance;
	const dir = tempDir('test-n8n-');
	const workflowIds = new Map<string, string>();
	let credentialsFile: string;
	/** The runner's normalised outcome per scenario, kept for the deliberate-difference check. */
	const runnerOutcomes = new Map<string, unknown>();
	const timings: Record<string, number> = {};

	const workflowOf = (scenario: Scenario): Workflow => scenario.workflow(ports);
	const inRunner = async (scenario: Scenario) =>
		(await playInRunner(scenario, workflowOf(scenario), ports, dir, credentialsFile)).outcome;
	const inN8n = (scenario: Scenario, workflowId: string, workflow: Workflow) =>
		playInN8n(n8n, scenario, workflowId, workflow, ports);

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
		const installed = n8n.installation;
		timings.installSeconds = installed.installSeconds;
		process.stderr.write(
			`n8n ${installed.version} from ${installed.dir}${installed.cached ? ' (cached install)' : ` (installed in ${installed.installSeconds} s)`}\n`,
		);

		let started = Date.now();
		n8n.installPackage();
		const credentials = credentialsFor(ports);
		credentialsFile = writeJson(dir, 'credentials.json', credentials);
		// Under the names the recipes use: n8n links the imported workflows to them by name.
		n8n.importCredentials(
			credentialNamesIn(scenarios.map(workflowOf)).map((name) => ({ name, ...credentials[name] })),
		);
		scenarios.forEach((scenario, index) =>
			workflowIds.set(scenario.name, `atsSyncRecipe${index + 1}`),
		);
		const pushLever = scenarios.find((scenario) => scenario.name === 'push-on-interested (Lever)')!;
		n8n.importWorkflows([
			...scenarios.map((scenario) => ({
				...workflowOf(scenario),
				id: workflowIds.get(scenario.name)!,
			})),
			{ ...deliberatelyBroken(pushLever, ports), id: DELIBERATE_BREAK_ID },
		]);
		timings.importSeconds = (Date.now() - started) / 1000;
		started = Date.now();
		await n8n.start();
		timings.startSeconds = (Date.now() - started) / 1000;
	}, 15 * 60_000);

	afterAll(async () => {
		await n8n?.stop();
		process.stderr.write(`test:n8n timings: ${JSON.stringify(timings)}\n`);
		if (n8n && !process.env.KEEP_N8N_USER_FOLDER) n8n.cleanup();
	});

	it('lists every node and credential type of both packages', async () => {
		const listed = await n8n.listedTypes();
		const names = (files: string[], suffix: string) =>
			files
				.map((file) => path.basename(file, suffix))
				.map((name) => name.charAt(0).toLowerCase() + name.slice(1));
		const packages = nodePackages();
		const expectedNodes = packages.flatMap(({ name: packageName, n8n: declared }) =>
			names(declared.nodes, '.node.js').map((name) => `${packageName}.${name}`),
		);
		const expectedCredentials = packages.flatMap(({ n8n: declared }) =>
			names(declared.credentials, '.credentials.js'),
		);
		const ours = listed.nodes.filter((name) =>
			packages.some((nodePackage) => name.startsWith(`${nodePackage.name}.`)),
		);
		expect(expectedNodes.filter((name) => !ours.includes(name))).toEqual([]);
		// usableAsTool: n8n offers the action nodes to AI agents as `<name>Tool` too; nothing else appears.
		expect(
			ours
				.filter((name) => !expectedNodes.includes(name))
				.every((name) => name.endsWith('Tool') && expectedNodes.includes(name.slice(0, -4))),
		).toBe(true);
		expect(ours).toEqual(
			expect.arrayContaining([
				'n8n-nodes-ats-sync.leverTool',
				'n8n-nodes-ats-sync.smartRecruitersTool',
			]),
		);
		expect(expectedCredentials.filter((name) => !listed.credentials.includes(name))).toEqual([]);
		expect(n8n.log()).not.toMatch(/Failed to load package "n8n-nodes-ats-sync(-toolkit)?"/);
	});

	describe.each(scenarios.map((scenario) => [scenario.name, scenario] as const))(
		'%s',
		(_name, scenario) => {
			it('leaves the simulators in the same end state as ats-sync', async () => {
				const runner = await inRunner(scenario);
				runnerOutcomes.set(scenario.name, runner);
				const workflowId = workflowIds.get(scenario.name)!;
				const inN8nOutcome = await inN8n(scenario, workflowId, workflowOf(scenario));
				const differences = endStateDifferences(runner, inN8nOutcome, ['ats-sync', 'n8n']);
				if (differences.length > 0)
					throw new Error(
						`End state after n8n differs from ats-sync:\n${differences.slice(0, 40).join('\n')}`,
					);
				const executions = await n8n.executions(workflowId);
				expect(executions.length).toBeGreaterThan(0);
				// A run with failed items fails at Report Failures, after the rest of the run (test/n8n/failures.test.ts); nothing else fails.
				for (const execution of executions.filter((candidate) => candidate.status !== 'success')) {
					expect({
						status: execution.status,
						failedAt: (await n8n.executionData(execution.id)).resultData.lastNodeExecuted,
					}).toEqual({ status: 'error', failedAt: 'Report Failures' });
				}
			});
		},
	);

	it('a signed Lever webhook runs the recipe in n8n; an unsigned one is refused and runs nothing', async () => {
		const outcome = runnerOutcomes.get('hire-to-onboarding (Lever)') as
			| { observations: unknown[] }
			| undefined;
		if (!outcome) throw new Error('hire-to-onboarding (Lever) did not run');
		// Same observations in n8n (compared above): two signed deliveries acknowledged once each, the forged one refused.
		expect(outcome.observations).toEqual([
			[{ status: 200, attempts: 1 }],
			[{ status: 200, attempts: 1 }],
			401,
		]);
		const executions = await n8n.executions(workflowIds.get('hire-to-onboarding (Lever)')!);
		expect(executions).toHaveLength(2);
	});

	it('reports a readable difference when a recipe leaves another end state in n8n (deliberate break)', async () => {
		const scenario = scenarios.find(
			(candidate) => candidate.name === 'push-on-interested (Lever)',
		)!;
		const runner = runnerOutcomes.get(scenario.name);
		if (!runner) throw new Error(`${scenario.name} did not run`);
		const differences = endStateDifferences(
			runner,
			await inN8n(scenario, DELIBERATE_BREAK_ID, deliberatelyBroken(scenario, ports)),
			['ats-sync', 'n8n'],
		);
		expect(differences).toEqual([
			expect.stringMatching(
				/^\$\.endState\.lever\[\d+\]\.notes\[0\]: ats-sync "Email: interested.*≠ n8n "E-mail: interested/,
			),
		]);
	});
});
