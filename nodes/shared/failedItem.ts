import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { asNodeError } from './errors';

/**
 * The item a node returns for a failed input item under "continue on fail". The error is set on the item itself,
 * as n8n's engine expects: it routes items with `item.error` to the error output ("continue using error output"),
 * keeps the error's description and HTTP code on `item.error`, and normalises the JSON to `{ error: message }`.
 * Without `item.error`, a failed item whose JSON held more than `error` stayed on the success branch.
 */
export function failedItem(this: IExecuteFunctions, caught: unknown, itemIndex: number): INodeExecutionData {
	const error = asNodeError(this.getNode(), caught, itemIndex);
	return { json: { error: error.message }, error, pairedItem: { item: itemIndex } };
}
