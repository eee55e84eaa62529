/**
 * The one place that drives n8n's own engine (n8n-core's WorkflowExecute and node contexts) outside n8n.
 * The CLI and the test harness both go through here, so a workflow behaves the same in both and as in n8n:
 * expressions, item pairing, continueOnFail, error outputs and multiple outputs are n8n's, not ours.
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

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
	ICredentialDataDecryptedObject,
	ICredentialType,
	ICredentialsDecrypted,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeParameters,
	INodeProperties,
	INodeType,
	INodeTypes,
	IRun,
	IRunExecutionData,
	IVersionedNodeType,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WebhookSetupMethodNames,
	WebhookType,
	WorkflowActivateMode,
	WorkflowExecuteMode,
	INodeCredentialTestResult,
	IRunData,
	ITaskData,
	Logger,
} from 'n8n-workflow';
import { ICredentialsHelper, LoggerProxy, NodeHelpers, UnexpectedError, Workflow } from 'n8n-workflow';

import { Container, Logger as N8nLoggerService } from './n8nServices';

// n8n-core keeps an instance settings file (encryption key) under N8N_USER_FOLDER; give it a folder of our own
// before anything reads it, so running a recipe never touches ~/.n8n of a real n8n install.
// One folder per OS user: a shared /tmp folder created by another user would not be writable.
process.env.N8N_USER_FOLDER ??= path.join(tmpdir(), `ats-sync-n8n-${process.getuid?.() ?? 'user'}`);
mkdirSync(process.env.N8N_USER_FOLDER, { recursive: true });

/**
 * Node and credential types by name, as n8n's loader would provide them. Types can be registered loaded, or lazily
 * (a loader called on first use), so a large package such as n8n-nodes-base only loads the nodes a workflow uses.
 */
export class TypeRegistry implements INodeTypes {
	private readonly nodes = new Map<string, INodeType | IVersionedNodeType>();

	private readonly lazyNodes = new Map<string, () => INodeType | IVersionedNodeType>();

	private readonly credentials = new Map<string, ICredentialType>();

	private readonly lazyCredentials = new Map<string, () => ICredentialType>();

	/** Which package provided each node type, for error messages. */
	readonly packageOf = new Map<string, string>();

	addNodeType(fullName: string, nodeType: INodeType | IVersionedNodeType, packageName: string) {
		this.nodes.set(fullName, nodeType);
		this.packageOf.set(fullName, packageName);
	}

	addLazyNodeType(fullName: string, load: () => INodeType | IVersionedNodeType, packageName: string) {
		this.lazyNodes.set(fullName, load);
		this.packageOf.set(fullName, packageName);
	}

	addCredentialType(credentialType: ICredentialType) {
		this.credentials.set(credentialType.name, credentialType);
	}

	addLazyCredentialType(name: string, load: () => ICredentialType) {
		this.lazyCredentials.set(name, load);
	}

	hasNodeType(fullName: string) {
		return this.nodes.has(fullName) || this.lazyNodes.has(fullName);
	}

	/** Loads a lazily registered type; a load failure is thrown (it names the file), and retried on the next call. */
	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const load = this.lazyNodes.get(nodeType);
		if (load && !this.nodes.has(nodeType)) {
			this.nodes.set(nodeType, load());
			this.lazyNodes.delete(nodeType);
		}
		const found = this.nodes.get(nodeType);
		if (!found) throw new UnknownNodeTypeError(nodeType);
		return found;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes(): IDataObject {
		return Object.fromEntries([...this.nodes.keys(), ...this.lazyNodes.keys()].map((name) => [name, {}]));
	}

	/** A credential type whose file fails to load counts as unknown (the credential check then names it). */
	getCredentialType(name: string): ICredentialType | undefined {
		const load = this.lazyCredentials.get(name);
		if (load && !this.credentials.has(name)) {
			this.lazyCredentials.delete(name);
			try {
				this.credentials.set(name, load());
			} catch {
				return undefined;
			}
		}
		return this.credentials.get(name);
	}

	credentialTypeNames(): string[] {
		return [...this.credentials.keys(), ...this.lazyCredentials.keys()];
	}
}

export class UnknownNodeTypeError extends Error {
	constructor(readonly nodeType: string) {
		super(`Unknown node type "${nodeType}"`);
	}
}

