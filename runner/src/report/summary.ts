/**
 * What a run did, from n8n's own run data: per-node totals, the failed items (one rule: `isFailedItem`) with the
 * input record and email they trace back to, items left at an unconnected output, and whether a failure is worth
 * retrying (`retryClassOf`).
 */
import type {
	IConnections,
	IDataObject,
	INode,
	INodeExecutionData,
	IPairedItemData,
	IRun,
	IRunData,
	ITaskData,
} from 'n8n-workflow';

import type { RejectedLine } from '../input';
import type { TypeRegistry } from '../workflow/types';

export interface NodeRunSummary {
	itemsIn: number;
	itemsOut: number;
	/** Items per output (a branching node has several). */
	itemsPerOutput: number[];
	/** Failed items (continueOnFail error items, error-output items) plus 1 if the node itself failed. */
	errors: number;
	/** Items routed to a node's error output (continueOnFail with "continue using error output"). */
	errorOutputItems: number;
}

export interface NodeTotals {
	node: string;
	runs: number;
	itemsIn: number;
	itemsOut: number;
	itemsPerOutput: number[];
	errors: number;
}

export interface FailedItem {
	node: string;
	/** Index of the run's input item (from the trigger or --input) the failure traces back to, when known. */
	inputItem?: number;
	email?: string;
	message: string;
}

/** Items a node sent to a side output nothing is connected to (e.g. Mapping Table's "Unmapped"): skipped, listed. */
export interface NotPassedOn {
	node: string;
	/** The output's name in the node, e.g. "Unmapped", else "output 2". */
	output: string;
	items: Array<{ inputItem?: number; email?: string }>;
}

export interface RunSummary {
	workflow: string;
	trigger: string;
	status: 'success' | 'failed' | 'no-data';
	dryRun: boolean;
	durationMs: number;
	nodes: NodeTotals[];
	failedItems: FailedItem[];
	/** --input lines that are not a JSON object: not run, reported with their line number. */
	rejectedInput: RejectedLine[];
	notPassedOn: NotPassedOn[];
	error?: string;
	plannedWrites: number;
	stateSaved: boolean;
	/**
	 * Executions the run made: more than one when its poll trigger stopped at "Max Records per Poll" and was polled
	 * again at once for the rest of the backlog. Input item numbers count across them.
	 */
	batches: number;
}

function errorMessage(value: unknown): string {
	if (typeof value === 'string') return value;
	if (value && typeof value === 'object') {
		const record = value as { message?: unknown; description?: unknown };
		const message = typeof record.message === 'string' ? record.message : JSON.stringify(value);
		return typeof record.description === 'string' &&
			record.description &&
			record.description !== message
			? `${message} — ${record.description}`
			: message;
	}
	return String(value);
}

/**
 * An error that says the ATS refused the credential (401/403) gets the credential's name appended, so the person
 * knows which entry of the credentials file to fix (never its value).
 */
function namingCredential(message: string, node: INode | undefined): string {
	const names = Object.values(node?.credentials ?? {}).map((details) => details.name);
	if (names.length === 0 || !/\b(401|403)\b|unauthori[sz]ed|forbidden/i.test(message))
		return message;
	return `${message} (credential ${names.map((name) => `"${name}"`).join(', ')})`;
}

/**
 * n8n's continueOnFail item: `{ error, description? }`, or ours, `{ error, details: { node, email, …, description,
 * httpCode } }` (nodes/shared/failedItem.ts), whose HTTP code tells a retryable failure from a permanent one.
 */
function continueOnFailError(json: IDataObject | undefined): unknown {
	if (typeof json?.error !== 'string') return json?.error ?? json;
	const details = (
		json.details && typeof json.details === 'object' ? json.details : {}
	) as IDataObject;
	return {
		message: json.error,
		description: details.description ?? json.description,
		httpCode: details.httpCode,
	};
}

/** Follows pairedItem links back to the start node's item: which input record a failure belongs to. */
function traceToInput(
	runData: IRunData,
	startNode: string,
	nodeName: string,
	runIndex: number,
	paired: INodeExecutionData['pairedItem'],
): number | undefined {
	let current = { nodeName, runIndex, paired };
	for (let hops = 0; hops < 100; hops++) {
		const first = (Array.isArray(current.paired) ? current.paired[0] : current.paired) as
			| IPairedItemData
			| number
			| undefined;
		if (first === undefined) return undefined;
		const link = typeof first === 'number' ? { item: first } : first;
		if (current.nodeName === startNode) return link.item;
		const source = runData[current.nodeName]?.[current.runIndex]?.source?.[link.input ?? 0];
		if (!source) return current.nodeName === startNode ? link.item : undefined;
		const previous = runData[source.previousNode]?.[source.previousNodeRun ?? 0];
		const item = previous?.data?.main?.[source.previousNodeOutput ?? 0]?.[link.item];
		if (source.previousNode === startNode) return link.item;
		if (!item) return undefined;
		current = {
			nodeName: source.previousNode,
			runIndex: source.previousNodeRun ?? 0,
			paired: item.pairedItem,
		};
	}
	return undefined;
}

