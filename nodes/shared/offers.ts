import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listOutput, listOutputProperty } from './listOutput';

/** The offer list's "Output" option; `hint` says which offer each ATS prefers and how its fields are keyed. */
export function offerOutputProperty(hint: string): INodeProperties {
	return listOutputProperty('One Item per Offer', '"offers" and "offer"', hint, 'eachOffer');
}

/** Offers as the "Output" option asks: one item each, or added to the input item with the preferred one as `offer`. */
export function offersOutput(
	this: IExecuteFunctions,
	itemIndex: number,
	offers: IDataObject[],
	preferredOffer: (offers: IDataObject[]) => IDataObject | null,
): IDataObject | IDataObject[] {
	return listOutput.call(this, itemIndex, offers, (records) => ({
		offers: records,
		offer: preferredOffer(records),
	}));
}