/** Credentials for one run: looked up by the id or name the workflow's node uses, then by credential type. */
export interface CredentialStore {
	resolve(details: INodeCredentialsDetails, type: string): ICredentialDataDecryptedObject | undefined;
	/** Called when n8n refreshes OAuth2 tokens, so a rotated refresh token is not lost. */
	saveOauthTokenData?(details: INodeCredentialsDetails, type: string, data: ICredentialDataDecryptedObject): void;
}

/** A store keyed by credential type name only (tests, env-only runs). */
export function credentialsByType(byType: Record<string, ICredentialDataDecryptedObject>): CredentialStore {
	return {
		resolve: (_details, type) => byType[type],
		saveOauthTokenData: (_details, type, data) => {
			byType[type] = { ...byType[type], oauthTokenData: data.oauthTokenData };
		},
	};
}

export class MissingCredentialsError extends Error {
	constructor(
		readonly credentialType: string,
		readonly credentialName: string,
	) {
		super(`No credentials "${credentialName}" of type "${credentialType}" were given`);
	}
}

/**
 * What n8n's CLI does for credentials, reduced to a headless run: resolve the data, fill in the credential
 * type's defaults (hidden fields such as OAuth URLs), apply its object-style `authenticate`, and report
 * parent types so OAuth2 credentials get n8n-core's OAuth2 request path.
 */
export class RunnerCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly types: TypeRegistry,
		private readonly store: CredentialStore,
	) {
		super();
	}

	getParentTypes(name: string): string[] {
		const parents: string[] = [];
		for (const parent of this.types.getCredentialType(name)?.extends ?? []) {
			parents.push(parent, ...this.getParentTypes(parent));
		}
		return parents;
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const authenticate = this.types.getCredentialType(typeName)?.authenticate;
		if (authenticate === undefined) return requestOptions;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (authenticate.type !== 'generic') return requestOptions;
		const resolved = resolveCredentialExpressions(authenticate.properties, credentials) as {
			headers?: IDataObject;
			qs?: IDataObject;
			body?: IDataObject;
			auth?: { username: string; password: string };
		};
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, ...resolved.headers },
			qs: { ...requestOptions.qs, ...resolved.qs },
			...(resolved.body ? { body: { ...(requestOptions.body as IDataObject), ...resolved.body } } : {}),
			...(resolved.auth ? { auth: resolved.auth } : {}),
		};
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		_node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.types.getCredentialType(typeName);
		if (!credentialType?.preAuthentication) return undefined;
		const expirable = credentialType.properties.find((p) => p.typeOptions?.expirable === true);
		if (!expirable) return undefined;
		if (!credentialsExpired && credentials[expirable.name]) return undefined;
		return (await credentialType.preAuthentication.call(helpers, credentials)) as ICredentialDataDecryptedObject;
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.types.getCredentialType(typeName);
		return (await credentialType?.preAuthentication?.call(helpers, credentials)) as ICredentialDataDecryptedObject | undefined;
	}

	async getCredentials(): Promise<never> {
		throw new UnexpectedError('Encrypted credentials are not used by the headless runner');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.store.resolve(nodeCredentials, type);
		if (!data) throw new MissingCredentialsError(type, nodeCredentials.name);
		return this.resolveExpressions({ ...this.defaultsOf(type), ...data });
	}

	/**
	 * Evaluates `={{ … }}` values (typically hidden defaults such as an OAuth token URL that depends on the chosen
	 * environment) with `$self` = the credential's own data, as n8n does when it decrypts a credential.
	 */
	resolveExpressions(data: ICredentialDataDecryptedObject): ICredentialDataDecryptedObject {
		if (!Object.values(data).some((value) => typeof value === 'string' && value.startsWith('='))) return data;
		const node: INode = { id: 'credentials', name: 'credentials', type: 'credentials', typeVersion: 1, position: [0, 0], parameters: {} };
		// The expression needs a workflow around it, not a real node: a type-less stand-in is enough.
		const standIn = { description: { name: 'credentials', properties: [], inputs: [], outputs: [] } } as unknown as INodeType;
		const nodeTypes: INodeTypes = { getByName: () => standIn, getByNameAndVersion: () => standIn, getKnownTypes: () => ({}) };
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
		return workflow.expression.getComplexParameterValue(node, data as INodeParameters, 'internal', {}, undefined, undefined, data) as ICredentialDataDecryptedObject;
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store.saveOauthTokenData?.(nodeCredentials, type, data);
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.types.getCredentialType(type)?.properties ?? [];
	}

	/** Default values of the type and its parents; the type's own defaults win. */
	defaultsOf(type: string): ICredentialDataDecryptedObject {
		const defaults: ICredentialDataDecryptedObject = {};
		for (const name of [...this.getParentTypes(type)].reverse().concat(type)) {
			for (const property of this.types.getCredentialType(name)?.properties ?? []) {
				if (property.default !== undefined && property.default !== '') {
					defaults[property.name] = property.default as ICredentialDataDecryptedObject[string];
				}
			}
		}
		return defaults;
	}
}

