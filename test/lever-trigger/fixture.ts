/**
 * Runs the Lever triggers the way n8n does: webhook registration through Engine.webhookMethod, deliveries through a
 * real HTTP server that hands the real express request/response to Engine.webhook, and the resulting items through
 * Engine.run. Static data lives in one object across calls, as n8n keeps it per workflow.
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
	IRun,
	IWebhookData,
	IWorkflowBase,
	WebhookSetupMethodNames,
	Workflow,
} from 'n8n-workflow';

import { credentialsByType } from '../../runner/src/credentials/helper';
import { Engine } from '../../runner/src/engine';
import { PACKAGE_NAME, packageTypes } from '../harness';
import type { LeverSimulator } from '../simulators/lever';

export const TRIGGER_NAME = 'Lever Trigger';
const WEBHOOK_ID = '5d3c8d2e-7a4b-4c1e-9f0a-2b6e8c4d1a37';

export interface Delivery {
	status: number;
	body: unknown;
	/** the execution started by this delivery, if any */
	run?: IRun;
}

export interface TriggerFixture {
	engine: Engine;
	workflow: Workflow;
	node: INode;
	staticData: IDataObject;
	/** the node's own static data (`getWorkflowStaticData('node')`) */
	nodeStaticData(): IDataObject;
	webhookUrl: string;
	/** every request the receiver got, in order */
	deliveries: Delivery[];
	/** runs checkExists → create, as n8n does on activation */
	activate(): Promise<void>;
	deactivate(): Promise<boolean | undefined>;
	webhookMethod(method: WebhookSetupMethodNames): Promise<boolean | undefined>;
	/** POSTs a raw body (and headers) to the node's webhook URL, the way a forger would */
	post(body: unknown, headers?: Record<string, string>): Promise<Delivery>;
	close(): Promise<void>;
}

export function leverCredentials(
	sim: LeverSimulator,
	extra: IDataObject = {},
): Record<string, ICredentialDataDecryptedObject> {
	return {
		leverApi: {
			apiKey: sim.apiKey,
			environment: 'custom',
			customUrl: sim.baseUrl,
			...extra,
		} as ICredentialDataDecryptedObject,
	};
}

export function outputOf(run: IRun | undefined, nodeName = TRIGGER_NAME): IDataObject[] {
	const items: INodeExecutionData[] =
		run?.data.resultData.runData[nodeName]?.[0]?.data?.main[0] ?? [];
	return items.map((item) => item.json);
}

export async function startTriggerFixture(
	sim: LeverSimulator,
	parameters: INodeParameters,
	credentialExtra: IDataObject = {},
	otherCredentials: Record<string, IDataObject> = {},
): Promise<TriggerFixture> {
	const deliveries: Delivery[] = [];
	const app = express();
	let handle: (req: express.Request, res: express.Response) => Promise<void> = async () =>
		undefined;
	app.post('/webhook/:webhookId/webhook', express.json(), (req, res) => {
		handle(req, res).catch((error: Error) => {
			deliveries.push({ status: 500, body: error.message });
			if (!res.headersSent) res.status(500).json({ message: error.message });
		});
	});
	const server: Server = await new Promise((resolve) => {
		const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
	});
	const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

	// The receiver listens on plain http, so the credential opts in to http webhook URLs (a test may turn it off again).
	const credentials = leverCredentials(sim, { allowHttpWebhookUrls: true, ...credentialExtra });
	const engine = new Engine({
		types: packageTypes(),
		credentials: credentialsByType({
			...credentials,
			...(otherCredentials as Record<string, ICredentialDataDecryptedObject>),
		}),
		webhookBaseUrl: baseUrl,
	});
	const node: INode = {
		id: 'lever-trigger',
		name: TRIGGER_NAME,
		type: `${PACKAGE_NAME}.leverTrigger`,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: {
			leverApi: { id: 'leverApi', name: 'leverApi' },
			leverOAuth2Api: { id: 'leverOAuth2Api', name: 'leverOAuth2Api' },
		},
		webhookId: WEBHOOK_ID,
	};
	const workflowData = {
		id: 'lever-trigger-test',
		name: 'Lever trigger test',
		active: true,
		nodes: [node],
		connections: {},
		settings: {},
	} as unknown as IWorkflowBase;
	const staticData: IDataObject = {};
	const workflow = engine.workflow(workflowData, staticData);
	const workflowNode = workflow.getNode(TRIGGER_NAME)!;
	const webhookData: IWebhookData = engine.webhookDescription(
		workflow,
		workflowNode,
		'webhook',
		'POST',
	);
	const webhookUrl = `${baseUrl}/webhook/${WEBHOOK_ID}/webhook`;

	// What n8n's webhook server does with a trigger's answer (responseMode "onReceived"). The execution runs before
	// the response is sent so a test sees its result as soon as the delivery returns.
	handle = async (req, res) => {
		const result = await engine.webhook(
			workflow,
			workflowData,
			workflowNode,
			webhookData,
			req,
			res,
		);
		if (result.noWebhookResponse) {
			deliveries.push({ status: res.statusCode, body: undefined });
			return;
		}
		const delivery: Delivery = {
			status: 200,
			body: result.webhookResponse ?? { message: 'Workflow was started' },
		};
		if (result.workflowData) {
			delivery.run = await engine.run({
				workflow,
				workflowData,
				startNodeName: TRIGGER_NAME,
				startItems: result.workflowData[0],
				mode: 'webhook',
			});
		}
		deliveries.push(delivery);
		res.status(200).json(delivery.body);
	};

	const webhookMethod = async (method: WebhookSetupMethodNames) =>
		await engine.webhookMethod(workflow, workflowData, workflowNode, webhookData, method);

	return {
		engine,
		workflow,
		node: workflowNode,
		staticData,
		nodeStaticData: () => (staticData[`node:${TRIGGER_NAME}`] ?? {}) as IDataObject,
		webhookUrl,
		deliveries,
		webhookMethod,
		activate: async () => {
			if (!(await webhookMethod('checkExists'))) await webhookMethod('create');
		},
		deactivate: async () => await webhookMethod('delete'),
		post: async (body, headers = {}) => {
			const before = deliveries.length;
			const response = await fetch(webhookUrl, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', 'User-Agent': 'Lever-Webhooks', ...headers },
				body: typeof body === 'string' ? body : JSON.stringify(body),
			});
			await response.arrayBuffer();
			return deliveries[before] ?? { status: response.status, body: undefined };
		},
		close: async () => {
			await new Promise<void>((resolve, reject) => {
				server.close((error) => (error ? reject(error) : resolve()));
				server.closeAllConnections();
			});
		},
	};
}
