import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { apiRequest } from '../../transport';
import { candidateLocator, eachItem, forOperation, jobLocator, locatorValue } from '../common';

export const description: INodeProperties[] = forOperation('candidate', 'getStatusHistory', [candidateLocator(), jobLocator()]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await eachItem.call(this, async (i) => {
		const params = { id: locatorValue.call(this, 'candidateId', i), jobId: locatorValue.call(this, 'jobId', i) };
		const history = await apiRequest.call(this, 'GET', '/candidates/{id}/jobs/{jobId}/status/history', { params, itemIndex: i });
		return ((history.content as IDataObject[] | undefined) ?? []).map((entry) => ({ candidateId: params.id, jobId: params.jobId, ...entry }));
	});
}
