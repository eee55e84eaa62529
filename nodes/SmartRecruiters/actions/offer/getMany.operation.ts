import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { apiRequest } from '../../transport';
import { candidateLocator, eachItem, forOperation, jobLocator, locatorValue } from '../common';

export const description: INodeProperties[] = forOperation('offer', 'getMany', [candidateLocator(), jobLocator()]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await eachItem.call(this, async (i) => {
		const params = { id: locatorValue.call(this, 'candidateId', i), jobId: locatorValue.call(this, 'jobId', i) };
		const offers = await apiRequest.call(this, 'GET', '/candidates/{id}/jobs/{jobId}/offers', { params, itemIndex: i });
		return (offers.content as IDataObject[] | undefined) ?? [];
	});
}
