import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import type { Rule, SyncPolicy } from './rules';
import { InvalidRuleError, matches, parseRule, syncPolicyRule } from './rules';
import { asNodeError } from '../../../../nodes/shared/errors';
import { failedItem } from '../../../../nodes/shared/failedItem';

/**
 * The node's outputs from its parameters: one per rule plus "Fallback", or "Sync" and "Skip" for a sync policy.
 * n8n evaluates this in the editor and the engine through the `outputs` expression below, so it must stay
 * self-contained (no imports or outer variables).
 */
const configuredOutputs = (parameters: INodeParameters) => {
	if (parameters.mode === 'syncPolicy') {
		return [
			{ type: 'main', displayName: 'Sync' },
			{ type: 'main', displayName: 'Skip' },
		];
	}
	const rules = (((parameters.rules as IDataObject) || {}).rules as IDataObject[]) || [];
	return rules
		.map((rule, index) => ({ type: 'main', displayName: String(rule.outputName || index + 1) }))
		.concat([{ type: 'main', displayName: 'Fallback' }]);
};

const SYNC_POLICY_OPTIONS = [
	{
		name: 'When Added to a Campaign',
		value: 'added',
		description: 'Added, replied and interested contacts',
	},
	{ name: 'When Replied', value: 'replied', description: 'Replied and interested contacts' },
	{
		name: 'When Replied and Interested',
		value: 'interested',
		description: 'Only contacts marked interested',
	},
	{ name: 'Never', value: 'never', description: 'No contact of this campaign is synced' },
];

interface RuleEntry {
	outputName?: string;
	rule?: unknown;
}

export class JsonLogicRules implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'JSON Logic Rules',
		name: 'jsonLogicRules',
		icon: { light: 'file:jsonLogicRules.svg', dark: 'file:jsonLogicRules.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["mode"] === "syncPolicy" ? "Sync policy" : "Rules" }}',
		description:
			'Route items to outputs by JSON Logic rules, e.g. a sync policy per outreach campaign',
		defaults: { name: 'JSON Logic Rules' },
		inputs: [NodeConnectionTypes.Main],
		outputs: `={{(${configuredOutputs})($parameter)}}`,
		properties: [
			{
				displayName: 'Mode',
				name: 'mode',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Rules',
						value: 'rules',
						description: 'One output per JSON Logic rule, plus a fallback output',
					},
					{
						name: 'Sync Policy',
						value: 'syncPolicy',
						description:
							'Sync or skip contact events by a team default policy with per-campaign overrides',
					},
				],
				default: 'rules',
			},
			{
				displayName: 'Routing Rules',
				name: 'rules',
				placeholder: 'Add Rule',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true, sortable: true },
				default: {},
				displayOptions: { show: { mode: ['rules'] } },
				options: [
					{
						name: 'rules',
						displayName: 'Rule',
						values: [
							{
								displayName: 'Output Name',
								name: 'outputName',
								type: 'string',
								default: '',
								placeholder: 'e.g. Interested',
								description: 'Label of the output items matching this rule go to',
							},
							{
								displayName: 'Rule (JSON Logic)',
								name: 'rule',
								type: 'json',
								default: '{"==": [{"var": "type"}, "contact.interested"]}',
								description:
									'A JSON Logic rule (jsonlogic.com) evaluated against the item\'s JSON, e.g. {"and": [{"==": [{"var": "interview.result"}, "passed"]}, {">=": [{"var": "interview.score"}, 70]}]}',
							},
						],
					},
				],
			},
			{
				displayName: 'Default Policy',
				name: 'defaultPolicy',
				type: 'options',
				options: SYNC_POLICY_OPTIONS,
				default: 'replied',
				description: 'When contacts of campaigns without an override are synced to the ATS',
				displayOptions: { show: { mode: ['syncPolicy'] } },
			},
			{
				displayName: 'Campaign Overrides',
				name: 'campaignOverrides',
				placeholder: 'Add Campaign',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				displayOptions: { show: { mode: ['syncPolicy'] } },
				options: [
					{
						name: 'overrides',
						displayName: 'Campaign',
						values: [
							{
								displayName: 'Campaign ID',
								name: 'campaignId',
								type: 'string',
								default: '',
								description: 'ID of the campaign in the outreach tool',
							},
							{
								displayName: 'Policy',
								name: 'policy',
								type: 'options',
								options: SYNC_POLICY_OPTIONS,
								default: 'interested',
							},
						],
					},
				],
			},
			{
				displayName: 'Event Type Field',
				name: 'eventTypePath',
				type: 'string',
				default: 'type',
				description:
					'Dot path of the event type in the item (contact.added, contact.replied, contact.interested, …)',
				displayOptions: { show: { mode: ['syncPolicy'] } },
			},
			{
				displayName: 'Campaign ID Field',
				name: 'campaignIdPath',
				type: 'string',
				default: 'campaign.id',
				description: 'Dot path of the campaign ID in the item',
				displayOptions: { show: { mode: ['syncPolicy'] } },
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				displayOptions: { show: { mode: ['rules'] } },
				options: [
					{
						displayName: 'Send to All Matching Outputs',
						name: 'allMatchingOutputs',
						type: 'boolean',
						default: false,
						description:
							'Whether an item goes to every output whose rule matches, not only the first one',
					},
				],
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const mode = this.getNodeParameter('mode', 0) as string;
		const ruleOutputs =
			mode === 'syncPolicy'
				? 1
				: (this.getNodeParameter('rules.rules', 0, []) as RuleEntry[]).length;
		const outputs: INodeExecutionData[][] = Array.from({ length: ruleOutputs + 1 }, () => []);
		const fallback = outputs[ruleOutputs];

		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			const item = items[itemIndex];
			try {
				const rules =
					mode === 'syncPolicy'
						? [syncPolicyRuleFor.call(this, itemIndex)]
						: rulesFor.call(this, itemIndex);
				const sendToAll = this.getNodeParameter(
					'options.allMatchingOutputs',
					itemIndex,
					false,
				) as boolean;
				let matched = false;
				for (let ruleIndex = 0; ruleIndex < rules.length; ruleIndex++) {
					if (!matches(rules[ruleIndex], item.json)) continue;
					outputs[ruleIndex].push({ ...item, pairedItem: { item: itemIndex } });
					matched = true;
					if (!sendToAll) break;
				}
				if (!matched) fallback.push({ ...item, pairedItem: { item: itemIndex } });
			} catch (error) {
				if (!this.continueOnFail()) throw asNodeError(this.getNode(), error, itemIndex);
				fallback.push(failedItem.call(this, error, itemIndex));
			}
		}
		return outputs;
	}
}

