import type { IDataObject, INode, INodeExecutionData } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { createEngine, TOOLKIT_PACKAGE_NAME, runNode } from '../harness';

const event = (
	type: string,
	campaignId: string | number,
	email = `${type}-${campaignId}@example.com`,
): IDataObject => ({
	type,
	eventId: `${type}-${campaignId}`,
	campaign: { id: campaignId },
	contact: { email },
});

const emails = (output: INodeExecutionData[] | undefined) =>
	(output ?? []).map((item) => (item.json.contact as IDataObject).email);

describe('JSON Logic Rules', () => {
	it('routes each item to the first matching rule, the rest to the fallback output', async () => {
		const { outputs, error } = await runNode({
			type: 'jsonLogicRules',
			parameters: {
				mode: 'rules',
				rules: {
					rules: [
						{
							outputName: 'Passed',
							rule: '{"and": [{"==": [{"var": "interview.result"}, "passed"]}, {">=": [{"var": "interview.score"}, 70]}]}',
						},
						{ outputName: 'Failed', rule: '{"==": [{"var": "interview.result"}, "failed"]}' },
					],
				},
			},
			input: [
				{ name: 'a', interview: { result: 'passed', score: 82 } },
				{ name: 'b', interview: { result: 'failed', score: 20 } },
				{ name: 'c', interview: { result: 'passed', score: 55 } },
				{ name: 'd' },
			],
		});
		expect(error).toBeUndefined();
		expect(outputs.map((output) => output.map((item) => item.json.name))).toEqual([
			['a'],
			['b'],
			['c', 'd'],
		]);
		expect(outputs[2].map((item) => item.pairedItem)).toEqual([{ item: 2 }, { item: 3 }]);
	});

	it('sends an item to every matching output when asked to', async () => {
		const { outputs } = await runNode({
			type: 'jsonLogicRules',
			parameters: {
				mode: 'rules',
				rules: {
					rules: [
						{ rule: '{"in": ["@acme.com", {"var": "email"}]}' },
						{ rule: '{"!!": {"var": "email"}}' },
					],
				},
				options: { allMatchingOutputs: true },
			},
			input: [{ email: 'x@acme.com' }, { email: 'y@other.org' }, {}],
		});
		expect(outputs.map((output) => output.map((item) => item.json.email ?? '-'))).toEqual([
			['x@acme.com'],
			['x@acme.com', 'y@other.org'],
			['-'],
		]);
	});

	it('names the bad rule: invalid JSON, unknown operation, not a rule', async () => {
		const run = (rule: string) =>
			runNode({
				type: 'jsonLogicRules',
				parameters: {
					mode: 'rules',
					rules: {
						rules: [
							{ outputName: 'Ok', rule: 'true' },
							{ outputName: 'Interested', rule },
						],
					},
				},
				input: [{ type: 'contact.added' }],
			});
		expect((await run('{"==": [{"var": "type"}, "x"]')).error?.message).toMatch(
			/^Rule "Interested" \(rule 2\): the rule is not valid JSON \(/,
		);
		expect((await run('{"and": [true, {"equals": [1, 1]}]}')).error?.message).toBe(
			'Rule "Interested" (rule 2): unknown operation "equals" at and[1]',
		);
		expect((await run('"contact.interested"')).error?.message).toMatch(
			/^Rule "Interested" \(rule 2\): a rule must be a JSON Logic operation/,
		);
	});

	it('reports a bad rule per item on the fallback output with continueOnFail', async () => {
		const { outputs, error } = await runNode({
			type: 'jsonLogicRules',
			parameters: { mode: 'rules', rules: { rules: [{ rule: '{"nope": 1}' }] } },
			input: [{ id: 1 }],
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(outputs[1].map((item) => item.json)).toEqual([
			{
				error: 'Rule 1: unknown operation "nope"',
				details: {
					node: expect.any(String),
					description: 'Fix the rule in "Routing Rules". See jsonlogic.com for the operations.',
				},
			},
		]);
		expect(outputs[1][0].pairedItem).toEqual({ item: 0 });
	});

	describe('sync policy', () => {
		const syncPolicy = (
			overrides: Array<{ campaignId: string; policy: string }>,
			defaultPolicy = 'replied',
		) => ({
			mode: 'syncPolicy',
			defaultPolicy,
			campaignOverrides: { overrides },
		});
		const input = [
			event('contact.added', 'c-default'),
			event('contact.replied', 'c-default'),
			event('contact.interested', 'c-default'),
			event('contact.added', 'c-eager'),
			event('contact.replied', 'c-picky'),
			event('contact.interested', 'c-picky'),
			event('contact.interested', 'c-off'),
			event('contact.bounced', 'c-eager'),
			event('contact.replied', 42),
		];

		it('applies the team default, and a campaign override over it', async () => {
			const { outputs } = await runNode({
				type: 'jsonLogicRules',
				parameters: syncPolicy([
					{ campaignId: 'c-eager', policy: 'added' },
					{ campaignId: 'c-picky', policy: 'interested' },
					{ campaignId: 'c-off', policy: 'never' },
				]),
				input,
			});
			expect(outputs).toHaveLength(2);
			expect(emails(outputs[0])).toEqual([
				'contact.replied-c-default@example.com',
				'contact.interested-c-default@example.com',
				'contact.added-c-eager@example.com',
				'contact.interested-c-picky@example.com',
				'contact.replied-42@example.com',
			]);
			expect(emails(outputs[1])).toEqual([
				'contact.added-c-default@example.com',
				'contact.replied-c-picky@example.com',
				'contact.interested-c-off@example.com',
				'contact.bounced-c-eager@example.com',
			]);
		});

		it('matches a numeric campaign id given as text in the override table', async () => {
			const { outputs } = await runNode({
				type: 'jsonLogicRules',
				parameters: syncPolicy([{ campaignId: '42', policy: 'never' }]),
				input: [event('contact.replied', 42)],
			});
			expect(emails(outputs[0])).toEqual([]);
			expect(emails(outputs[1])).toEqual(['contact.replied-42@example.com']);
		});

		it('refuses an override table that lists a campaign twice', async () => {
			const { error } = await runNode({
				type: 'jsonLogicRules',
				parameters: syncPolicy([
					{ campaignId: 'c-1', policy: 'added' },
					{ campaignId: 'c-1', policy: 'never' },
				]),
				input: [event('contact.added', 'c-1')],
			});
			expect(error?.message).toBe(
				'Sync policy: campaign "c-1" is listed twice in the campaign overrides',
			);
		});
	});

	it('declares its outputs through the expression n8n evaluates (one per rule + Fallback; Sync/Skip)', () => {
		const engine = createEngine();
		const nodeType = engine.types.getByNameAndVersion(`${TOOLKIT_PACKAGE_NAME}.jsonLogicRules`, 1);
		const outputNames = (parameters: IDataObject) => {
			const node: INode = {
				id: 'n',
				name: 'Rules',
				type: `${TOOLKIT_PACKAGE_NAME}.jsonLogicRules`,
				typeVersion: 1,
				position: [0, 0],
				parameters: parameters as INode['parameters'],
			};
			const workflow = engine.workflow({ nodes: [node], connections: {} } as never);
			return (
				NodeHelpers.getNodeOutputs(workflow, node, nodeType.description) as Array<{
					displayName: string;
				}>
			).map((output) => output.displayName);
		};
		expect(
			outputNames({
				mode: 'rules',
				rules: { rules: [{ outputName: 'Passed', rule: 'true' }, { rule: 'false' }] },
			}),
		).toEqual(['Passed', '2', 'Fallback']);
		expect(outputNames({ mode: 'syncPolicy' })).toEqual(['Sync', 'Skip']);
	});
});
