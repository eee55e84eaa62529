/**
 * The shared router through n8n's engine: operations found in the resource modules, outputs paired with their input
 * item, binary output, and failed items that say who (the candidate or record) and why — only when it is about them.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { OutputItems, routeItems } from '../../nodes/shared/router';
import { createEngine, PACKAGE_NAME, packageTypes, runNode } from '../harness';

const person = {
	description: [],
	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
		const email = this.getNodeParameter('email', itemIndex, '') as string;
		if (email === 'bad@example.com')
			throw new NodeOperationError(this.getNode(), '"Name" is empty', { itemIndex });
		if (email === 'locked@example.com') {
			throw new NodeApiError(
				this.getNode(),
				{ message: 'no' },
				{ message: 'Lever rejected the API key (401)', httpCode: '401', itemIndex },
			);
		}
		if (email === 'oops@example.com') throw new Error('something broke');
		return email === 'two@example.com'
			? [
					{ email, n: 1 },
					{ email, n: 2 },
				]
			: { email };
	},
};
const file = {
	description: [],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const data = await this.helpers.prepareBinaryData(
			Buffer.from(`file ${itemIndex}`),
			'cv.pdf',
			'application/pdf',
		);
		return new OutputItems([{ json: { itemIndex }, binary: { data } }]);
	},
};
const resources = { person: { description: [], get: person, download: file } };

class RouterProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Router Probe',
		name: 'routerProbe',
		group: ['transform'],
		version: 1,
		description: 'Runs test operations through the shared router',
		defaults: { name: 'Router Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{ displayName: 'Resource', name: 'resource', type: 'string', default: 'person' },
			{ displayName: 'Operation', name: 'operation', type: 'string', default: 'get' },
			{ displayName: 'Email', name: 'email', type: 'string', default: '' },
			{ displayName: 'Profile Input', name: 'profileInput', type: 'string', default: 'fields' },
			{ displayName: 'Candidate Profile', name: 'candidateProfile', type: 'json', default: '{}' },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeItems.call(this, resources, { subjectParameters: { email: 'candidate' } });
	}
}

const engine = () => {
	const types = packageTypes();
	types.addNodeType(`${PACKAGE_NAME}.routerProbe`, new RouterProbe(), PACKAGE_NAME);
	return createEngine({}, types);
};
const run = async (parameters: IDataObject, input: IDataObject[], continueOnFail = true) =>
	await runNode({
		type: 'routerProbe',
		engine: engine(),
		parameters: { resource: 'person', operation: 'get', ...parameters },
		input,
		continueOnFail,
	});

describe('shared router', () => {
	it('runs the operation per item and pairs every output item with its input item', async () => {
		const { outputs } = await run({ email: '={{ $json.email }}' }, [
			{ email: 'one@example.com' },
			{ email: 'two@example.com' },
		]);
		expect(outputs[0].map((item) => [item.json, item.pairedItem])).toEqual([
			[{ email: 'one@example.com' }, { item: 0 }],
			[{ email: 'two@example.com', n: 1 }, { item: 1 }],
			[{ email: 'two@example.com', n: 2 }, { item: 1 }],
		]);
	});

	it('names the candidate in an error about the item, and the others go on with continue on fail', async () => {
		const { outputs } = await run({ email: '={{ $json.email }}' }, [
			{ email: 'bad@example.com' },
			{ email: 'oops@example.com' },
			{ email: 'one@example.com' },
		]);
		// n8n's error item shape ({ error }, routed to the error output by n8n), with who and where in `details`.
		expect(outputs[0].map((item) => item.json)).toEqual([
			{
				error: '"Name" is empty (candidate bad@example.com)',
				details: { node: 'Node', email: 'bad@example.com' },
			},
			{
				error: 'something broke (candidate oops@example.com)',
				details: { node: 'Node', email: 'oops@example.com' },
			},
			{ email: 'one@example.com' },
		]);
		expect(outputs[0].map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
	});

	it('takes the candidate from the profile JSON, and leaves errors that are not about the item alone', async () => {
		const fromJson = await run(
			{ profileInput: 'json', candidateProfile: '={{ $json }}', email: 'bad@example.com' },
			[{ email: 'json@example.com' }],
		);
		expect(fromJson.outputs[0][0].json).toEqual({
			error: '"Name" is empty (candidate json@example.com)',
			details: { node: 'Node', email: 'json@example.com' },
		});
		const locked = await run({ email: 'locked@example.com' }, [{}], false);
		expect(locked.error?.message).toBe('Lever rejected the API key (401)');
	});

	it('passes binary output items through, paired with their input item', async () => {
		const { outputs } = await run({ operation: 'download' }, [{}, {}]);
		expect(
			outputs[0].map((item) => [item.json, item.pairedItem, item.binary?.data?.fileName]),
		).toEqual([
			[{ itemIndex: 0 }, { item: 0 }, 'cv.pdf'],
			[{ itemIndex: 1 }, { item: 1 }, 'cv.pdf'],
		]);
	});

	it('refuses an operation no resource module exports', async () => {
		const { error } = await run({ operation: 'description' }, [{}], false);
		expect(error?.message).toBe('The operation "description" is not supported for "person"');
	});
});