/** A record's email: top level, or one level down (an event's `contact.email`). */
export function emailIn(json: IDataObject | undefined): string | undefined {
	const nested = Object.values(json ?? {}).map((value) =>
		value && typeof value === 'object' ? (value as IDataObject).email : undefined,
	);
	const email = [json?.email, ...nested].find((value) => typeof value === 'string');
	return typeof email === 'string' ? email : undefined;
}

/**
 * The toolkit's Report Failures node fails the execution with a list of the items other nodes sent to their error
 * outputs (so n8n shows a failed execution). Those items are counted where they failed; its own error repeats them.
 */
export function reportsFailures(node: INode | undefined): boolean {
	return node?.type.endsWith('.reportFailures') === true;
}

/** The index of a node's error output ("continue using error output"), or -1. */
function errorOutputOf(node: INode | undefined, outputCount: number): number {
	return node?.onError === 'continueErrorOutput' && outputCount > 1 ? outputCount - 1 : -1;
}

/**
 * The one rule for a failed item: it went to the node's error output, carries n8n's `error`, or is a continueOnFail
 * item (`{ error }` JSON) of a node set to continue.
 */
function isFailedItem(
	node: INode | undefined,
	output: number,
	errorOutput: number,
	item: INodeExecutionData,
): boolean {
	if (output === errorOutput || item.error !== undefined) return true;
	const continues =
		node?.continueOnFail === true ||
		(node?.onError !== undefined && node.onError !== 'stopWorkflow');
	return continues && item.json?.error !== undefined;
}

/**
 * What the summary reads of one run's outputs: how many items each output had, each item's pairedItem (to trace a
 * failure back to its input record) and the failed items whole. Everything else of the items (their JSON and binary
 * data) is left out.
 */
export function summaryView(
	node: INode | undefined,
	outputs: Array<INodeExecutionData[] | null>,
): Array<INodeExecutionData[] | null> {
	const errorOutput = errorOutputOf(node, outputs.length);
	return outputs.map((items, output) =>
		items === null
			? null
			: items.map((item) =>
					isFailedItem(node, output, errorOutput, item)
						? item
						: {
								json: {},
								...(item.pairedItem === undefined ? {} : { pairedItem: item.pairedItem }),
							},
				),
	);
}

/** Items in / out / failed of one run of a node, from n8n's task data (its sources give the items it received). */
export function summarizeNodeRun(
	node: INode | undefined,
	taskData: ITaskData,
	runData: IRunData,
	startItems = 0,
): NodeRunSummary {
	const outputs = (taskData.data?.main ?? []).map((output) => output ?? []);
	const errorOutput = errorOutputOf(node, outputs.length);
	let itemsIn = 0;
	if (!taskData.source || taskData.source.length === 0) itemsIn = startItems;
	for (const source of taskData.source ?? []) {
		if (!source) continue;
		const previous = runData[source.previousNode]?.[source.previousNodeRun ?? 0];
		itemsIn += previous?.data?.main?.[source.previousNodeOutput ?? 0]?.length ?? 0;
	}
	let errors = taskData.error && !reportsFailures(node) ? 1 : 0;
	outputs.forEach((items, output) => {
		for (const item of items) if (isFailedItem(node, output, errorOutput, item)) errors++;
	});
	return {
		itemsIn,
		itemsOut: outputs.reduce((sum, items) => sum + items.length, 0),
		itemsPerOutput: outputs.map((items) => items.length),
		errors,
		errorOutputItems: errorOutput >= 0 ? outputs[errorOutput].length : 0,
	};
}

