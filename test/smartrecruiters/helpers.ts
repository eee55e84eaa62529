/**
 * Shared setup for the SmartRecruiters node tests: credentials pointing at the simulator, a runNode wrapper, and a
 * small real HTTP server that hands webhook requests to the trigger through n8n's engine.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';

import express from 'express';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	IWorkflowBase,
} from 'n8n-workflow';

import { credentialsByType } from '../../runner/src/credentials/helper';
import { Engine } from '../../runner/src/engine';
import { createEngine, PACKAGE_NAME, packageTypes, runNode } from '../harness';
import type { RunNodeOptions } from '../harness';
import {
	SMARTRECRUITERS_SEED,
	startSmartRecruitersSimulator,
	type SmartRecruitersSimulator,
} from '../simulators/smartrecruiters';
import { OPERATIONS_BY_FILE } from './coverage';

export interface SimulatorLike {
	baseUrl: string;
	apiKey: string;
	oauthClient: { clientId: string; clientSecret: string; tokenUrl: string };
}

export function apiKeyCredentials(
	sim: SimulatorLike,
	extra: IDataObject = {},
): Record<string, ICredentialDataDecryptedObject> {
	return {
		smartRecruitersApi: {
			apiKey: sim.apiKey,
			environment: 'custom',
			customUrl: sim.baseUrl,
			...extra,
		},
	};
}

export function oauthCredentials(
	sim: SimulatorLike,
	extra: IDataObject = {},
): Record<string, ICredentialDataDecryptedObject> {
	return {
		smartRecruitersOAuth2Api: {
			clientId: sim.oauthClient.clientId,
			clientSecret: sim.oauthClient.clientSecret,
			environment: 'custom',
			customUrl: sim.baseUrl,
			...extra,
		},
	};
}

/** Runs the SmartRecruiters action node once through n8n's engine with API-key credentials. */
export async function runSmartRecruiters(
	sim: SimulatorLike,
	parameters: INodeParameters,
	options: Partial<RunNodeOptions> = {},
) {
	const result = await runNode({
		type: 'smartRecruiters',
		credentials: options.credentials ?? apiKeyCredentials(sim),
		...options,
		parameters,
	});
	return { ...result, json: (result.outputs[0] ?? []).map((item) => item.json) };
}

/** A resource-locator value in "ID" mode. */
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });

export interface WebhookReceiver {
	url: string;
	engine: Engine;
	workflow: ReturnType<Engine['workflow']>;
	workflowData: IWorkflowBase;
	node: INode;
	staticData: IDataObject;
	/** Items of every delivery for which the trigger started a workflow run. */
	triggered: INodeExecutionData[][];
	/** Waits for webhook() calls still running after their early 202 (e.g. reading the application). */
	settled(): Promise<void>;
	webhookMethod(method: 'checkExists' | 'create' | 'delete'): Promise<boolean | undefined>;
	close(): Promise<void>;
}

/**
 * A real express server on 127.0.0.1:0 that passes each request (with its raw body bytes, as n8n keeps them)
 * to the trigger's webhook() via Engine.webhook, and records the items of deliveries that would start a run.
 */
export async function startWebhookReceiver(
	parameters: INodeParameters,
	credentials: Record<string, ICredentialDataDecryptedObject>,
	staticData: IDataObject = {},
): Promise<WebhookReceiver> {
	const app = express();
	app.use(
		express.json({
			type: () => true,
			verify: (req, _res, buffer) => {
				(req as unknown as { rawBody: Buffer }).rawBody = buffer;
			},
		}),
	);
	const triggered: INodeExecutionData[][] = [];
	const inFlight = new Set<Promise<unknown>>();
	let receiver: WebhookReceiver | undefined;
	app.post(/.*/, (req, res, next) => {
		const target = receiver!;
		const webhookData = target.engine.webhookDescription(
			target.workflow,
			target.node,
			'webhook',
			'POST',
		);
		const handling = target.engine
			.webhook(target.workflow, target.workflowData, target.node, webhookData, req, res)
			.then((result) => {
				if (result.workflowData) triggered.push(result.workflowData[0]);
				if (!res.headersSent) res.status(200).end();
			})
			.catch(next)
			.finally(() => inFlight.delete(handling));
		inFlight.add(handling);
	});
	const server: Server = await new Promise((resolve) => {
		const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
	});
	const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const engine = new Engine({
		types: packageTypes(),
		credentials: credentialsByType(credentials),
		webhookBaseUrl: baseUrl,
	});
	const credentialType = Object.keys(credentials)[0];
	const node: INode = {
		id: 'sr-trigger',
		name: 'SmartRecruiters Trigger',
		type: `${PACKAGE_NAME}.smartRecruitersTrigger`,
		typeVersion: 1,
		position: [0, 0],
		webhookId: 'sr-hook',
		parameters: {
			authentication: credentialType === 'smartRecruitersOAuth2Api' ? 'oAuth2' : 'apiKey',
			...parameters,
		},
		credentials: { [credentialType]: { id: credentialType, name: credentialType } },
	};
	const workflowData = {
		id: 'sr-webhook',
		name: 'sr-webhook',
		active: true,
		nodes: [node],
		connections: {},
		settings: {},
	} as unknown as IWorkflowBase;
	const workflow = engine.workflow(workflowData, staticData);
	const webhookData = engine.webhookDescription(workflow, node, 'webhook', 'POST');
	receiver = {
		url: `${baseUrl}/webhook/sr-hook/webhook`,
		engine,
		workflow,
		workflowData,
		node,
		staticData: workflow.staticData as IDataObject,
		triggered,
		settled: async () => {
			await Promise.all([...inFlight]);
		},
		webhookMethod: async (method) =>
			await engine.webhookMethod(workflow, workflowData, node, webhookData, method),
		close: async () => {
			await Promise.all([...inFlight]);
			await new Promise<void>((resolve, reject) => {
				server.close((error) => (error ? reject(error) : resolve()));
				server.closeAllConnections();
			});
		},
	};
	return receiver;
}

