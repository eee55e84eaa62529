/**
 * Everything the runner prints: progress (stderr), the run summary (stderr, or JSON lines on stdout with --json),
 * planned writes of a dry run and one-line errors. All of it passes through the Masker.
 */
import type { IConnections, IDataObject, INode, INodeExecutionData, IPairedItemData, IRun, IRunData } from 'n8n-workflow';

import type { NodeRunSummary, TypeRegistry } from './engine';
import { summarizeNodeRun } from './engine';
import type { RejectedLine } from './input';
import type { PlannedWrite } from './outbound';
import type { Masker } from './secrets';

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
}

function errorMessage(value: unknown): string {
	if (typeof value === 'string') return value;
	if (value && typeof value === 'object') {
		const record = value as { message?: unknown; description?: unknown };
		const message = typeof record.message === 'string' ? record.message : JSON.stringify(value);
		return typeof record.description === 'string' && record.description && record.description !== message
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
	if (names.length === 0 || !/\b(401|403)\b|unauthori[sz]ed|forbidden/i.test(message)) return message;
	return `${message} (credential ${names.map((name) => `"${name}"`).join(', ')})`;
}

/** n8n's continueOnFail item: `{ error, description? }` (nodes put the vendor's own message in the description). */
function continueOnFailError(json: IDataObject | undefined): unknown {
	if (typeof json?.error === 'string') return { message: json.error, description: json.description };
	return json?.error ?? json;
}

/** Follows pairedItem links back to the start node's item: which input record a failure belongs to. */
function traceToInput(runData: IRunData, startNode: string, nodeName: string, runIndex: number, paired: INodeExecutionData['pairedItem']): number | undefined {
	let current = { nodeName, runIndex, paired };
	for (let hops = 0; hops < 100; hops++) {
		const first = (Array.isArray(current.paired) ? current.paired[0] : current.paired) as IPairedItemData | number | undefined;
		if (first === undefined) return undefined;
		const link = typeof first === 'number' ? { item: first } : first;
		if (current.nodeName === startNode) return link.item;
		const source = runData[current.nodeName]?.[current.runIndex]?.source?.[link.input ?? 0];
		if (!source) return current.nodeName === startNode ? link.item : undefined;
		const previous = runData[source.previousNode]?.[source.previousNodeRun ?? 0];
		const item = previous?.data?.main?.[source.previousNodeOutput ?? 0]?.[link.item];
		if (source.previousNode === startNode) return link.item;
		if (!item) return undefined;
		current = { nodeName: source.previousNode, runIndex: source.previousNodeRun ?? 0, paired: item.pairedItem };
	}
	return undefined;
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
	/** The input record's email: top level, or one level down (an event's `contact.email`). */
	const emailOf = (index: number | undefined) => {
		const json = index === undefined ? undefined : (options.startItems[index]?.json as IDataObject | undefined);
		const nested = Object.values(json ?? {}).map((value) => (value && typeof value === 'object' ? (value as IDataObject).email : undefined));
		const email = [json?.email, ...nested].find((value) => typeof value === 'string');
		return typeof email === 'string' ? email : undefined;
	};
	const ordered = Object.keys(runData).sort(
		(a, b) => (runData[a][0]?.executionIndex ?? 0) - (runData[b][0]?.executionIndex ?? 0),
	);
	for (const nodeName of ordered) {
		const node = options.nodes.find((candidate) => candidate.name === nodeName);
		const totals: NodeTotals = { node: nodeName, runs: 0, itemsIn: 0, itemsOut: 0, itemsPerOutput: [], errors: 0 };
		runData[nodeName].forEach((taskData, runIndex) => {
			const summary: NodeRunSummary = summarizeNodeRun(node, taskData, runData, options.startItems.length);
			totals.runs++;
			totals.itemsIn += summary.itemsIn;
			totals.itemsOut += summary.itemsOut;
			summary.itemsPerOutput.forEach((count, output) => (totals.itemsPerOutput[output] = (totals.itemsPerOutput[output] ?? 0) + count));
			totals.errors += summary.errors;
			if (taskData.error) failedItems.push({ node: nodeName, message: namingCredential(errorMessage(taskData.error), node) });
			const outputs = taskData.data?.main ?? [];
			const errorOutput = node?.onError === 'continueErrorOutput' && outputs.length > 1 ? outputs.length - 1 : -1;
			outputs.forEach((items, output) => {
				// The first output of a node at the end of a branch is where work finishes; a second output left
				// unconnected is where a workflow drops what it does not handle — say which items went there.
				if (output === 0 || output === errorOutput || !items?.length || connections[nodeName]?.main?.[output]?.length) return;
				const declared = node && options.types?.getByNameAndVersion(node.type, node.typeVersion).description.outputNames;
				const name = (Array.isArray(declared) && declared[output]) || `output ${output + 1}`;
				notPassedOn.push({
					node: nodeName,
					output: name,
					items: items.map((item) => {
						const inputItem = traceToInput(runData, options.trigger, nodeName, runIndex, item.pairedItem);
						return { inputItem, email: emailOf(inputItem) };
					}),
				});
			});
			outputs.forEach((items, output) => {
				for (const item of items ?? []) {
					const continues = node?.continueOnFail === true || (node?.onError !== undefined && node.onError !== 'stopWorkflow');
					const failed = output === errorOutput || item.error !== undefined || (continues && item.json?.error !== undefined);
					if (!failed) continue;
					const inputItem = traceToInput(runData, options.trigger, nodeName, runIndex, item.pairedItem);
					failedItems.push({
						node: nodeName,
						inputItem,
						email: emailOf(inputItem),
						message: namingCredential(errorMessage(item.error ?? continueOnFailError(item.json)), node),
					});
				}
			});
		});
		nodes.push(totals);
	}
	const runError = options.run?.data.resultData.error;
	const errors = nodes.reduce((sum, node) => sum + node.errors, 0);
	return {
		workflow: options.workflow,
		trigger: options.trigger,
		status:
			rejectedInput.length > 0 || runError || errors > 0 || (options.run !== undefined && options.run.status !== 'success')
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
	};
}

export interface ReporterOptions {
	json: boolean;
	verbose: boolean;
	masker: Masker;
	stdout?: NodeJS.WritableStream;
	stderr?: NodeJS.WritableStream;
}

export class Reporter {
	private readonly stdout: NodeJS.WritableStream;

	private readonly stderr: NodeJS.WritableStream;

	private runStartedAt = Date.now();

	constructor(private readonly options: ReporterOptions) {
		this.stdout = options.stdout ?? process.stdout;
		this.stderr = options.stderr ?? process.stderr;
	}

	get masker() {
		return this.options.masker;
	}

	/** A JSON line on stdout (--json), masked. */
	event(event: string, data: IDataObject | object) {
		this.stdout.write(`${JSON.stringify(this.options.masker.value({ event, ...data }))}\n`);
	}

	/** A human line on stderr, masked. */
	note(message: string) {
		this.stderr.write(`${this.options.masker.text(`ats-sync: ${message}`)}\n`);
	}

	verbose(message: string) {
		if (this.options.verbose) this.note(message);
	}

	private currentNode?: string;

	nodeStarted(nodeName: string) {
		this.currentNode = nodeName;
	}

	/**
	 * A line every `intervalMs` while a long node works through its items (a node reports only when done):
	 * which node, time so far, and outbound requests as a sign of life and rate.
	 */
	startHeartbeat(requestCount: () => number, intervalMs = 10_000): () => void {
		const startedAt = Date.now();
		const timer = setInterval(() => {
			const seconds = (Date.now() - startedAt) / 1000;
			const requests = requestCount();
			const data = { node: this.currentNode ?? null, seconds: Math.round(seconds), requests, requestsPerSecond: Math.round((requests / seconds) * 10) / 10 };
			if (this.options.json) this.event('heartbeat', data);
			else this.note(`still running${this.currentNode ? ` "${this.currentNode}"` : ''}: ${data.seconds} s, ${requests} HTTP requests (${data.requestsPerSecond}/s)`);
		}, intervalMs);
		timer.unref();
		return () => clearInterval(timer);
	}

	/** The engine starts now: rates count from here, not from loading n8n. */
	runStarted() {
		this.runStartedAt = Date.now();
	}

	/** Per-node progress: items done against the run's input, and the rate so far. */
	nodeFinished(nodeName: string, summary: NodeRunSummary, totalInput: number) {
		const seconds = Math.max((Date.now() - this.runStartedAt) / 1000, 0.001);
		const rate = summary.itemsIn / seconds;
		if (this.options.json) {
			this.event('progress', { node: nodeName, ...summary, totalInput, itemsPerSecond: Math.round(rate * 10) / 10 });
			return;
		}
		const outputs = summary.itemsPerOutput.length > 1 ? ` (${summary.itemsPerOutput.join(' / ')})` : '';
		this.note(
			`${nodeName}: ${summary.itemsIn}/${totalInput} items in, ${summary.itemsOut} out${outputs}` +
				`${summary.errors ? `, ${summary.errors} failed` : ''} — ${rate.toFixed(1)} items/s`,
		);
	}

	/** An --input line that will not run, as soon as it is known. */
	inputRejected(rejected: RejectedLine) {
		if (this.options.json) this.event('inputRejected', rejected);
		else this.note(`${rejected.message}: skipped, the other lines run`);
	}

	plannedWrites(writes: PlannedWrite[]) {
		for (const write of writes) {
			const url = this.options.masker.url(write.url);
			const body = this.options.masker.value(write.body);
			if (this.options.json) this.event('plannedWrite', { method: write.method, url, body: body as IDataObject });
			else this.stdout.write(`${write.method} ${url}${body === undefined ? '' : ` ${JSON.stringify(body)}`}\n`);
		}
	}

	summary(summary: RunSummary) {
		if (this.options.json) {
			for (const failed of summary.failedItems) this.event('failedItem', failed);
			this.event('summary', summary);
			return;
		}
		const lines = [
			`${summary.dryRun ? 'dry run' : 'run'} of "${summary.workflow}" from "${summary.trigger}": ${summary.status} in ${(summary.durationMs / 1000).toFixed(1)} s`,
		];
		if (summary.status === 'no-data') lines.push('  the trigger found no new data');
		const width = Math.max(0, ...summary.nodes.map((node) => node.node.length));
		for (const node of summary.nodes) {
			const outputs = node.itemsPerOutput.length > 1 ? ` (${node.itemsPerOutput.join(' / ')})` : '';
			lines.push(`  ${node.node.padEnd(width)}  ${node.itemsIn} in → ${node.itemsOut} out${outputs}${node.errors ? `, ${node.errors} failed` : ''}`);
		}
		for (const failed of summary.failedItems) {
			const which = failed.inputItem === undefined ? '' : ` input item #${failed.inputItem + 1}${failed.email ? ` (${failed.email})` : ''}`;
			lines.push(`  failed: ${failed.node}${which}: ${failed.message}`);
		}
		for (const rejected of summary.rejectedInput) lines.push(`  rejected: ${rejected.message}`);
		for (const skipped of summary.notPassedOn) {
			const listed = skipped.items.slice(0, 5).map((item) => (item.inputItem === undefined ? '?' : `#${item.inputItem + 1}${item.email ? ` (${item.email})` : ''}`));
			const more = skipped.items.length > 5 ? ` and ${skipped.items.length - 5} more` : '';
			lines.push(`  not passed on: ${skipped.node} → "${skipped.output}" (nothing connected): input item ${listed.join(', ')}${more}`);
		}
		if (summary.dryRun) lines.push(`  ${summary.plannedWrites} planned write(s) printed on stdout; nothing was sent, state not saved`);
		else lines.push(`  ${summary.stateSaved ? 'state saved' : 'state not saved: the next run starts from the same cursor'}`);
		this.stderr.write(`${this.options.masker.text(lines.map((line, i) => (i === 0 ? `ats-sync: ${line}` : line)).join('\n'))}\n`);
	}

	/** One line, no stack unless --verbose. */
	error(error: unknown) {
		const message = error instanceof Error ? error.message : String(error);
		if (this.options.json) this.event('error', { message });
		this.stderr.write(`${this.options.masker.text(`ats-sync: error: ${message.replace(/\s*\n\s*/g, ' ')}`)}\n`);
		if (this.options.verbose && error instanceof Error && error.stack) this.stderr.write(`${this.options.masker.text(error.stack)}\n`);
	}
}
