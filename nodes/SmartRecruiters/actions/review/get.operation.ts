import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requiredLocatorValue } from '../../../shared/parameters';
import { API, smartRecruitersApiRequest } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Review ID',
		name: 'reviewId',
		type: 'string',
		default: '',
		required: true,
		description: 'E.g. the review_id of a review.created event.',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['review'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const reviewId = requiredLocatorValue.call(this, 'reviewId', 'Review ID', itemIndex);
	return await smartRecruitersApiRequest.call(this, 'GET', `${API.reviews}/reviews/{reviewId}`, { params: { reviewId }, itemIndex });
}
