import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllAndLimit } from './descriptions';
import { resultLimit } from './parameters';
import type { AtsOperation } from './router';

export interface ListOperationSpec {
	resource: string;
	operation: string;
	/** The operation's own parameters (e.g. the record the list belongs to, filters); Return All / Limit follow them. */
	properties?: INodeProperties[];
	/** Every item (limit undefined) or the first `limit` items, one output item each. */
	list(this: IExecuteFunctions, itemIndex: number, limit: number | undefined): Promise<IDataObject[]>;
}

/**
 * An operation that lists records: its parameters, then Return All / Limit, and `list` asked for no more than the
 * limit. For the many small list endpoints of an ATS (configuration lists, a job's positions …), so each operation
 * file says only which list it reads.
 */
export function listOperation(spec: ListOperationSpec): AtsOperation {
	return {
		description: updateDisplayOptions({ show: { resource: [spec.resource], operation: [spec.operation] } }, [
			...(spec.properties ?? []),
			...returnAllAndLimit(),
		]),
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
			return await spec.list.call(this, itemIndex, resultLimit.call(this, itemIndex));
		},
	};
}