/**
 * Resolves `={{$credentials.field}}` references in a credential's `authenticate` block. Only plain property
 * references and string concatenation around them are supported — what credential definitions use.
 */
function resolveCredentialExpressions(value: unknown, credentials: ICredentialDataDecryptedObject): unknown {
	if (typeof value === 'string' && value.startsWith('=')) {
		return value
			.slice(1)
			.replace(/\{\{\s*\$credentials\.([A-Za-z0-9_]+)\s*\}\}/g, (_match, field: string) =>
				String(credentials[field] ?? ''),
			);
	}
	if (Array.isArray(value)) return value.map((entry) => resolveCredentialExpressions(entry, credentials));
	if (value !== null && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value).map(([key, entry]) => [key, resolveCredentialExpressions(entry, credentials)]),
		);
	}
	return value;
}

export interface EngineOptions {
	types: TypeRegistry;
	credentials: CredentialStore;
	/** Base URL the runner's webhook server listens on (used for webhook URLs shown to nodes). */
	webhookBaseUrl?: string;
	/** Workflow-level variables (`$vars`). */
	variables?: IDataObject;
}

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

let loggingConfigured = false;

/**
 * Routes n8n's own log calls to `write`, or drops them: a headless run prints its own progress and summary, n8n's
 * log lines only with --verbose. Both of n8n's loggers are replaced: n8n-workflow's LoggerProxy (nodes, engine)
 * and the winston Logger service n8n-core's HTTP and error paths take from the DI container — left alone, that one
 * prints request errors with stack traces to the console and re-points LoggerProxy at itself.
 */
export function configureN8nLogging(write?: (level: string, message: string) => void) {
	loggingConfigured = true;
	const log =
		(level: string) =>
		(message: string, metadata?: IDataObject): void => {
			if (!write) return;
			const error = metadata?.error;
			const detail = error instanceof Error ? error.message : typeof error === 'string' ? error : undefined;
			write(level, detail && !message.includes(detail) ? `${message}: ${detail}` : message);
		};
	const logger = { error: log('error'), warn: log('warn'), info: log('info'), debug: log('debug') };
	const scoped = Object.assign(logger, { scoped: () => scoped });
	Container.set(N8nLoggerService, scoped);
	LoggerProxy.init(scoped as unknown as Logger);
}

/** Whether an item a node emitted is a failed item (n8n's continueOnFail shapes, or the error output). */
function isErrorItem(node: INode | undefined, item: INodeExecutionData): boolean {
	if (item.error !== undefined) return true;
	const continues = node?.continueOnFail === true || node?.onError === 'continueRegularOutput' || node?.onError === 'continueErrorOutput';
	return continues && item.json?.error !== undefined;
}

/** Items in / out / failed of one run of a node, from n8n's task data (its sources give the items it received). */
export function summarizeNodeRun(node: INode | undefined, taskData: ITaskData, runData: IRunData, startItems = 0): NodeRunSummary {
	const outputs = (taskData.data?.main ?? []).map((output) => output ?? []);
	const usesErrorOutput = node?.onError === 'continueErrorOutput' && outputs.length > 1;
	let itemsIn = 0;
	if (!taskData.source || taskData.source.length === 0) itemsIn = startItems;
	for (const source of taskData.source ?? []) {
		if (!source) continue;
		const previous = runData[source.previousNode]?.[source.previousNodeRun ?? 0];
		itemsIn += previous?.data?.main?.[source.previousNodeOutput ?? 0]?.length ?? 0;
	}
	let errors = taskData.error ? 1 : 0;
	let errorOutputItems = 0;
	outputs.forEach((items, index) => {
		const isErrorOutput = usesErrorOutput && index === outputs.length - 1;
		if (isErrorOutput) errorOutputItems += items.length;
		for (const item of items) if (isErrorOutput || isErrorItem(node, item)) errors++;
	});
	return {
		itemsIn,
		itemsOut: outputs.reduce((sum, items) => sum + items.length, 0),
		itemsPerOutput: outputs.map((items) => items.length),
		errors,
		errorOutputItems,
	};
}

