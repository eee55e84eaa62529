import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/**
 * The "Output" choice of a list that a workflow reads to enrich the item it is about (offers, profile forms,
 * referrals of a hire): one item per record, or the input item with the records and a summary of them added.
 * `added` names the fields "Add to Input Item" adds, `hint` says how the summary is built; `eachValue` is the value of
 * the one-item-per-record choice (the offer lists shipped with 'eachOffer').
 */
export function listOutputProperty(
	each: string,
	added: string,
	hint: string,
	eachValue = 'each',
): INodeProperties {
	return {
		displayName: 'Output',
		name: 'output',
		type: 'options',
		options: [
			{ name: each, value: eachValue },
			{
				name: 'Add to Input Item',
				value: 'addToInput',
				description: `One item per input item, also when there are none: its fields plus ${added}`,
			},
		],
		default: eachValue,
		hint,
	};
}

/** Records as the "Output" choice asks: one item each, or added with their summary to the input item. */
export function listOutput(
	this: IExecuteFunctions,
	itemIndex: number,
	records: IDataObject[],
	summary: (records: IDataObject[]) => IDataObject,
): IDataObject | IDataObject[] {
	if (this.getNodeParameter('output', itemIndex, '') !== 'addToInput') return records;
	// Without records this is still one item: a hire without an offer or a form must not vanish from the workflow.
	return { ...this.getInputData()[itemIndex].json, ...summary(records) };
}
