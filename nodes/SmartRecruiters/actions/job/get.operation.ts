import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { apiRequest } from '../../transport';
import { eachItem, forOperation, jobLocator, locatorValue } from '../common';

export const description: INodeProperties[] = forOperation('job', 'get', [jobLocator()]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await eachItem.call(
		this,
		async (i) => await apiRequest.call(this, 'GET', '/jobs/{jobId}', { params: { jobId: locatorValue.call(this, 'jobId', i) }, itemIndex: i }),
	);
}
