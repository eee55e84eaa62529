import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listOutputProperty } from './descriptions';

/** The offer list's "Output" option; `hint` says which offer each ATS prefers and how its fields are keyed. */
export function offerOutputProperty(hint: string): INodeProperties {
	return listOutputProperty({ value: 'eachOffer', name: 'One Item per Offer' }, 'its fields plus "offers" and "offer"', hint);
}

/** Offers as the "Output" option asks: one item each, or added to the input item with the preferred one as `offer`. */
export function offersOutput(
	this: IExecuteFunctions,
	itemIndex: number,
	offers: IDataObject[],
	preferredOffer: (offers: IDataObject[]) => IDataObject | null,
): IDataObject | IDataObject[] {
	if (this.getNodeParameter('output', itemIndex, 'eachOffer') !== 'addToInput') return offers;
	// Without offers this is still one item: a hire without an offer must not vanish from the workflow.
	return { ...this.getInputData()[itemIndex].json, offers, offer: preferredOffer(offers) };
}
