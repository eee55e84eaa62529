/**
 * Node types that moved from n8n-nodes-ats-sync to n8n-nodes-ats-sync-toolkit, when the generic helper nodes left
 * the ATS package so that it can be verified for n8n Cloud. Workflow files saved before the move still name the old
 * types: the runner runs those nodes as the new types and says so once; n8n itself needs the file updated
 * (docs/recipes.md, "Workflow files from before the toolkit split").
 */
import type { IWorkflowBase } from 'n8n-workflow';

const MOVED_TO_TOOLKIT = [
	'contactEventTrigger',
	'jsonLogicRules',
	'atsFieldMap',
	'mappingTable',
	'pseudonymize',
	'downloadFile',
	'onboardingPush',
];

export const MOVED_NODE_TYPES: Readonly<Record<string, string>> = Object.fromEntries(
	MOVED_TO_TOOLKIT.map((name) => [
		`n8n-nodes-ats-sync.${name}`,
		`n8n-nodes-ats-sync-toolkit.${name}`,
	]),
);

/** Renames moved node types in place; returns the warning to show, or undefined when nothing was renamed. */
export function renameMovedNodeTypes(workflowData: IWorkflowBase): string | undefined {
	const renamed = new Set<string>();
	for (const node of workflowData.nodes) {
		const movedTo = MOVED_NODE_TYPES[node.type];
		if (movedTo === undefined) continue;
		renamed.add(node.type);
		node.type = movedTo;
	}
	if (renamed.size === 0) return undefined;
	return (
		`warning: ${[...renamed].join(', ')} moved to the package n8n-nodes-ats-sync-toolkit; running ${renamed.size === 1 ? 'it' : 'them'} ` +
		'as n8n-nodes-ats-sync-toolkit.<name>. Update the workflow file before importing it into n8n (docs/recipes.md).'
	);
}