/**
 * Runs operations of the node for one test file and records which succeeded; `missing()` lists the operations the
 * file owns (coverage.ts) that no test of it ran.
 */
export function operationRunner(sim: SimulatorLike, file: string) {
	const exercised = new Set<string>();
	return {
		async run(
			resource: string,
			operation: string,
			parameters: INodeParameters,
			input?: Array<IDataObject | INodeExecutionData>,
		) {
			const result = await runSmartRecruiters(
				sim,
				{ resource, operation, ...parameters },
				input ? { input } : {},
			);
			if (result.error) throw result.error;
			exercised.add(`${resource}:${operation}`);
			return result;
		},
		missing: () =>
			(OPERATIONS_BY_FILE[file] ?? ['(no operations listed for this file)']).filter(
				(operation) => !exercised.has(operation),
			),
	};
}

/** The context n8n gives a node's load-options and list-search methods, for a node with these parameters. */
export function methodsContext(sim: SimulatorLike, parameters: INodeParameters) {
	const engine = createEngine(apiKeyCredentials(sim));
	const workflowNode: INode = {
		id: 'n',
		name: 'SmartRecruiters',
		type: `${PACKAGE_NAME}.smartRecruiters`,
		typeVersion: 1,
		position: [0, 0],
		parameters: { authentication: 'apiKey', ...parameters },
		credentials: { smartRecruitersApi: { id: 'sr', name: 'sr' } },
	};
	const workflowData = {
		id: 'methods',
		name: 'methods',
		nodes: [workflowNode],
		connections: {},
	} as unknown as IWorkflowBase;
	return engine.loadOptionsContext(engine.workflow(workflowData), workflowData, workflowNode);
}

/**
 * A node test file with its own simulator: started before and closed after the file, every test ending without a
 * contract violation, and the file's operations recorded for coverage.ts (`missing()`).
 */
export function nodeTestFile(file: string) {
	let sim: SmartRecruitersSimulator | undefined;
	let runner: ReturnType<typeof operationRunner> | undefined;
	beforeAll(async () => {
		sim = await startSmartRecruitersSimulator();
		runner = operationRunner(sim, file);
	});
	afterAll(async () => {
		await sim?.close();
	});
	afterEach(() => expect(sim?.contractViolations).toEqual([]));
	const items = async (
		resource: string,
		operation: string,
		parameters: INodeParameters,
		input?: Array<IDataObject | INodeExecutionData>,
	) => (await runner!.run(resource, operation, parameters, input)).outputs[0];
	return {
		get sim(): SmartRecruitersSimulator {
			return sim!;
		},
		seed: SMARTRECRUITERS_SEED,
		/** Runs an operation that must succeed (and counts it as exercised); its output items. */
		items,
		/** The same, the items' JSON. */
		json: async (resource: string, operation: string, parameters: INodeParameters) =>
			(await items(resource, operation, parameters)).map((item) => item.json),
		/** Runs an operation that must fail; the error's message. */
		failure: async (resource: string, operation: string, parameters: INodeParameters) =>
			(await runSmartRecruiters(sim!, { resource, operation, ...parameters })).error?.message,
		missing: () => runner!.missing(),
	};
}
