/**
 * One webhook trigger of this package behind a real HTTP server, the way n8n runs it: the body parser keeps the raw
 * bytes (`req.rawBody`) for signature checks, `Engine.webhook` calls the node's webhook() with the real request and
 * response, and only items it returns start an execution (`Engine.run`). Static data lives in one object across
 * requests, as n8n keeps it per workflow. Used by the forgery matrix for all three triggers alike.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import express from 'express';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeParameters,
	IRun,
	IWorkflowBase,
	WebhookSetupMethodNames,
} from 'n8n-workflow';

import { credentialsByType } from '../../runner/src/credentials/helper';
import { Engine } from '../../runner/src/engine';
import { packageTypes, typeName } from '../harness';

export interface TriggerUnderTest {
	/** The URL the node registers (`getNodeWebhookUrl`), which this server answers. */
	url: string;
	/** Executions started so far, in order. */
	runs: IRun[];
	/** The node's own static data (`getWorkflowStaticData('node')`). */
	nodeStaticData(): IDataObject;
	webhookMethod(method: WebhookSetupMethodNames): Promise<boolean | undefined>;
	/** checkExists, then create when it said false: what n8n does on activation. */
	activate(): Promise<void>;
	/** Sends raw bytes with exactly these headers; resolves once webhook() and any run it started have finished. */
	post(
		body: string | Buffer,
		headers: Record<string, string>,
	): Promise<{ status: number; body: string; runStarted: boolean }>;
	close(): Promise<void>;
}

export async function startTrigger(options: {
	/** Node type without the package prefix, e.g. 'leverTrigger'. */
	type: string;
	parameters: INodeParameters;
	/** Credential data keyed by credential type; the node gets a reference to each. */
	credentials: Record<string, ICredentialDataDecryptedObject>;
}): Promise<TriggerUnderTest> {
	const runs: IRun[] = [];
	const inFlight = new Set<Promise<unknown>>();
	const app = express();
	app.use(
		express.json({
			type: () => true,
			limit: '16mb',
			verify: (req, _res, buffer) => {
				(req as unknown as { rawBody: Buffer }).rawBody = Buffer.from(buffer);
			},
		}),
	);
	let handle: (req: express.Request, res: express.Response) => Promise<void> = async () =>
		undefined;
	app.post(/.*/, (req, res) => {
		const handling = handle(req, res).finally(() => inFlight.delete(handling));
		inFlight.add(handling);
	});
	const server: Server = await new Promise((resolve) => {
		const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
	});
	const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

	const engine = new Engine({
		types: packageTypes(),
		credentials: credentialsByType(options.credentials),
		webhookBaseUrl: baseUrl,
	});
	const node: INode = {
		id: 'trigger',
		name: 'Trigger',
		type: typeName(options.type),
		typeVersion: 1,
		position: [0, 0],
		webhookId: `${options.type}-hook`,
		parameters: options.parameters,
		credentials: Object.fromEntries(
			Object.keys(options.credentials).map((type) => [type, { id: type, name: type }]),
		),
	};
	const workflowData = {
		id: 'forgery',
		name: 'forgery',
		active: true,
		nodes: [node],
		connections: {},
		settings: {},
	} as unknown as IWorkflowBase;
	const staticData: IDataObject = {};
	const workflow = engine.workflow(workflowData, staticData);
	const workflowNode = workflow.getNode(node.name)!;
	const endpoint = engine.webhookEndpoint(workflow, workflowData, workflowNode)!;
	const webhookData = engine.webhookDescription(
		workflow,
		workflowNode,
		new URL(endpoint.url).pathname,
		'POST',
	);

	handle = async (req, res) => {
		try {
			const result = await engine.webhook(
				workflow,
				workflowData,
				workflowNode,
				webhookData,
				req,
				res,
			);
			if (!result.noWebhookResponse && !res.headersSent)
				res.status(200).json(result.webhookResponse ?? { message: 'Workflow was started' });
			if (result.workflowData) {
				runs.push(
					await engine.run({
						workflow,
						workflowData,
						startNodeName: node.name,
						startItems: result.workflowData[0],
						mode: 'webhook',
					}),
				);
			}
		} catch (error) {
			if (!res.headersSent) res.status(500).json({ message: (error as Error).message });
		}
	};
	const webhookMethod = async (method: WebhookSetupMethodNames) =>
		await engine.webhookMethod(workflow, workflowData, workflowNode, webhookData, method);

	return {
		url: endpoint.url,
		runs,
		nodeStaticData: () => (staticData[`node:${node.name}`] ?? {}) as IDataObject,
		webhookMethod,
		activate: async () => {
			if (!(await webhookMethod('checkExists'))) await webhookMethod('create');
		},
		post: async (body, headers) => {
			const before = runs.length;
			const response = await fetch(endpoint.url, { method: 'POST', headers, body });
			const text = await response.text();
			await Promise.all([...inFlight]);
			return { status: response.status, body: text, runStarted: runs.length > before };
		},
		close: async () => {
			await Promise.all([...inFlight]);
			await new Promise<void>((resolve, reject) => {
				server.close((error) => (error ? reject(error) : resolve()));
				server.closeAllConnections();
			});
		},
	};
}
