import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { apiRequest } from '../../transport';
import { candidateLocator, eachItem, forOperation, jobLocator, locatorValue } from '../common';

export const description: INodeProperties[] = forOperation('offer', 'get', [
	candidateLocator(),
	jobLocator(),
	{ displayName: 'Offer ID', name: 'offerId', type: 'string', default: '', required: true },
]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await eachItem.call(this, async (i) => {
		const params = {
			id: locatorValue.call(this, 'candidateId', i),
			jobId: locatorValue.call(this, 'jobId', i),
			offerId: String(this.getNodeParameter('offerId', i)).trim(),
		};
		return await apiRequest.call(this, 'GET', '/candidates/{id}/jobs/{jobId}/offers/{offerId}', { params, itemIndex: i });
	});
}
