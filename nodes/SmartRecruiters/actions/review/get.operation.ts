import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { API, apiRequest } from '../../transport';
import { eachItem, forOperation } from '../common';

export const description: INodeProperties[] = forOperation('review', 'get', [
	{ displayName: 'Review ID', name: 'reviewId', type: 'string', default: '', required: true, description: 'E.g. from the review_id of a review.created event.' },
]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await eachItem.call(this, async (i) => {
		const reviewId = String(this.getNodeParameter('reviewId', i)).trim();
		return await apiRequest.call(this, 'GET', `${API.reviews}/reviews/{reviewId}`, { params: { reviewId }, itemIndex: i });
	});
}
