/**
 * What every command that runs a workflow shares: load node packages, read and check the workflow, resolve and
 * validate credentials, lock and read the state, build the engine — in that order, so every problem that needs no
 * network is reported (exit 2) before anything is sent anywhere. Then `execute` is the one path to a run (`run`, and
 * serve's worker), and the one place that decides to commit what a run changed.
 */
import path from 'node:path';

import type {
	IDataObject,
	INode,
	INodeExecutionData,
	IRun,
	IWorkflowBase,
	Workflow,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { credentialUses, readCredentialsFile, resolveCredentials } from './credentials/sources';
import { Engine } from './engine';
import { UserError } from './errors';
import type { RejectedLine } from './input';
import type { LoadedPackages } from './nodePackages';
import { loadNodePackages } from './nodePackages';
import type { Reporter } from './report/reporter';
import type { RunSummary } from './report/summary';
import { retryClassOf, summarizeRun } from './report/summary';
import type { Durability } from './serve/inbox';
import { Inbox, inboxPathFor } from './serve/inbox';
import type { StateStore } from './state';
import { defaultStatePath, StateFile } from './state';
import { nodeTypeProblems, parameterProblems, readWorkflow } from './workflow/file';
import { hostAccessProblems } from './workflow/hostAccess';
import { performAsProblems } from './workflow/performAs';

export interface SessionOptions {
	workflowFile: string;
	credentialsFile?: string;
	stateFile?: string;
	nodes: string[];
	/** Host-access node types (workflow/hostAccess.ts) the user allowed with --allow-node-type. */
	allowNodeTypes?: string[];
	waitLock: boolean;
	/** Base URL for webhook URLs the nodes register (serve). */
	webhookBaseUrl?: string;
}

export interface OpenOptions<Prepared> {
	/** Checks and reads that need the workflow but no lock (e.g. where a run starts, its input file). */
	prepare?: (workflowData: IWorkflowBase, loaded: LoadedPackages) => Prepared;
	/** `file`: the state file (`run`); `inbox`: serve's database beside it, which takes over the file's state once. */
	state: 'file' | 'inbox';
	/** False only for serve's worker thread: its process already holds the lock. */
	lock?: boolean;
	/** How the inbox connection commits (serve's worker: `normal`). */
	durability?: Durability;
}

/** One step of work on the workflow (a run, a poll, a webhook call): a Workflow over a copy of the committed static data. */
export interface Step {
	workflow: Workflow;
	before: IDataObject;
}

export interface ExecuteOptions {
	mode: WorkflowExecuteMode;
	/** When the command started, for the summary's duration. */
	startedAt?: number;
	dryRun?: boolean;
	plannedWrites?: () => number;
	rejectedInput?: RejectedLine[];
	/** Committed in the same transaction as the run's static data (serve: the event is done). */
	alongWith?: () => void;
}

export interface RunResult {
	run: IRun;
	summary: RunSummary;
	/** For a failed run: whether trying again later can succeed. */
	retry?: 'transient' | 'permanent';
}

/** Several problems become one line each joined by "; " — the first line of output says everything. */
export function failOn(problems: string[]) {
	if (problems.length > 0) throw new UserError(problems.join('; '));
}

export function checkWorkflow(
	options: Pick<SessionOptions, 'workflowFile' | 'nodes' | 'allowNodeTypes'>,
	warn?: (message: string) => void,
) {
	const workflowData = readWorkflow(options.workflowFile, warn);
	failOn(hostAccessProblems(workflowData, options.allowNodeTypes));
	const loaded = loadNodePackages(options.nodes);
	failOn(nodeTypeProblems(workflowData, loaded.types, loaded.packages, loaded.problems));
	failOn(parameterProblems(workflowData, loaded.types));
	return { workflowData, loaded };
}

export class Session<Prepared = undefined> {
	constructor(
		readonly prepared: Prepared,
		readonly workflowData: IWorkflowBase,
		readonly loaded: LoadedPackages,
		readonly engine: Engine,
		readonly state: StateStore,
		private readonly reporter: Reporter,
		private readonly release: () => Promise<void>,
		/** serve's inbox, when the session keeps its state there. */
		readonly inbox?: Inbox,
	) {}

	/** The Workflow webhook calls share (see `webhookStep`). */
	private webhookWorkflow?: Workflow;

	step(): Step {
		const before = this.state.staticData();
		return { workflow: this.engine.workflow(this.workflowData, structuredClone(before)), before };
	}

	/**
	 * A step for one webhook call of `node`: a view of a Workflow built once, with a copy of the static data the node
	 * can reach (its own entry and the global one). Building a Workflow resolves every node's parameter defaults (about
	 * a millisecond) and the whole static data would be copied, on the acknowledgement path of every delivery; a
	 * webhook call changes nothing of the workflow but that static data.
	 */
	webhookStep(node: INode): Step {
		this.webhookWorkflow ??= this.engine.workflow(this.workflowData);
		const committed = this.state.staticData();
		const before = Object.fromEntries(
			[`node:${node.name}`, 'global']
				.filter((key) => committed[key] !== undefined)
				.map((key) => [key, committed[key]]),
		);
		return { workflow: this.engine.view(this.webhookWorkflow, structuredClone(before)), before };
	}

	/** Commits what a step changed (a poll's cursor, a registration, a webhook call's seen ids). */
	commit(step: Step, alongWith?: () => void) {
		this.state.commitStaticData(step.before, step.workflow.staticData, alongWith);
	}

	/**
	 * Runs the workflow from `trigger`, which emits `startItems`. What the run changed in the static data is committed
	 * only when it succeeded (and is not a dry run): after a failure the next attempt starts from the same cursors and
	 * dedupe memory, and the nodes' create-or-update makes repeating the items that went through safe.
	 */
	async execute(
		step: Step,
		trigger: INode,
		startItems: INodeExecutionData[],
		options: ExecuteOptions,
	): Promise<RunResult> {
		const startedAt = options.startedAt ?? Date.now();
		this.reporter.runStarted();
		const run = await this.engine.run({
			workflow: step.workflow,
			workflowData: this.workflowData,
			startNodeName: trigger.name,
			startItems,
			mode: options.mode,
			onNodeStarted: (nodeName) => this.reporter.nodeStarted(nodeName),
			onNodeFinished: (nodeName, nodeSummary) =>
				this.reporter.nodeFinished(nodeName, nodeSummary, startItems.length),
			keepOnlySummaryData: true,
		});
		const summary = summarizeRun({
			run,
			nodes: this.workflowData.nodes,
			connections: this.workflowData.connections,
			types: this.engine.types,
			workflow: this.workflowData.name,
			trigger: trigger.name,
			startItems,
			durationMs: Date.now() - startedAt,
			dryRun: options.dryRun ?? false,
			plannedWrites: options.plannedWrites?.() ?? 0,
			stateSaved: false,
			rejectedInput: options.rejectedInput,
		});
		if (summary.status === 'success' && !options.dryRun) {
			this.commit(step, options.alongWith);
			return { run, summary: { ...summary, stateSaved: true } };
		}
		return {
			run,
			summary,
			retry:
				summary.status === 'success'
					? undefined
					: (retryClassOf(run, this.workflowData.nodes) ?? 'permanent'),
		};
	}

	async close() {
		try {
			this.inbox?.close();
		} finally {
			await this.release();
		}
	}
}

export async function openSession<Prepared = undefined>(
	options: SessionOptions,
	reporter: Reporter,
	open: OpenOptions<Prepared>,
): Promise<Session<Prepared>> {
	const { workflowData, loaded } = checkWorkflow(options, (message) => reporter.note(message));
	const prepared = open.prepare?.(workflowData, loaded) as Prepared;
	const stateFile = new StateFile(
		path.resolve(options.stateFile ?? defaultStatePath(options.workflowFile)),
	);
	const file = options.credentialsFile ? readCredentialsFile(options.credentialsFile) : undefined;
	const { uses, problems } = credentialUses(workflowData, loaded.types);
	failOn(problems);
	// The lock comes before reading the state: a run that waited must see the cursor the previous run saved.
	if (open.lock !== false)
		await stateFile.lock(options.waitLock, () =>
			reporter.note(`waiting for another run to release ${stateFile.file}.lock`),
		);
	let inbox: Inbox | undefined;
	try {
		let state: StateStore = stateFile;
		if (open.state === 'inbox') {
			inbox = Inbox.open(inboxPathFor(stateFile.file), { durability: open.durability });
			if (inbox.importState(() => stateFile.read()))
				reporter.verbose(`state of ${stateFile.file} taken over by ${inbox.file}`);
			state = inbox;
		} else {
			stateFile.read();
		}
		const resolved = resolveCredentials(uses, {
			types: loaded.types,
			file,
			savedToken: (key) => state.savedToken(key),
			masker: reporter.masker,
			onTokensRotated: (key, tokens) => {
				state.saveOauthTokens(key, tokens);
				reporter.verbose(
					`OAuth2 tokens of credential "${key}" were refreshed and saved to ${state.where}`,
				);
			},
		});
		failOn(resolved.problems);
		failOn(performAsProblems(workflowData, resolved.store));
		const engine = new Engine({
			types: loaded.types,
			credentials: resolved.store,
			webhookBaseUrl: options.webhookBaseUrl,
		});
		return new Session(
			prepared,
			workflowData,
			loaded,
			engine,
			state,
			reporter,
			async () => await stateFile.unlock(),
			inbox,
		);
	} catch (error) {
		inbox?.close();
		await stateFile.unlock();
		throw error;
	}
}