function rulesFor(this: IExecuteFunctions, itemIndex: number): Rule[] {
	const entries = this.getNodeParameter('rules.rules', itemIndex, []) as RuleEntry[];
	return entries.map((entry, index) => {
		try {
			return parseRule(entry.rule);
		} catch (error) {
			if (!(error instanceof InvalidRuleError)) throw asNodeError(this.getNode(), error, itemIndex);
			const name = entry.outputName
				? `Rule "${entry.outputName}" (rule ${index + 1})`
				: `Rule ${index + 1}`;
			throw new NodeOperationError(this.getNode(), `${name}: ${error.message}`, {
				itemIndex,
				description: 'Fix the rule in "Routing Rules". See jsonlogic.com for the operations.',
			});
		}
	});
}

function syncPolicyRuleFor(this: IExecuteFunctions, itemIndex: number): Rule {
	try {
		return syncPolicyRule({
			defaultPolicy: this.getNodeParameter('defaultPolicy', itemIndex) as SyncPolicy,
			overrides: this.getNodeParameter('campaignOverrides.overrides', itemIndex, []) as Array<{
				campaignId: string;
				policy: SyncPolicy;
			}>,
			eventTypePath: this.getNodeParameter('eventTypePath', itemIndex, 'type') as string,
			campaignIdPath: this.getNodeParameter('campaignIdPath', itemIndex, 'campaign.id') as string,
		});
	} catch (error) {
		if (!(error instanceof InvalidRuleError)) throw asNodeError(this.getNode(), error, itemIndex);
		throw new NodeOperationError(this.getNode(), `Sync policy: ${error.message}`, { itemIndex });
	}
}
