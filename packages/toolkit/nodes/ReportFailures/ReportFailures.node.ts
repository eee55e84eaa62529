import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { describeFailure, failureReport } from './report';

/** One input per error output: n8n (execution order v1) runs a node with several inputs once, after the rest of the run. */
const configuredInputs = (parameters: { numberInputs?: number }) =>
	Array.from({ length: Math.max(2, Number(parameters.numberInputs) || 2) }, (_, index) => ({
		type: 'main',
		displayName: `Failed ${index + 1}`,
	}));

export class ReportFailures implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Report Failures',
		name: 'reportFailures',
		icon: { light: 'file:reportFailures.svg', dark: 'file:reportFailures.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["numberInputs"] + " error outputs" }}',
		description:
			'Collects the items other nodes sent to their error outputs and, once the rest of the run is done, fails the execution with one message naming each item: who, which node, why. So the execution shows as failed and the error workflow runs.',
		defaults: { name: 'Report Failures' },
		inputs: `={{(${configuredInputs})($parameter)}}`,
		outputs: [],
		usableAsTool: true,
		properties: [
			{
				displayName:
					"Connect each node's error output to its own input. n8n runs this node when the rest of the run is done (or once every input has items) and it fails the execution when any item reached it.",
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Number of Inputs',
				name: 'numberInputs',
				type: 'number',
				typeOptions: { minValue: 2, maxValue: 20 },
				default: 2,
				description:
					'One per error output connected here. With two or more, n8n holds this node back until the rest of the run is done or every input has items, so the good items are written first.',
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const inputCount = Math.max(2, Number(this.getNodeParameter('numberInputs', 0)) || 2);
		const failures = [];
		for (let input = 0; input < inputCount; input++) {
			const items = this.getInputData(input);
			if (items.length === 0) continue;
			const fromNode = this.getInputSourceData(input)?.previousNode;
			for (const item of items)
				failures.push(describeFailure(item.json as IDataObject, item.error, fromNode));
		}
		if (failures.length === 0) return [];
		const report = failureReport(failures);
		throw new NodeOperationError(this.getNode(), report.message, {
			description: report.description,
		});
	}
}
