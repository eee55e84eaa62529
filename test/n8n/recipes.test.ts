/**
 * `npm run test:n8n`: this package in a real n8n (scripts/n8n/install.js pins the version).
 *
 * n8n loads the package as an installed community package; credentials and the recipes are imported with n8n's CLI;
 * each recipe is activated in the running n8n and fed through its production webhook URLs with the inputs of the
 * runner's recipe tests. The simulators' end state after n8n must be identical to their end state after
 * `ats-sync serve` ran the same workflow with the same inputs from the same seed (ids and timestamps normalised).
 */
import path from 'node:path';

import { ensureBuilt, nodePackages, serveRecipe, writeJson } from '../recipes/helpers';
import { endStateDifferences, idsIn, normaliseEndState } from '../recipes/endState';
import { tempDir } from '../runner/cli';
import { freePort, N8nInstance } from './instance';
import { credentialsFor, scenarios, type Ports, type Scenario, type ScenarioRun, type Workflow, type WorkflowHost } from './scenarios';

/** No request to any simulator for this long, and no execution in flight: the run has settled. */
const QUIET_MS = 1500;
/** The path each trigger type serves under its webhook id (the nodes' webhook descriptions). */
const WEBHOOK_PATHS: Record<string, string> = {
	'n8n-nodes-ats-sync-toolkit.contactEventTrigger': 'contact-events',
	'n8n-nodes-ats-sync.leverTrigger': 'webhook',
	'n8n-nodes-ats-sync.smartRecruitersTrigger': 'webhook',
};

/** Workflow ids are n8n-sized (≤ 21 characters): n8n silently skips saving static data for a longer id. */
const DELIBERATE_BREAK_ID = 'atsSyncBroken1';

/** push-on-interested (Lever) with one setting changed, as if n8n had run a node differently: the note title for emails. */
function deliberatelyBroken(scenario: Scenario, ports: Ports): Workflow {
	const workflow = scenario.workflow(ports);
	const titles = workflow.nodes.find((node) => node.name === 'Note per Outreach Type')!;
	const rows = (titles.parameters.mappings as { mapping: Array<{ from: string; to: string }> }).mapping;
	rows.find((row) => row.from === 'email')!.to = 'E-mail';
	// A copy gets webhook ids of its own, as n8n's "Duplicate" gives it: two workflows must not share a production URL.
	for (const node of workflow.nodes) if (node.webhookId) node.webhookId = node.webhookId.replace(/^[0-9a-f]{8}/, '0b0ea0a0');
	return { ...workflow, name: `${String(workflow.name)} (deliberately changed)` };
}

interface Outcome {
	observations: unknown[];
	endState: unknown;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function settle(run: ScenarioRun, busy: () => Promise<boolean>) {
	let last = -1;
	let quietSince = Date.now();
	for (;;) {
		const activity = run.activity();
		if (activity !== last) {
			last = activity;
			quietSince = Date.now();
		} else if (Date.now() - quietSince >= QUIET_MS && !(await busy())) {
			return;
		}
		await sleep(100);
	}
}

async function play(run: ScenarioRun, host: WorkflowHost, busy: () => Promise<boolean>): Promise<Outcome> {
	const observations: unknown[] = [];
	for (const step of run.steps) {
		observations.push(await step(host));
		await settle(run, busy);
	}
	return { observations, endState: run.endState() };
}

const normalised = (run: ScenarioRun, outcome: Outcome) => normaliseEndState(outcome, idsIn(run.seedState));

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
	const webhookUrlIn = (workflow: Workflow, baseUrl: (webhookId: string, webhookPath: string) => string) => (nodeName: string) => {
		const node = workflow.nodes.find((candidate) => candidate.name === nodeName);
		if (!node?.webhookId || !WEBHOOK_PATHS[node.type]) throw new Error(`"${nodeName}" is not a webhook trigger of ${String(workflow.name)}`);
		return baseUrl(node.webhookId, WEBHOOK_PATHS[node.type]);
	};

