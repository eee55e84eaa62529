/**
 * The one place that drives n8n's own engine (n8n-core's WorkflowExecute and node contexts) outside n8n.
 * The CLI and the test harness both go through here, so a workflow behaves the same in both and as in n8n:
 * expressions, item pairing, continueOnFail, error outputs and multiple outputs are n8n's, not ours.
 */
import {
	CredentialTestContext,
	ExecutionLifecycleHooks,
	HookContext,
	LoadOptionsContext,
	PollContext,
	WebhookContext,
	WorkflowExecute,
} from 'n8n-core';
import type {
	ICredentialsDecrypted,
	IDataObject,
	INode,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeType,
	IRun,
	IRunExecutionData,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WebhookSetupMethodNames,
	WebhookType,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { UnexpectedError, Workflow, WorkflowExpression } from 'n8n-workflow';

import type { CredentialStore } from './credentials/helper';
import { RunnerCredentialsHelper } from './credentials/helper';
import {
	ensureN8nLoggingConfigured,
	failOnExpressionErrors,
	useOwnN8nUserFolder,
	useRegexGuard,
} from './n8nServices';
import { keepOnlyWhatIsStillRead } from './report/keepForSummary';
import type { NodeRunSummary } from './report/summary';
import { summarizeNodeRun } from './report/summary';
import type { TypeRegistry } from './workflow/types';

export interface EngineOptions {
	types: TypeRegistry;
	credentials: CredentialStore;
	/** Base URL the runner's webhook server listens on (used for webhook URLs shown to nodes). */
	webhookBaseUrl?: string;
	/** Workflow-level variables (`$vars`). */
	variables?: IDataObject;
}

export class Engine {
	readonly credentialsHelper: RunnerCredentialsHelper;

	constructor(private readonly options: EngineOptions) {
		useOwnN8nUserFolder();
		useRegexGuard();
		failOnExpressionErrors();
		// Quiet by default (tests, library use); the CLI configures logging before it builds an engine.
		ensureN8nLoggingConfigured();
		this.credentialsHelper = new RunnerCredentialsHelper(options.types, options.credentials);
	}

	get types() {
		return this.options.types;
	}

	/** A Workflow object over the JSON, with the static data (e.g. poll cursors) the caller persisted. */
	workflow(data: IWorkflowBase, staticData: IDataObject = {}): Workflow {
		return new Workflow({
			id: data.id ?? 'ats-sync',
			name: data.name,
			nodes: data.nodes,
			connections: data.connections,
			active: false,
			nodeTypes: this.options.types,
			staticData,
			settings: data.settings,
		});
	}

	/**
	 * `workflow` with other static data, without building it again: the view shares the nodes, connections and
	 * parameter defaults, and only getStaticData (through `staticData`) differs.
	 */
	view(workflow: Workflow, staticData: IDataObject): Workflow {
		const view = Object.create(workflow) as Workflow;
		// n8n marks changes on `__dataChanged` (the runner compares instead): kept off the data's enumerable keys.
		Object.defineProperty(staticData, '__dataChanged', { value: false, writable: true });
		view.staticData = staticData;
		// Expressions ($getWorkflowStaticData) see the view's static data, not the shared workflow's.
		view.expression = new WorkflowExpression(view);
		return view;
	}

	additionalData(
		workflowData: IWorkflowBase,
		mode: WorkflowExecuteMode,
		hooks?: ExecutionLifecycleHooks,
	) {
		const baseUrl = this.options.webhookBaseUrl ?? 'http://127.0.0.1:5678';
		const additionalData = {
			credentialsHelper: this.credentialsHelper,
			hooks: hooks ?? new ExecutionLifecycleHooks(mode, 'ats-sync', workflowData),
			executeWorkflow: async () => {
				throw new UnexpectedError('Sub-workflows are not supported by the headless runner');
			},
			getRunExecutionData: async () => undefined,
			getRuntimeCredential: async () => undefined,
			currentNodeExecutionIndex: 0,
			restApiUrl: `${baseUrl}/rest`,
			instanceBaseUrl: baseUrl,
			formBaseUrl: `${baseUrl}/form`,
			formWaitingBaseUrl: `${baseUrl}/form-waiting`,
			formTestBaseUrl: `${baseUrl}/form-test`,
			webhookBaseUrl: `${baseUrl}/webhook`,
			webhookWaitingBaseUrl: `${baseUrl}/webhook-waiting`,
			webhookTestBaseUrl: `${baseUrl}/webhook-test`,
			mcpBaseUrl: `${baseUrl}/mcp`,
			mcpTestBaseUrl: `${baseUrl}/mcp-test`,
			variables: this.options.variables ?? {},
			workflowId: workflowData.id,
		} as unknown as IWorkflowExecuteAdditionalData;
		return additionalData;
	}

	/**
	 * Runs the workflow from `startNodeName` (a trigger), which emits `startItems` as its output — the way n8n
	 * starts an execution after a trigger, poll or webhook produced data. Returns n8n's own IRun.
	 */
	async run(options: {
		workflow: Workflow;
		workflowData: IWorkflowBase;
		startNodeName: string;
		startItems: INodeExecutionData[];
		mode?: WorkflowExecuteMode;
		onNodeStarted?: (nodeName: string) => void;
		onNodeFinished?: (nodeName: string, summary: NodeRunSummary) => void;
		/** Keep of each node's output only what the run's summary reads, once no node still to run can read it. */
		keepOnlySummaryData?: boolean;
	}): Promise<IRun> {
		const mode = options.mode ?? 'trigger';
		const startNode = options.workflow.getNode(options.startNodeName);
		if (!startNode)
			throw new UnexpectedError(`Workflow has no node named "${options.startNodeName}"`);
		const hooks = new ExecutionLifecycleHooks(mode, 'ats-sync', options.workflowData);
		if (options.onNodeStarted) {
			const report = options.onNodeStarted;
			hooks.addHandler('nodeExecuteBefore', (nodeName) => report(nodeName));
		}
		if (options.onNodeFinished) {
			const report = options.onNodeFinished;
			const startItems = options.startItems.length;
			hooks.addHandler('nodeExecuteAfter', (nodeName, taskData, executionData) =>
				report(
					nodeName,
					summarizeNodeRun(
						options.workflow.getNode(nodeName) ?? undefined,
						taskData,
						executionData.resultData.runData,
						startItems,
					),
				),
			);
		}
		if (options.keepOnlySummaryData) {
			const cutDown = keepOnlyWhatIsStillRead(options.workflow);
			hooks.addHandler('nodeExecuteAfter', (nodeName, _taskData, executionData) =>
				cutDown(nodeName, executionData),
			);
		}
		const runExecutionData: IRunExecutionData = {
			version: 1,
			startData: {},
			resultData: { runData: {} },
			executionData: {
				contextData: {},
				metadata: {},
				waitingExecution: {},
				waitingExecutionSource: null,
				nodeExecutionStack: [
					{ node: startNode, data: { main: [options.startItems] }, source: null },
				],
			},
		} as unknown as IRunExecutionData;
		const execute = new WorkflowExecute(
			this.additionalData(options.workflowData, mode, hooks),
			mode,
			runExecutionData,
		);
		return await execute.processRunExecutionData(options.workflow);
	}

	/** Calls a polling trigger's poll() once. Static data changes (the cursor) stay on `workflow.staticData`. */
	async poll(
		workflow: Workflow,
		workflowData: IWorkflowBase,
		node: INode,
	): Promise<INodeExecutionData[][] | null> {
		const nodeType = this.options.types.getByNameAndVersion(node.type, node.typeVersion);
		if (!nodeType.poll) throw new UnexpectedError(`Node "${node.name}" is not a polling trigger`);
		const context = new PollContext(
			workflow,
			node,
			this.additionalData(workflowData, 'trigger'),
			'trigger',
			'activate',
		);
		return await nodeType.poll.call(context);
	}

	webhookDescription(
		workflow: Workflow,
		node: INode,
		path: string,
		httpMethod: string,
	): IWebhookData {
		return {
			httpMethod: httpMethod as IWebhookData['httpMethod'],
			node: node.name,
			path,
			webhookDescription: {
				name: 'default',
				httpMethod: httpMethod as IWebhookData['httpMethod'],
				path,
			},
			workflowId: workflow.id,
			workflowExecuteAdditionalData: this.additionalData(
				{ nodes: [], connections: {} } as unknown as IWorkflowBase,
				'webhook',
			),
		} as IWebhookData;
	}

	/** Runs a webhook node's webhook() for one received request (the runner's HTTP server passes it in). */
	async webhook(
		workflow: Workflow,
		workflowData: IWorkflowBase,
		node: INode,
		webhookData: IWebhookData,
		request: unknown,
		response: unknown,
	): Promise<IWebhookResponseData> {
		const nodeType = this.options.types.getByNameAndVersion(node.type, node.typeVersion);
		if (!nodeType.webhook)
			throw new UnexpectedError(`Node "${node.name}" does not receive webhooks`);
		const additionalData = this.additionalData(workflowData, 'webhook');
		Object.assign(additionalData, { httpRequest: request, httpResponse: response });
		const context = new WebhookContext(
			workflow,
			node,
			additionalData,
			'webhook',
			webhookData,
			[],
			null,
		);
		return await nodeType.webhook.call(context);
	}

	/** Runs a webhook node's checkExists / create / delete (registration with the ATS on activation). */
	async webhookMethod(
		workflow: Workflow,
		workflowData: IWorkflowBase,
		node: INode,
		webhookData: IWebhookData,
		method: WebhookSetupMethodNames,
		activation: WorkflowActivateMode = 'activate',
	): Promise<boolean | undefined> {
		const nodeType = this.options.types.getByNameAndVersion(node.type, node.typeVersion);
		const fn = nodeType.webhookMethods?.default?.[method];
		if (!fn) return undefined;
		const context = new HookContext(
			workflow,
			node,
			this.additionalData(workflowData, 'webhook'),
			'webhook',
			activation,
			webhookData,
		);
		return await fn.call(context);
	}

	/**
	 * The URL n8n would give a webhook node (`this.getNodeWebhookUrl(name)` in its create/checkExists), and the
	 * resolved HTTP method — what the runner's server must answer, since that is what the node registers.
	 */
	webhookEndpoint(
		workflow: Workflow,
		workflowData: IWorkflowBase,
		node: INode,
		name: WebhookType = 'default',
	): { url: string; httpMethod: string } | undefined {
		const nodeType = this.options.types.getByNameAndVersion(node.type, node.typeVersion);
		const description = nodeType.description.webhooks?.find((webhook) => webhook.name === name);
		if (!description) return undefined;
		const context = new HookContext(
			workflow,
			node,
			this.additionalData(workflowData, 'webhook'),
			'webhook',
			'activate',
		);
		const url = context.getNodeWebhookUrl(name);
		if (!url) return undefined;
		const httpMethod = workflow.expression.getSimpleParameterValue(
			node,
			description.httpMethod,
			'webhook',
			{},
			undefined,
			'POST',
		);
		return { url, httpMethod: String(httpMethod ?? 'POST').toUpperCase() };
	}

	/** Runs a node's load-options / list-search method, as the n8n editor does when a dropdown opens. */
	loadOptionsContext(workflow: Workflow, workflowData: IWorkflowBase, node: INode) {
		const additionalData = this.additionalData(workflowData, 'manual');
		additionalData.currentNodeParameters = node.parameters;
		return new LoadOptionsContext(workflow, node, additionalData, '');
	}

	/** Runs a node's credential test (`methods.credentialTest`), as n8n's "Test credential" button does. */
	async testCredential(
		nodeType: INodeType,
		functionName: string,
		credential: ICredentialsDecrypted,
	): Promise<INodeCredentialTestResult> {
		const test = nodeType.methods?.credentialTest?.[functionName];
		if (!test) throw new UnexpectedError(`Node has no credential test "${functionName}"`);
		const data = { ...this.credentialsHelper.defaultsOf(credential.type), ...credential.data };
		return await test.call(new CredentialTestContext(), { ...credential, data });
	}
}
