import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { listOperation } from '../../../shared/listOperation';
import { requiredLocatorValue } from '../../../shared/parameters';
import { getOfferDocuments } from '../../helpers/lookups';
import { offerIdProperty } from '../common.descriptions';

export const { description, execute } = listOperation({
	resource: 'offer',
	operation: 'getDocuments',
	properties: [offerIdProperty],
	/**
	 * The documents of an offer sent for e-signature (DocuSign), one item each. SmartRecruiters answers 409 for an offer
	 * not sent to the candidate yet; `isCurrentlySyncing` says the list may still change.
	 */
	async list(
		this: IExecuteFunctions,
		itemIndex: number,
		limit: number | undefined,
	): Promise<IDataObject[]> {
		const offerId = requiredLocatorValue.call(this, 'offerId', 'Offer ID', itemIndex);
		const { documents, ...about } = await getOfferDocuments.call(this, offerId, itemIndex);
		return (documents as IDataObject[])
			.slice(0, limit)
			.map((document) => ({ offerId, ...about, ...document }));
	},
});
