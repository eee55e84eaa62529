/**
 * n8n's WorkflowExecute keeps every node's output in the run data until the execution ends: n8n saves it as the
 * execution's record. The runner reads it only for the summary, so a run of thousands of items would hold all of
 * them in every node for nothing. Once nothing left to run can read a node's items, they are cut down to what the
 * summary needs (`summaryView`).
 *
 * What can still read a node's items: a node still to run that names it in a parameter (an expression reaches another
 * node's items only by its name: `$('Node')`, `$node["Node"]`, `$items("Node")`), and a child still to run (its input
 * is that output, held anyway). n8n's pairedItem resolution (`$('Node').item`) walks back through the nodes in
 * between; it needs only their pairedItem links, which stay.
 */
import type { INode, IRunExecutionData, Workflow } from 'n8n-workflow';

import { reportsFailures, summaryView } from './summary';

/** Returns the handler for n8n's `nodeExecuteAfter` hook that cuts down the outputs no node still to run can read. */
export function keepOnlyWhatIsStillRead(
	workflow: Workflow,
): (nodeName: string, runExecutionData: IRunExecutionData) => void {
	const nodes = Object.values(workflow.nodes);
	const readers = new Map<string, string[]>();
	for (const node of nodes) {
		// The name as it appears inside the JSON of parameters (quotes escaped).
		const quoted = JSON.stringify(node.name).slice(1, -1);
		const namedBy = nodes
			.filter((other) => other !== node && JSON.stringify(other.parameters).includes(quoted))
			.map((other) => other.name);
		// Report Failures, wired to every error output, runs last: it reads only its own input (held anyway) and its
		// error is not the runner's report (summary.ts), so it keeps no parent's items alive.
		const children = workflow
			.getChildNodes(node.name, 'ALL', 1)
			.filter((child) => !reportsFailures(workflow.getNode(child) ?? undefined));
		readers.set(node.name, [...new Set([...namedBy, ...children])]);
	}
	/** How many runs of each node are already cut down (a node in a loop runs again). */
	const cut = new Map<string, number>();

	return (finishedNode, runExecutionData) => {
		const { nodeExecutionStack, waitingExecution } = runExecutionData.executionData ?? {
			nodeExecutionStack: [],
			waitingExecution: {},
		};
		const next = [
			finishedNode,
			...nodeExecutionStack.map((entry) => entry.node.name),
			...Object.keys(waitingExecution),
		];
		const stillToRun = new Set(next.flatMap((name) => workflow.getChildNodes(name)));
		for (const name of next.slice(1)) stillToRun.add(name);
		const runData = runExecutionData.resultData.runData;
		for (const [nodeName, runs] of Object.entries(runData)) {
			if (readers.get(nodeName)?.some((reader) => stillToRun.has(reader))) continue;
			const node: INode | undefined = workflow.getNode(nodeName) ?? undefined;
			for (let runIndex = cut.get(nodeName) ?? 0; runIndex < runs.length; runIndex++) {
				const main = runs[runIndex].data?.main;
				if (main) runs[runIndex].data = { ...runs[runIndex].data, main: summaryView(node, main) };
			}
			cut.set(nodeName, runs.length);
		}
	};
}
