import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { apiRequest } from '../../transport';
import { eachItem, forOperation, jobLocator, locatorValue } from '../common';

export const description: INodeProperties[] = forOperation('job', 'getHiringTeam', [jobLocator()]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await eachItem.call(this, async (i) => {
		const jobId = locatorValue.call(this, 'jobId', i);
		const team = await apiRequest.call(this, 'GET', '/jobs/{jobId}/hiring-team', { params: { jobId }, itemIndex: i });
		return ((team.content as IDataObject[] | undefined) ?? []).map((member) => ({ jobId, ...member }));
	});
}
