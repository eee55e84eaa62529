import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { API, apiRequest } from '../../transport';
import { candidateLocator, eachItem, forOperation, jobLocator, locatorValue } from '../common';

export const description: INodeProperties[] = forOperation('review', 'getMany', [candidateLocator(), jobLocator()]);

/** Reviews (interview feedback) of one application; the Reviews API answers with a bare array. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await eachItem.call(this, async (i) => {
		const qs = { candidateId: locatorValue.call(this, 'candidateId', i), jobId: locatorValue.call(this, 'jobId', i) };
		const reviews = ((await apiRequest.call(this, 'GET', `${API.reviews}/reviews`, { qs, itemIndex: i })) as IDataObject[] | IDataObject);
		return Array.isArray(reviews) ? reviews : ((reviews.content as IDataObject[] | undefined) ?? []);
	});
}