	async function inRunner(scenario: Scenario): Promise<unknown> {
		const workflowFile = writeJson(dir, scenario.recipe, workflowOf(scenario));
		const run = await scenario.start(ports);
		try {
			const server = await serveRecipe(workflowFile, ['--credentials', credentialsFile, '--state', path.join(dir, `${scenario.recipe}.state.json`)]);
			try {
				for (const trigger of scenario.registeringTriggers) await server.waitFor(new RegExp(`"${trigger.replace(/[()]/g, '\\$&')}" registered its webhook`));
				// Every queued run ends in a summary ('run of …') or an error line.
				const count = (pattern: RegExp) => (server.stderr().match(pattern) ?? []).length;
				const busy = async () => count(/queued a run of/g) > count(/run of "|ats-sync: error:/g);
				const outcome = await play(run, { urlOf: (nodeName) => server.urlOf(nodeName) }, busy);
				return normalised(run, outcome);
			} finally {
				expect(await server.stop()).toBe(0);
			}
		} finally {
			await run.close();
		}
	}

	async function inN8n(scenario: Scenario, workflowId: string, workflow: Workflow): Promise<unknown> {
		const run = await scenario.start(ports);
		const urlOf = webhookUrlIn(workflow, (id, webhookPath) => n8n.webhookUrl(id, webhookPath));
		const webhookUrls = workflow.nodes.filter((node) => WEBHOOK_PATHS[node.type]).map((node) => urlOf(node.name));
		/** Activation and deactivation take effect a moment after n8n's REST call returns (see N8nInstance.webhookLive). */
		const until = async (what: string, done: () => Promise<boolean>) => {
			const deadline = Date.now() + 60_000;
			while (!(await done())) {
				if (Date.now() > deadline) {
					const status = await n8n.publicationStatus(workflowId);
					const log = n8n.log().split('\n').filter((line) => !/unknown webhook|is not registered/.test(line));
					throw new Error(`n8n: ${what} did not finish within 60 s (publication ${status}, ${run.registeredWebhooks()} webhooks at the ATS)\n${log.slice(-40).join('\n')}`);
				}
				await sleep(250);
			}
		};
		const allLive = async (live: boolean) => (await Promise.all(webhookUrls.map((url) => n8n.webhookLive(url)))).every((state) => state === live);
		try {
			await n8n.activate(workflowId);
			// Published (static data such as webhook secrets saved), webhooks live in n8n and registered at the ATS.
			const settledAs = async (status: string) => (await n8n.publicationStatus(workflowId)) === status;
			await until(`activating ${workflow.name}`, async () => (await settledAs('published')) && (await allLive(true)) && run.registeredWebhooks() === scenario.registeringTriggers.length);
			let outcome: Outcome;
			try {
				const busy = async () => (await n8n.executions(workflowId)).some((execution) => ['new', 'running', 'waiting'].includes(execution.status));
				outcome = await play(run, { urlOf }, busy);
			} finally {
				await n8n.deactivate(workflowId);
			}
			// Deactivating deletes the webhooks n8n registered with the ATS.
			await until(`deactivating ${workflow.name}`, async () => (await settledAs('not_published')) && (await allLive(false)) && run.registeredWebhooks() === 0);
			return normalised(run, outcome);
		} finally {
			await run.close();
		}
	}

	beforeAll(async () => {
		await ensureBuilt();
		ports = { lever: await freePort(), smartRecruiters: await freePort(), onboarding: await freePort(), files: await freePort(), receiver: await freePort() };
		n8n = new N8nInstance(await freePort());
		const installed = n8n.installation;
		timings.installSeconds = installed.installSeconds;
		process.stderr.write(`n8n ${installed.version} from ${installed.dir}${installed.cached ? ' (cached install)' : ` (installed in ${installed.installSeconds} s)`}\n`);

		let started = Date.now();
		n8n.installPackage();
		const credentials = credentialsFor(ports);
		credentialsFile = writeJson(dir, 'credentials.json', credentials);
		// Credential ids as the recipes reference them, so the imported workflows find their credentials unchanged.
		const credentialIds = new Map<string, string>();
		for (const scenario of scenarios) {
			for (const node of workflowOf(scenario).nodes) for (const reference of Object.values(node.credentials ?? {})) credentialIds.set(reference.name, reference.id);
		}
		n8n.importCredentials([...credentialIds].map(([name, id]) => ({ id, name, ...credentials[name] })));
		scenarios.forEach((scenario, index) => workflowIds.set(scenario.name, `atsSyncRecipe${index + 1}`));
		const pushLever = scenarios.find((scenario) => scenario.name === 'push-on-interested (Lever)')!;
		n8n.importWorkflows([
			...scenarios.map((scenario) => ({ ...workflowOf(scenario), id: workflowIds.get(scenario.name)! })),
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
			files.map((file) => path.basename(file, suffix)).map((name) => name.charAt(0).toLowerCase() + name.slice(1));
		const packages = nodePackages();
		const expectedNodes = packages.flatMap(({ name: packageName, n8n: declared }) => names(declared.nodes, '.node.js').map((name) => `${packageName}.${name}`));
		const expectedCredentials = packages.flatMap(({ n8n: declared }) => names(declared.credentials, '.credentials.js'));
		const ours = listed.nodes.filter((name) => packages.some((nodePackage) => name.startsWith(`${nodePackage.name}.`)));
		expect(expectedNodes.filter((name) => !ours.includes(name))).toEqual([]);
		// usableAsTool: n8n offers the action nodes to AI agents as `<name>Tool` too; nothing else appears.
		expect(ours.filter((name) => !expectedNodes.includes(name)).every((name) => name.endsWith('Tool') && expectedNodes.includes(name.slice(0, -4)))).toBe(true);
		expect(ours).toEqual(expect.arrayContaining(['n8n-nodes-ats-sync.leverTool', 'n8n-nodes-ats-sync.smartRecruitersTool']));
		expect(expectedCredentials.filter((name) => !listed.credentials.includes(name))).toEqual([]);
		expect(n8n.log()).not.toMatch(/Failed to load package "n8n-nodes-ats-sync(-toolkit)?"/);
	});

	describe.each(scenarios.map((scenario) => [scenario.name, scenario] as const))('%s', (_name, scenario) => {
		it('leaves the simulators in the same end state as ats-sync', async () => {
			const runner = await inRunner(scenario);
			runnerOutcomes.set(scenario.name, runner);
			const workflowId = workflowIds.get(scenario.name)!;
			const inN8nOutcome = await inN8n(scenario, workflowId, workflowOf(scenario));
			const differences = endStateDifferences(runner, inN8nOutcome, ['ats-sync', 'n8n']);
			if (differences.length > 0) throw new Error(`End state after n8n differs from ats-sync:\n${differences.slice(0, 40).join('\n')}`);
			const executions = await n8n.executions(workflowId);
			expect(executions.length).toBeGreaterThan(0);
			// A run with failed items fails at Report Failures, after the rest of the run (test/n8n/failures.test.ts); nothing else fails.
			for (const execution of executions.filter((candidate) => candidate.status !== 'success')) {
				expect({ status: execution.status, failedAt: (await n8n.executionData(execution.id)).resultData.lastNodeExecuted }).toEqual({ status: 'error', failedAt: 'Report Failures' });
			}
		});
	});

	it('a signed Lever webhook runs the recipe in n8n; an unsigned one is refused and runs nothing', async () => {
		const outcome = runnerOutcomes.get('hire-to-onboarding (Lever)') as { observations: unknown[] } | undefined;
		if (!outcome) throw new Error('hire-to-onboarding (Lever) did not run');
		// Same observations in n8n (compared above): two signed deliveries acknowledged once each, the forged one refused.
		expect(outcome.observations).toEqual([[{ status: 200, attempts: 1 }], [{ status: 200, attempts: 1 }], 401]);
		const executions = await n8n.executions(workflowIds.get('hire-to-onboarding (Lever)')!);
		expect(executions).toHaveLength(2);
	});

	it('reports a readable difference when a recipe leaves another end state in n8n (deliberate break)', async () => {
		const scenario = scenarios.find((candidate) => candidate.name === 'push-on-interested (Lever)')!;
		const runner = runnerOutcomes.get(scenario.name);
		if (!runner) throw new Error(`${scenario.name} did not run`);
		const differences = endStateDifferences(runner, await inN8n(scenario, DELIBERATE_BREAK_ID, deliberatelyBroken(scenario, ports)), ['ats-sync', 'n8n']);
		expect(differences).toEqual([expect.stringMatching(/^\$\.endState\.lever\[\d+\]\.notes\[0\]: ats-sync "Email: interested.*≠ n8n "E-mail: interested/)]);
	});
});