export class Engine {
	readonly credentialsHelper: RunnerCredentialsHelper;

	constructor(private readonly options: EngineOptions) {
		// Quiet by default (tests, library use); the CLI configures logging before it builds an engine.
		if (!loggingConfigured) configureN8nLogging();
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

	additionalData(workflowData: IWorkflowBase, mode: WorkflowExecuteMode, hooks?: ExecutionLifecycleHooks) {
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
	}): Promise<IRun> {
		const mode = options.mode ?? 'trigger';
		const startNode = options.workflow.getNode(options.startNodeName);
		if (!startNode) throw new UnexpectedError(`Workflow has no node named "${options.startNodeName}"`);
		const hooks = new ExecutionLifecycleHooks(mode, 'ats-sync', options.workflowData);
		if (options.onNodeStarted) {
			const report = options.onNodeStarted;
			hooks.addHandler('nodeExecuteBefore', (nodeName) => report(nodeName));
		}
		if (options.onNodeFinished) {
			const report = options.onNodeFinished;
			const startItems = options.startItems.length;
			hooks.addHandler('nodeExecuteAfter', (nodeName, taskData, executionData) =>
				report(nodeName, summarizeNodeRun(options.workflow.getNode(nodeName) ?? undefined, taskData, executionData.resultData.runData, startItems)),
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
				nodeExecutionStack: [{ node: startNode, data: { main: [options.startItems] }, source: null }],
			},
		} as unknown as IRunExecutionData;
		const execute = new WorkflowExecute(this.additionalData(options.workflowData, mode, hooks), mode, runExecutionData);
		return await execute.processRunExecutionData(options.workflow);
	}

	/** Calls a polling trigger's poll() once. Static data changes (the cursor) stay on `workflow.staticData`. */
	async poll(workflow: Workflow, workflowData: IWorkflowBase, node: INode): Promise<INodeExecutionData[][] | null> {
		const nodeType = this.options.types.getByNameAndVersion(node.type, node.typeVersion);
		if (!nodeType.poll) throw new UnexpectedError(`Node "${node.name}" is not a polling trigger`);
		const context = new PollContext(workflow, node, this.additionalData(workflowData, 'trigger'), 'trigger', 'activate');
		return await nodeType.poll.call(context);
	}

	webhookDescription(workflow: Workflow, node: INode, path: string, httpMethod: string): IWebhookData {
		return {
			httpMethod: httpMethod as IWebhookData['httpMethod'],
			node: node.name,
			path,
			webhookDescription: { name: 'default', httpMethod: httpMethod as IWebhookData['httpMethod'], path },
			workflowId: workflow.id,
			workflowExecuteAdditionalData: this.additionalData({ nodes: [], connections: {} } as unknown as IWorkflowBase, 'webhook'),
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
		if (!nodeType.webhook) throw new UnexpectedError(`Node "${node.name}" does not receive webhooks`);
		const additionalData = this.additionalData(workflowData, 'webhook');
		Object.assign(additionalData, { httpRequest: request, httpResponse: response });
		const context = new WebhookContext(workflow, node, additionalData, 'webhook', webhookData, [], null);
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
		const context = new HookContext(workflow, node, this.additionalData(workflowData, 'webhook'), 'webhook', activation, webhookData);
		return await fn.call(context);
	}

	/**
	 * The URL n8n would give a webhook node (`this.getNodeWebhookUrl(name)` in its create/checkExists), and the
	 * resolved HTTP method — what the runner's server must answer, since that is what the node registers.
	 */
	webhookEndpoint(workflow: Workflow, workflowData: IWorkflowBase, node: INode, name: WebhookType = 'default'): { url: string; httpMethod: string } | undefined {
		const nodeType = this.options.types.getByNameAndVersion(node.type, node.typeVersion);
		const description = nodeType.description.webhooks?.find((webhook) => webhook.name === name);
		if (!description) return undefined;
		const context = new HookContext(workflow, node, this.additionalData(workflowData, 'webhook'), 'webhook', 'activate');
		const url = context.getNodeWebhookUrl(name);
		if (!url) return undefined;
		const httpMethod = workflow.expression.getSimpleParameterValue(node, description.httpMethod, 'webhook', {}, undefined, 'POST');
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
