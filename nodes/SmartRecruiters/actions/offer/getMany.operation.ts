import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { apiRequest } from '../../transport';
import { candidateLocator, eachItem, forOperation, jobLocator, locatorValue } from '../common';

export const description: INodeProperties[] = forOperation('offer', 'getMany', [
	candidateLocator(),
	jobLocator(),
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		options: [
			{ name: 'One Item per Offer', value: 'eachOffer' },
			{
				name: 'Add to Input Item',
				value: 'addToInput',
				description: 'One item per input item, also without offers: its fields plus "offers" and "offer"',
			},
		],
		default: 'eachOffer',
		hint: '"offer" is the accepted offer, else the newest, with its properties by key (e.g. offer.startDate); null when there is none',
	},
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
		if (this.getNodeParameter('output', i, 'eachOffer') !== 'addToInput') return offers;
		// Without offers this is still one item: a hire without an offer must not vanish from the workflow.
		return { ...this.getInputData()[i].json, offers, offer: preferredOffer(offers) };
	});
}
