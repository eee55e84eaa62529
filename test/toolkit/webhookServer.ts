import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import express from 'express';
import type { IDataObject, INode, IRun, IWorkflowBase } from 'n8n-workflow';

import type { Engine } from '../../runner/src/engine';

/**
 * A real HTTP server in front of one webhook trigger, wired the way n8n does it: the body parser keeps the raw
 * bytes (`req.rawBody`) for signature checks, `engine.webhook()` runs the node's webhook() with the real req/res,
 * and only when it returns workflow data does an execution start from the trigger with those items.
 */
export async function startWebhookServer(
	engine: Engine,
	workflowData: IWorkflowBase,
	triggerName: string,
	staticData: IDataObject = {},
) {
	const workflow = engine.workflow(workflowData, staticData);
	const node = workflow.getNode(triggerName) as INode;
	const runs: IRun[] = [];
	const handling: Array<Promise<void>> = [];
	const app = express();
	app.use(
		express.json({
			limit: '1mb',
			verify: (req, _res, buffer) => {
				(req as unknown as { rawBody: Buffer }).rawBody = Buffer.from(buffer);
			},
		}),
	);
	app.post('/webhook/:path', (req, res) => {
		handling.push(handle(req, res));
	});
	async function handle(req: express.Request, res: express.Response) {
		try {
			const webhookData = engine.webhookDescription(workflow, node, req.params.path, 'POST');
			const result = await engine.webhook(workflow, workflowData, node, webhookData, req, res);
			if (!result.noWebhookResponse && !res.headersSent)
				res.status(200).json(result.webhookResponse ?? {});
			if (result.workflowData) {
				runs.push(
					await engine.run({
						workflow,
						workflowData,
						startNodeName: triggerName,
						startItems: result.workflowData[0],
						mode: 'webhook',
					}),
				);
			}
		} catch (error) {
			if (!res.headersSent) res.status(500).json({ message: (error as Error).message });
		}
	}
	const server: Server = await new Promise((resolve) => {
		const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
	});
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/webhook/contact-events`,
		staticData,
		/** The executions started so far, once every received request has been fully handled. */
		settledRuns: async () => {
			await Promise.all(handling);
			return runs;
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
