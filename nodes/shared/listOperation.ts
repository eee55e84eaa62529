import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllAndLimit } from './descriptions';
import { listOutput } from './listOutput';
import { resultLimit } from './parameters';
import type { AtsOperation } from './router';

export interface ListOperationSpec {
	resource: string;
	/** Default `getMany`. */
	operation?: string;
	/** What the list belongs to (e.g. the job of its positions), before Return All / Limit. */
	properties?: INodeProperties[];
	/** Filters and options, after Return All / Limit. */
	filters?: INodeProperties[];
	/** An "Output" choice (listOutput.ts): the records, or the input item with them and their summary. */
	output?: { property: INodeProperties; summary: (records: IDataObject[]) => IDataObject };
	/** Every item (limit undefined) or the first `limit` items, one output item each. */
	list(
		this: IExecuteFunctions,
		itemIndex: number,
		limit: number | undefined,
	): Promise<IDataObject[]>;
}

/**
 * An operation that lists records, for both ATS nodes: what the list belongs to, Return All / Limit, its filters, and
 * `list` asked for no more than the limit. Each operation file says only which list it reads.
 */
export function listOperation(spec: ListOperationSpec): AtsOperation {
	return {
		description: updateDisplayOptions(
			{ show: { resource: [spec.resource], operation: [spec.operation ?? 'getMany'] } },
			[
				...(spec.properties ?? []),
				...returnAllAndLimit(),
				...(spec.filters ?? []),
				...(spec.output ? [spec.output.property] : []),
			],
		),
		async execute(
			this: IExecuteFunctions,
			itemIndex: number,
		): Promise<IDataObject | IDataObject[]> {
			const records = await spec.list.call(this, itemIndex, resultLimit.call(this, itemIndex));
			return spec.output ? listOutput.call(this, itemIndex, records, spec.output.summary) : records;
		},
	};
}
