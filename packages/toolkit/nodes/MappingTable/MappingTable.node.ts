import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { jsonParse, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import set from 'lodash/set';

import { asNodeError } from '../../../../nodes/shared/errors';
import { failedItem } from '../../../../nodes/shared/failedItem';

import type { LookupTable, TableRow } from './table';
import { isEmptyKey, lookUp, tableFromObject, tableFromRows } from './table';

const MAPPED = 0;
const UNMAPPED = 1;

export class MappingTable implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Mapping Table',
		name: 'mappingTable',
		icon: { light: 'file:mappingTable.svg', dark: 'file:mappingTable.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ "→ " + $parameter["outputField"] }}',
		description:
			'Looks a value up in a from → to table (campaign → job, outreach status → stage…) and writes the result to a field. Items without a mapping leave on the Unmapped output with the reason, never silently dropped.',
		defaults: { name: 'Mapping Table' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Mapped', 'Unmapped'],
		usableAsTool: true,
		properties: [
			{
				displayName: 'Lookup Key',
				name: 'key',
				type: 'string',
				default: '',
				required: true,
				placeholder: 'e.g. campaign-42',
				description:
					'The value to look up in the table, usually an expression that reads it from the item (such as the campaign of a contact event)',
			},
			{
				displayName: 'Table Input',
				name: 'tableSource',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Rows',
						value: 'rows',
						description: 'One row per "from" value, edited on the canvas',
					},
					{
						name: 'JSON Object',
						value: 'json',
						description:
							'One object of "from": to pairs; values may be objects, e.g. a status with its sub-status',
					},
				],
				default: 'rows',
			},
			{
				displayName: 'Mappings',
				name: 'mappings',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true, sortable: true },
				placeholder: 'Add Mapping',
				default: {},
				displayOptions: { show: { tableSource: ['rows'] } },
				options: [
					{
						displayName: 'Mapping',
						name: 'mapping',
						values: [
							{
								displayName: 'From',
								name: 'from',
								type: 'string',
								default: '',
								description: 'A value the lookup key can have',
							},
							{
								displayName: 'To',
								name: 'to',
								type: 'string',
								default: '',
								description: 'What to write for it',
							},
						],
					},
				],
			},
			{
				displayName: 'Mapping Table (JSON)',
				name: 'tableJson',
				type: 'json',
				default: '{\n  "from-value": "to-value"\n}',
				displayOptions: { show: { tableSource: ['json'] } },
				description:
					'Keys are the values the lookup key can have; each value is what gets written for it',
			},
			{
				displayName: 'Output Field',
				name: 'outputField',
				type: 'string',
				default: 'mapped',
				required: true,
				description:
					'Field the mapped value is written to; dots make nested fields, e.g. "ats.postingId"',
			},
			{
				displayName: 'When No Mapping Matches',
				name: 'whenUnmapped',
				type: 'options',
				options: [
					{
						name: 'Send to Unmapped Output',
						value: 'unmappedOutput',
						description: 'The item leaves on the second output with a "skipped" field saying why',
					},
					{
						name: 'Use a Default Value',
						value: 'defaultValue',
						description:
							'Keys not in the table get the default (e.g. a team-wide setting under per-campaign overrides)',
					},
				],
				default: 'unmappedOutput',
			},
			{
				displayName: 'Default Value',
				name: 'defaultValue',
				type: 'string',
				default: '',
				displayOptions: { show: { whenUnmapped: ['defaultValue'], tableSource: ['rows'] } },
				description: 'Written when the key is not in the table (also when the key is empty)',
			},
			{
				displayName: 'Default Value (JSON)',
				name: 'defaultValueJson',
				type: 'json',
				default: '""',
				displayOptions: { show: { whenUnmapped: ['defaultValue'], tableSource: ['json'] } },
				description: 'Written when the key is not in the table (also when the key is empty)',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Case Sensitive',
						name: 'caseSensitive',
						type: 'boolean',
						default: false,
						description:
							'Whether "Campaign-1" and "campaign-1 " are different keys (by default case and surrounding spaces are ignored)',
					},
					{
						displayName: 'Key Name in Messages',
						name: 'keyLabel',
						type: 'string',
						default: '',
						placeholder: 'e.g. campaign',
						description:
							'What the key is, for the reason an item is reported as skipped. Empty: "key".',
					},
				],
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const outputs: INodeExecutionData[][] = [[], []];
		const options = this.getNodeParameter('options', 0, {}) as IDataObject;
		const caseSensitive = options.caseSensitive === true;
		const keyLabel = String(options.keyLabel || 'key');
		const table = readTable.call(this, caseSensitive);
		const whenUnmapped = this.getNodeParameter('whenUnmapped', 0) as string;
		const nodeName = this.getNode().name;

		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				const key = this.getNodeParameter('key', itemIndex, '') as unknown;
				const outputField = String(this.getNodeParameter('outputField', itemIndex, '')).trim();
				if (!outputField)
					throw new NodeOperationError(this.getNode(), '"Output Field" is empty', { itemIndex });
				const found = isEmptyKey(key)
					? ({ found: false } as const)
					: lookUp(table, key, caseSensitive);
				const json = structuredClone(items[itemIndex].json);
				if (found.found || whenUnmapped === 'defaultValue') {
					set(json, outputField, found.found ? found.value : readDefault.call(this, itemIndex));
					outputs[MAPPED].push({
						json,
						binary: items[itemIndex].binary,
						pairedItem: { item: itemIndex },
					});
					continue;
				}
				const reason = isEmptyKey(key)
					? `The ${keyLabel} is empty, so "${nodeName}" cannot map it`
					: `No mapping for ${keyLabel} ${JSON.stringify(key)} in "${nodeName}"`;
				json.skipped = {
					reason,
					node: nodeName,
					...(isEmptyKey(key) ? {} : { [keyLabel]: key as IDataObject[string] }),
				};
				outputs[UNMAPPED].push({
					json,
					binary: items[itemIndex].binary,
					pairedItem: { item: itemIndex },
				});
			} catch (error) {
				if (!this.continueOnFail()) throw asNodeError(this.getNode(), error, itemIndex);
				outputs[MAPPED].push(failedItem.call(this, error, itemIndex));
			}
		}
		return outputs;
	}
}

/** The table is the same for every item; a broken one stops the node with the row or key at fault named. */
function readTable(this: IExecuteFunctions, caseSensitive: boolean): LookupTable {
	const source = this.getNodeParameter('tableSource', 0) as string;
	try {
		if (source === 'json') {
			const raw = this.getNodeParameter('tableJson', 0) as unknown;
			const value =
				typeof raw === 'string' ? jsonParse(raw, { errorMessage: 'is not valid JSON' }) : raw;
			return tableFromObject(value, caseSensitive);
		}
		const rows = ((this.getNodeParameter('mappings', 0, {}) as IDataObject).mapping ??
			[]) as TableRow[];
		return tableFromRows(rows, caseSensitive);
	} catch (error) {
		const field = source === 'json' ? '"Mapping Table (JSON)"' : '"Mappings"';
		throw new NodeOperationError(this.getNode(), `${field} ${(error as Error).message}`);
	}
}

function readDefault(this: IExecuteFunctions, itemIndex: number): unknown {
	if (this.getNodeParameter('tableSource', itemIndex) !== 'json')
		return this.getNodeParameter('defaultValue', itemIndex, '');
	const raw = this.getNodeParameter('defaultValueJson', itemIndex, '""') as unknown;
	if (typeof raw !== 'string') return raw;
	return jsonParse(raw, { errorMessage: '"Default Value (JSON)" is not valid JSON' });
}
