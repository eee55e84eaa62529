/**
 * The workflow's webhook triggers: the URL each one is served at (what n8n would give it, and what its `create`
 * registers with the ATS), and their registration. A registration outlives serve: a restart finds it with the node's
 * own `checkExists` and keeps it and its signing tokens; only `ats-sync deregister` removes it.
 */
import type { INode, IWebhookData } from 'n8n-workflow';

import { UserError } from '../errors';
import type { Reporter } from '../report/reporter';
import type { Session } from '../session';
import { triggersOf } from '../workflow/file';

export interface WebhookTrigger {
	node: INode;
	httpMethod: string;
	/** Path of the URL the node registers. */
	pathname: string;
	webhookData: IWebhookData;
}

/** Every enabled webhook trigger of the workflow and where it is served; none is a usage error. */
export function webhookTriggers(session: Session<unknown>): WebhookTrigger[] {
	const { engine, workflowData } = session;
	const { workflow } = session.step();
	const triggers: WebhookTrigger[] = [];
	for (const { node } of triggersOf(workflowData, engine.types).filter(
		(trigger) => trigger.kind === 'webhook',
	)) {
		const endpoint = engine.webhookEndpoint(workflow, workflowData, node);
		if (!endpoint) continue;
		const pathname = new URL(endpoint.url).pathname;
		triggers.push({
			node,
			httpMethod: endpoint.httpMethod,
			pathname,
			webhookData: engine.webhookDescription(workflow, node, pathname, endpoint.httpMethod),
		});
	}
	if (triggers.length === 0) {
		throw new UserError(
			`The workflow has no webhook trigger to serve: use "ats-sync run" for polling or manual triggers`,
		);
	}
	return triggers;
}

/**
 * Registers each trigger's webhook unless the registration saved in the static data still exists at the ATS (then
 * it and its signing tokens are kept). Each trigger's result is committed at once: a registration made is never
 * forgotten because a later one failed.
 */
export async function register(
	session: Session<unknown>,
	triggers: WebhookTrigger[],
	reporter: Reporter,
) {
	for (const trigger of triggers) {
		const step = session.step();
		const call = async (method: 'checkExists' | 'create') =>
			await session.engine.webhookMethod(
				step.workflow,
				session.workflowData,
				trigger.node,
				trigger.webhookData,
				method,
			);
		if ((await call('checkExists')) === false) {
			await call('create');
			reporter.note(`"${trigger.node.name}" registered its webhook`);
		} else {
			reporter.note(`"${trigger.node.name}" keeps its webhook registration`);
		}
		session.commit(step);
	}
}

/** Removes each trigger's registration at the ATS and forgets it (and the trigger's delivery memory). */
export async function deregister(
	session: Session<unknown>,
	triggers: WebhookTrigger[],
	reporter: Reporter,
) {
	for (const trigger of triggers) {
		const step = session.step();
		const removed = await session.engine.webhookMethod(
			step.workflow,
			session.workflowData,
			trigger.node,
			trigger.webhookData,
			'delete',
		);
		session.commit(step);
		if (removed === false)
			throw new UserError(
				`"${trigger.node.name}": the ATS refused to remove its webhook; its registration is kept, try again`,
			);
		reporter.note(`"${trigger.node.name}" deregistered its webhook`);
	}
}
