import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { failedItem } from '../../shared/failedItem';

/** Shows `properties` only for one resource/operation, as each operation file declares its own fields. */
export function forOperation(resource: string, operation: string, properties: INodeProperties[]): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...property.displayOptions?.show, resource: [resource], operation: [operation] },
		},
	}));
}

/**
 * Runs `handle` for every input item: results keep their pairing to the input item, and with "continue on fail"
 * a failing item becomes an error item instead of stopping the run (never dropped).
 */
export async function eachItem(
	this: IExecuteFunctions,
	handle: (itemIndex: number) => Promise<IDataObject | IDataObject[]>,
): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = await handle(itemIndex);
			for (const json of Array.isArray(result) ? result : [result]) output.push({ json, pairedItem: { item: itemIndex } });
		} catch (error) {
			if (!this.continueOnFail()) throw error;
			output.push(failedItem.call(this, error, itemIndex));
		}
	}
	return output;
}

/** The id behind a resource-locator parameter (list, id or URL mode). */
export function locatorValue(this: IExecuteFunctions, name: string, itemIndex: number): string {
	return String(this.getNodeParameter(name, itemIndex, '', { extractValue: true }) ?? '').trim();
}

export const candidateLocator = (displayName = 'Candidate', required = true): INodeProperties => ({
	displayName,
	name: 'candidateId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required,
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchCandidates', searchable: true },
		},
		{
			displayName: 'ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 7f8c1e2a-9b1d-4c4e-a2b1-0c9d8e7f6a5b',
		},
	],
	description: 'The SmartRecruiters candidate',
});

export const jobLocator = (displayName = 'Job', required = true, description = 'The SmartRecruiters job'): INodeProperties => ({
	displayName,
	name: 'jobId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required,
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchJobs', searchable: true },
		},
		{
			displayName: 'ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 3a6b3c9e-1f2d-4e5a-9b8c-7d6e5f4a3b2c',
		},
		{
			displayName: 'By URL',
			name: 'url',
			type: 'string',
			placeholder: 'e.g. https://www.smartrecruiters.com/app/jobs/details/3a6b3c9e-1f2d-4e5a-9b8c-7d6e5f4a3b2c',
			extractValue: { type: 'regex', regex: '/jobs/(?:details/)?([0-9a-fA-F-]{8,})' },
		},
	],
	description,
});

/** `undefined` for Return All, else the Limit parameter. */
export function resultLimit(this: IExecuteFunctions, itemIndex: number): number | undefined {
	return this.getNodeParameter('returnAll', itemIndex, false) ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
}

/** Source fields shared by Create, Upsert and Set Source: SmartRecruiters identifies a source by type + value id. */
export function sourceFields(required: boolean): INodeProperties[] {
	return [
		{
			displayName: 'Source Type Name or ID',
			name: 'sourceTypeId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getSourceTypes' },
			default: '',
			required,
			description: 'Source type, e.g. Job boards or Sourcing. Leave empty and SmartRecruiters records the source as "API". Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Source Name or ID',
			name: 'sourceId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getSourceValues', loadOptionsDependsOn: ['sourceTypeId'] },
			default: '',
			required,
			description: 'The source value of that type. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Source Subtype ID',
			name: 'sourceSubTypeId',
			type: 'string',
			default: '',
			description: 'Only for source types with subtypes (SmartRecruiters answers SUBTYPE_REQUIRED when it is needed)',
		},
	];
}

/** `sourceDetails` from the source fields, or undefined when no source type was chosen. */
export function readSourceDetails(this: IExecuteFunctions, itemIndex: number): IDataObject | undefined {
	const sourceTypeId = String(this.getNodeParameter('sourceTypeId', itemIndex, '') ?? '').trim();
	const sourceId = String(this.getNodeParameter('sourceId', itemIndex, '') ?? '').trim();
	const sourceSubTypeId = String(this.getNodeParameter('sourceSubTypeId', itemIndex, '') ?? '').trim();
	if (!sourceTypeId && !sourceId) return undefined;
	if (!sourceTypeId || !sourceId) {
		throw new NodeOperationError(this.getNode(), `"${sourceTypeId ? 'Source' : 'Source Type'}" is empty: a source needs both a type and a source value`, {
			itemIndex,
		});
	}
	return { sourceTypeId, sourceId, ...(sourceSubTypeId ? { sourceSubTypeId } : {}) };
}

/** Comma-separated text or a list (from an expression) as trimmed, non-empty strings. */
export function stringList(value: unknown): string[] {
	const entries = Array.isArray(value) ? value : String(value ?? '').split(',');
	return entries.map((entry) => String(entry).trim()).filter((entry) => entry !== '');
}
