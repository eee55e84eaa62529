import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWorkflowBase,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { TypeRegistry } from '../../runner/src/workflow/types';
import { createEngine, runWorkflowData } from '../harness';

/** A node that upper-cases `name` and fails items without one — enough to see n8n's engine semantics. */
class Shout implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Shout',
		name: 'shout',
		group: ['transform'],
		version: 1,
		description: 'test node',
		defaults: { name: 'Shout' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [{ displayName: 'Text', name: 'text', type: 'string', default: '' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const out: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			try {
				const text = this.getNodeParameter('text', i) as string;
				if (!text)
					throw new NodeOperationError(this.getNode(), '"text" is empty', { itemIndex: i });
				out.push({ json: { shouted: text.toUpperCase() }, pairedItem: { item: i } });
			} catch (error) {
				if (!this.continueOnFail()) throw error;
				out.push({ json: { error: (error as Error).message }, pairedItem: { item: i } });
			}
		}
		return [out];
	}
}

function workflow(onError?: string): IWorkflowBase {
	return {
		id: 'w',
		name: 'w',
		active: false,
		nodes: [
			{
				id: '1',
				name: 'Start',
				type: 'harness.start',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: '2',
				name: 'Shout',
				type: 'test.shout',
				typeVersion: 1,
				position: [1, 0],
				parameters: { text: '={{ $json.name }}' },
				...(onError ? { onError } : {}),
			},
		],
		connections: { Start: { main: [[{ node: 'Shout', type: 'main', index: 0 }]] } },
	} as unknown as IWorkflowBase;
}

function engineWithShout() {
	const engine = createEngine();
	(engine.types as TypeRegistry).addNodeType('test.shout', new Shout(), 'test');
	return engine;
}

describe('engine (n8n-core WorkflowExecute)', () => {
	it('evaluates expressions per item and keeps item pairing', async () => {
		const run = await runWorkflowData(engineWithShout(), workflow(), 'Start', [
			{ json: { name: 'ada' } },
			{ json: { name: 'grace' } },
		]);
		const out = run.data.resultData.runData.Shout[0].data!.main[0]!;
		expect(out.map((i) => i.json)).toEqual([{ shouted: 'ADA' }, { shouted: 'GRACE' }]);
		expect(out.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(run.status).toBe('success');
	});

	it('fails the run on a bad item, or reports it and goes on with continueOnFail', async () => {
		const failing = await runWorkflowData(engineWithShout(), workflow(), 'Start', [
			{ json: { name: 'ada' } },
			{ json: {} },
		]);
		expect(failing.status).toBe('error');
		expect(failing.data.resultData.error?.message).toBe('"text" is empty');

		const continuing = await runWorkflowData(
			engineWithShout(),
			workflow('continueRegularOutput'),
			'Start',
			[{ json: { name: 'ada' } }, { json: {} }],
		);
		expect(continuing.status).toBe('success');
		expect(continuing.data.resultData.runData.Shout[0].data!.main[0]!.map((i) => i.json)).toEqual([
			{ shouted: 'ADA' },
			{ error: '"text" is empty' },
		]);
	});
});
