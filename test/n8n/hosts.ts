/**
 * Playing a scenario (test/n8n/scenarios.ts) against a host of the workflow — `ats-sync serve` or a real n8n — and
 * reading what it left behind, normalised so two hosts' outcomes compare (test/recipes/endState.ts).
 */
import path from 'node:path';

import { serveRecipe, writeJson } from '../recipes/helpers';
import { idsIn, normaliseEndState } from '../recipes/endState';
import type { N8nInstance } from './instance';
import type { Ports, Scenario, ScenarioRun, Workflow, WorkflowHost } from './scenarios';

/** No request to any simulator for this long, and no execution in flight: the run has settled. */
const QUIET_MS = 1500;

/** The path each trigger type serves under its webhook id (the nodes' webhook descriptions). */
const TRIGGER_PATHS: Record<string, string> = {
	'n8n-nodes-ats-sync-toolkit.contactEventTrigger': 'contact-events',
	'n8n-nodes-ats-sync.leverTrigger': 'webhook',
	'n8n-nodes-ats-sync.smartRecruitersTrigger': 'webhook',
};

export interface Outcome {
	observations: unknown[];
	endState: unknown;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether n8n serves the node at a URL of its own: our webhook triggers, or n8n's Webhook node. */
export const isWebhookNode = (node: Workflow['nodes'][number]) =>
	node.type === 'n8n-nodes-base.webhook' || TRIGGER_PATHS[node.type] !== undefined;

/**
 * The production URL of a webhook node in n8n: `<webhookId>/<path>` for a trigger node, the node's own path for
 * n8n's Webhook node. A scenario names the node of the toolkit edition (e.g. "Contact Event"); in a Cloud edition
 * that node is n8n's Webhook node "<name> (Webhook)".
 */
export function n8nWebhookUrl(n8n: N8nInstance, workflow: Workflow, nodeName: string): string {
	const node =
		workflow.nodes.find((candidate) => candidate.name === nodeName && isWebhookNode(candidate)) ??
		workflow.nodes.find((candidate) => candidate.name === `${nodeName} (Webhook)`);
	if (node?.type === 'n8n-nodes-base.webhook')
		return `${n8n.baseUrl}/webhook/${String(node.parameters.path)}`;
	if (!node?.webhookId || !TRIGGER_PATHS[node.type])
		throw new Error(`"${nodeName}" is not a webhook trigger of ${String(workflow.name)}`);
	return n8n.webhookUrl(node.webhookId, TRIGGER_PATHS[node.type]);
}

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

async function play(
	run: ScenarioRun,
	host: WorkflowHost,
	busy: () => Promise<boolean>,
): Promise<Outcome> {
	const observations: unknown[] = [];
	for (const step of run.steps) {
		observations.push(await step(host));
		await settle(run, busy);
	}
	return { observations, endState: run.endState() };
}

const normalised = (run: ScenarioRun, outcome: Outcome) =>
	normaliseEndState(outcome, idsIn(run.seedState));

/**
 * `ats-sync serve` of `workflow` fed with the scenario's steps; resolves with the normalised outcome and what the
 * runner printed (its run summaries name each failed item).
 */
export async function playInRunner(
	scenario: Scenario,
	workflow: Workflow,
	ports: Ports,
	dir: string,
	credentialsFile: string,
) {
	const workflowFile = writeJson(dir, scenario.recipe, workflow);
	const run = await scenario.start(ports);
	try {
		const server = await serveRecipe(workflowFile, [
			'--credentials',
			credentialsFile,
			'--state',
			path.join(dir, `${scenario.recipe}.state.json`),
		]);
		try {
			for (const trigger of scenario.registeringTriggers)
				await server.waitFor(
					new RegExp(`"${trigger.replace(/[()]/g, '\\$&')}" registered its webhook`),
				);
			// Every queued run ends in a summary ('run of …') or an error line.
			const count = (pattern: RegExp) => (server.stderr().match(pattern) ?? []).length;
			const busy = async () => count(/queued a run of/g) > count(/run of "|ats-sync: error:/g);
			const outcome = await play(run, { urlOf: (nodeName) => server.urlOf(nodeName) }, busy);
			return { outcome: normalised(run, outcome), stderr: server.stderr() };
		} finally {
			expect(await server.stop()).toBe(0);
		}
	} finally {
		await run.close();
	}
}

/** The scenario played against `workflow`, imported into `n8n` as `workflowId`: activated, fed, deactivated. */
export async function playInN8n(
	n8n: N8nInstance,
	scenario: Scenario,
	workflowId: string,
	workflow: Workflow,
	ports: Ports,
): Promise<unknown> {
	const run = await scenario.start(ports);
	const urlOf = (nodeName: string) => n8nWebhookUrl(n8n, workflow, nodeName);
	const webhookUrls = workflow.nodes.filter(isWebhookNode).map((node) => urlOf(node.name));
	/** Activation and deactivation take effect a moment after n8n's REST call returns (see N8nInstance.webhookLive). */
	const until = async (what: string, done: () => Promise<boolean>) => {
		const deadline = Date.now() + 60_000;
		while (!(await done())) {
			if (Date.now() > deadline) {
				const status = await n8n.publicationStatus(workflowId);
				const log = n8n
					.log()
					.split('\n')
					.filter((line) => !/unknown webhook|is not registered/.test(line));
				throw new Error(
					`n8n: ${what} did not finish within 60 s (publication ${status}, ${run.registeredWebhooks()} webhooks at the ATS)\n${log.slice(-40).join('\n')}`,
				);
			}
			await sleep(250);
		}
	};
	const allLive = async (live: boolean) =>
		(await Promise.all(webhookUrls.map((url) => n8n.webhookLive(url)))).every(
			(state) => state === live,
		);
	try {
		await n8n.activate(workflowId);
		// Published (static data such as webhook secrets saved), webhooks live in n8n and registered at the ATS.
		const settledAs = async (status: string) =>
			(await n8n.publicationStatus(workflowId)) === status;
		await until(
			`activating ${String(workflow.name)}`,
			async () =>
				(await settledAs('published')) &&
				(await allLive(true)) &&
				run.registeredWebhooks() === scenario.registeringTriggers.length,
		);
		let outcome: Outcome;
		try {
			const busy = async () =>
				(await n8n.executions(workflowId)).some((execution) =>
					['new', 'running', 'waiting'].includes(execution.status),
				);
			outcome = await play(run, { urlOf }, busy);
		} finally {
			await n8n.deactivate(workflowId);
		}
		// Deactivating deletes the webhooks n8n registered with the ATS.
		await until(
			`deactivating ${String(workflow.name)}`,
			async () =>
				(await settledAs('not_published')) &&
				(await allLive(false)) &&
				run.registeredWebhooks() === 0,
		);
		return normalised(run, outcome);
	} finally {
		await run.close();
	}
}
