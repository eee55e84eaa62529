/**
 * Lever writes that need a user to act as (Lever's `perform_as`): checked before a run, so a recipe without one
 * fails with one message instead of failing every new candidate. The nodes check the same at run time
 * (nodes/Lever/transport); this is the early, whole-workflow form of it.
 */
import type { INode, INodeParameterResourceLocator, IWorkflowBase } from 'n8n-workflow';

import type { CredentialStore } from '../credentials/helper';

const LEVER_NODE = 'n8n-nodes-ats-sync.lever';

/** Lever node operations whose request Lever refuses without `perform_as` (lever.md §6.1), and what they do. */
const NEEDS_PERFORM_AS: Record<string, Record<string, string>> = {
	opportunity: {
		create: 'creates candidates',
		upsert: 'creates candidates',
		uploadFile: 'uploads files',
	},
	feedback: { create: 'submits feedback', update: 'changes feedback', delete: 'deletes feedback' },
	interview: {
		create: 'schedules interviews',
		update: 'changes interviews',
		delete: 'deletes interviews',
	},
	panel: {
		create: 'schedules interview panels',
		update: 'changes interview panels',
		delete: 'deletes interview panels',
	},
	posting: { create: 'creates postings', update: 'changes postings' },
};

function nodePerformAs(node: INode): string {
	const value = node.parameters.performAs as INodeParameterResourceLocator | string | undefined;
	return String((typeof value === 'object' && value !== null ? value.value : value) ?? '').trim();
}

/**
 * One message per Lever node that writes on behalf of a user but names none: its "Perform As" is empty (an
 * expression is left to run time) and its credential has no "Default Perform As".
 */
export function performAsProblems(
	workflowData: IWorkflowBase,
	credentials: CredentialStore,
): string[] {
	const problems: string[] = [];
	for (const node of workflowData.nodes) {
		if (node.disabled || node.type !== LEVER_NODE) continue;
		const action =
			NEEDS_PERFORM_AS[String(node.parameters.resource ?? 'opportunity')]?.[
				String(node.parameters.operation ?? '')
			];
		if (!action || nodePerformAs(node) !== '') continue;
		const type = node.parameters.authentication === 'oAuth2' ? 'leverOAuth2Api' : 'leverApi';
		const details = node.credentials?.[type];
		if (!details) continue;
		const data = credentials.resolve(details, type);
		if (!data || String(data.defaultPerformAs ?? '').trim() !== '') continue;
		problems.push(
			`Node "${node.name}" ${action} in Lever, which Lever only does on behalf of a user: set "Default Perform As" (the email or ID of a Lever user) on credential "${details.name}", or the node's "Perform As"`,
		);
	}
	return problems;
}