/** Every failure of a run (node errors and failed items) with its error object, node by node. */
function* failuresOf(
	run: IRun | undefined,
	nodes: INode[],
): Generator<{
	nodeName: string;
	node?: INode;
	runIndex: number;
	item?: INodeExecutionData;
	error: unknown;
}> {
	const runData = run?.data.resultData.runData ?? {};
	const ordered = Object.keys(runData).sort(
		(a, b) => (runData[a][0]?.executionIndex ?? 0) - (runData[b][0]?.executionIndex ?? 0),
	);
	for (const nodeName of ordered) {
		const node = nodes.find((candidate) => candidate.name === nodeName);
		for (const [runIndex, taskData] of runData[nodeName].entries()) {
			if (taskData.error && !reportsFailures(node))
				yield { nodeName, node, runIndex, error: taskData.error };
			const outputs = taskData.data?.main ?? [];
			const errorOutput = errorOutputOf(node, outputs.length);
			for (const [output, items] of outputs.entries()) {
				for (const item of items ?? []) {
					if (isFailedItem(node, output, errorOutput, item))
						yield {
							nodeName,
							node,
							runIndex,
							item,
							error: item.error ?? continueOnFailError(item.json),
						};
				}
			}
		}
	}
}

/** The run's own error, unless it is Report Failures' list of failed items (already reported item by item). */
function runErrorOf(run: IRun | undefined, nodes: INode[]): unknown {
	const error = run?.data.resultData.error;
	const failedNode = run?.data.resultData.lastNodeExecuted;
	return error && reportsFailures(nodes.find((node) => node.name === failedNode))
		? undefined
		: error;
}

const NETWORK_FAILURE =
	/ECONNRESET|ECONNREFUSED|ECONNABORTED|ETIMEDOUT|ESOCKETTIMEDOUT|EAI_AGAIN|ENOTFOUND|EPIPE|socket hang up|timed? ?out|network error|could not reach/i;

/**
 * Whether trying again later can succeed: the ATS was unavailable or busy (408, 429, 5xx) or never answered (an
 * n8n NodeApiError without an HTTP status, a connection error). Everything else — a 4xx, a validation error, a
 * missing field — fails the same way next time.
 */
export function isTransientError(error: unknown): boolean {
	const { httpCode, name, message } = (error ?? {}) as {
		httpCode?: unknown;
		name?: unknown;
		message?: unknown;
	};
	const status = Number(httpCode);
	if (httpCode !== undefined && httpCode !== null && httpCode !== '' && Number.isFinite(status))
		return status === 408 || status === 429 || status >= 500;
	if (name === 'NodeApiError') return true;
	return typeof message === 'string' && NETWORK_FAILURE.test(message);
}

/**
 * What a failed run calls for: `transient` when any failure may pass on a later try (the whole event is run again;
 * the nodes' create-or-update makes the items that went through safe to repeat), `permanent` when every failure
 * will recur. Undefined for a run without failures.
 */
export function retryClassOf(
	run: IRun | undefined,
	nodes: INode[],
): 'transient' | 'permanent' | undefined {
	let found: 'transient' | 'permanent' | undefined;
	for (const failure of failuresOf(run, nodes)) {
		if (isTransientError(failure.error)) return 'transient';
		found = 'permanent';
	}
	const runError = runErrorOf(run, nodes);
	if (runError && !found) return isTransientError(runError) ? 'transient' : 'permanent';
	return found;
}

