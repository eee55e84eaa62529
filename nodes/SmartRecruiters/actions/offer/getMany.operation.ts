import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { offerOutputProperty, offersOutput } from '../../../shared/offers';
import { apiRequest } from '../../transport';
import { candidateLocator, eachItem, forOperation, jobLocator, locatorValue } from '../common';

export const description: INodeProperties[] = forOperation('offer', 'getMany', [
	candidateLocator(),
	jobLocator(),
	offerOutputProperty(
		'"offer" is the accepted offer, else the newest, with its properties by key (e.g. offer.startDate); null when there is none',
	),
]);

/** The offer a hire goes by: the accepted one, else the newest, with its properties at the top level. */
export function preferredOffer(offers: IDataObject[]): IDataObject | null {
	if (offers.length === 0) return null;
	const newestFirst = [...offers].sort((a, b) => Date.parse(String(b.createdOn ?? 0)) - Date.parse(String(a.createdOn ?? 0)));
	const chosen = newestFirst.find((offer) => offer.status === 'ACCEPTED') ?? newestFirst[0];
	const properties = chosen.properties !== null && typeof chosen.properties === 'object' ? (chosen.properties as IDataObject) : {};
	return { ...properties, id: chosen.id, status: chosen.status, createdOn: chosen.createdOn };
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await eachItem.call(this, async (i) => {
		const params = { id: locatorValue.call(this, 'candidateId', i), jobId: locatorValue.call(this, 'jobId', i) };
		const response = await apiRequest.call(this, 'GET', '/candidates/{id}/jobs/{jobId}/offers', { params, itemIndex: i });
		const offers = (response.content as IDataObject[] | undefined) ?? [];
		return offersOutput.call(this, i, offers, preferredOffer);
	});
}