export function summarizeRun(options: {
	run: IRun | undefined;
	nodes: INode[];
	/** The workflow's connections, to tell a side output nothing is connected to. */
	connections?: IConnections;
	workflow: string;
	trigger: string;
	startItems: INodeExecutionData[];
	durationMs: number;
	dryRun: boolean;
	plannedWrites: number;
	stateSaved: boolean;
	rejectedInput?: RejectedLine[];
	/** The loaded node types, for the name of the output an item stopped at. */
	types?: TypeRegistry;
}): RunSummary {
	const rejectedInput = options.rejectedInput ?? [];
	const notPassedOn: NotPassedOn[] = [];
	const connections = options.connections ?? {};
	const runData = options.run?.data.resultData.runData ?? {};
	const nodes: NodeTotals[] = [];
	const failedItems: FailedItem[] = [];
	const emailOf = (index: number | undefined) =>
		emailIn(index === undefined ? undefined : options.startItems[index]?.json);
	const ordered = Object.keys(runData).sort(
		(a, b) => (runData[a][0]?.executionIndex ?? 0) - (runData[b][0]?.executionIndex ?? 0),
	);
	for (const nodeName of ordered) {
		const node = options.nodes.find((candidate) => candidate.name === nodeName);
		const totals: NodeTotals = {
			node: nodeName,
			runs: 0,
			itemsIn: 0,
			itemsOut: 0,
			itemsPerOutput: [],
			errors: 0,
		};
		runData[nodeName].forEach((taskData, runIndex) => {
			const summary: NodeRunSummary = summarizeNodeRun(
				node,
				taskData,
				runData,
				options.startItems.length,
			);
			totals.runs++;
			totals.itemsIn += summary.itemsIn;
			totals.itemsOut += summary.itemsOut;
			summary.itemsPerOutput.forEach(
				(count, output) =>
					(totals.itemsPerOutput[output] = (totals.itemsPerOutput[output] ?? 0) + count),
			);
			totals.errors += summary.errors;
			const outputs = taskData.data?.main ?? [];
			const errorOutput = errorOutputOf(node, outputs.length);
			outputs.forEach((items, output) => {
				// The first output of a node at the end of a branch is where work finishes; a second output left
				// unconnected is where a workflow drops what it does not handle — say which items went there.
				if (
					output === 0 ||
					output === errorOutput ||
					!items?.length ||
					connections[nodeName]?.main?.[output]?.length
				)
					return;
				const declared =
					node &&
					options.types?.getByNameAndVersion(node.type, node.typeVersion).description.outputNames;
				const name = (Array.isArray(declared) && declared[output]) || `output ${output + 1}`;
				notPassedOn.push({
					node: nodeName,
					output: name,
					items: items.map((item) => {
						const inputItem = traceToInput(
							runData,
							options.trigger,
							nodeName,
							runIndex,
							item.pairedItem,
						);
						return { inputItem, email: emailOf(inputItem) };
					}),
				});
			});
		});
		nodes.push(totals);
	}
	for (const failure of failuresOf(options.run, options.nodes)) {
		const message = namingCredential(errorMessage(failure.error), failure.node);
		if (!failure.item) {
			failedItems.push({ node: failure.nodeName, message });
			continue;
		}
		const inputItem = traceToInput(
			runData,
			options.trigger,
			failure.nodeName,
			failure.runIndex,
			failure.item.pairedItem,
		);
		failedItems.push({ node: failure.nodeName, inputItem, email: emailOf(inputItem), message });
	}
	const runError = runErrorOf(options.run, options.nodes);
	const errors = nodes.reduce((sum, node) => sum + node.errors, 0);
	return {
		workflow: options.workflow,
		trigger: options.trigger,
		status:
			rejectedInput.length > 0 ||
			runError ||
			errors > 0 ||
			(options.run !== undefined && options.run.status !== 'success')
				? 'failed'
				: options.run === undefined
					? 'no-data'
					: 'success',
		dryRun: options.dryRun,
		durationMs: options.durationMs,
		nodes,
		failedItems,
		rejectedInput,
		notPassedOn,
		...(runError ? { error: errorMessage(runError) } : {}),
		plannedWrites: options.plannedWrites,
		stateSaved: options.stateSaved,
		batches: 1,
	};
}

/**
 * The summary of a run so far and of its next batch as one: totals added node by node, input item numbers of the batch
 * counted on from the `inputItemsBefore` items of the earlier batches. Earlier batches succeeded (a run stops at the
 * first that does not), so the status, error and saved state are the batch's.
 */
export function addBatch(
	total: RunSummary,
	batch: RunSummary,
	inputItemsBefore: number,
): RunSummary {
	const shift = (inputItem: number | undefined) =>
		inputItem === undefined ? undefined : inputItem + inputItemsBefore;
	const nodes = total.nodes.map((node) => ({ ...node, itemsPerOutput: [...node.itemsPerOutput] }));
	for (const added of batch.nodes) {
		const node = nodes.find((candidate) => candidate.node === added.node);
		if (!node) {
			nodes.push(added);
			continue;
		}
		node.runs += added.runs;
		node.itemsIn += added.itemsIn;
		node.itemsOut += added.itemsOut;
		node.errors += added.errors;
		added.itemsPerOutput.forEach(
			(count, output) => (node.itemsPerOutput[output] = (node.itemsPerOutput[output] ?? 0) + count),
		);
	}
	return {
		...batch,
		nodes,
		failedItems: [
			...total.failedItems,
			...batch.failedItems.map((failed) => ({ ...failed, inputItem: shift(failed.inputItem) })),
		],
		rejectedInput: total.rejectedInput,
		notPassedOn: [
			...total.notPassedOn,
			...batch.notPassedOn.map((skipped) => ({
				...skipped,
				items: skipped.items.map((item) => ({ ...item, inputItem: shift(item.inputItem) })),
			})),
		],
		batches: total.batches + batch.batches,
	};
}
