import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getApplication } from '../../helpers/lookups';
import { apiRequest } from '../../transport';
import { candidateLocator, eachItem, forOperation, jobLocator, locatorValue, readSourceDetails, sourceFields } from '../common';

export const description: INodeProperties[] = forOperation('candidate', 'setSource', [
	candidateLocator(),
	jobLocator('Job', true, 'The job application whose source changes'),
	...sourceFields(true),
]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await eachItem.call(this, async (i) => {
		const candidateId = locatorValue.call(this, 'candidateId', i);
		const jobId = locatorValue.call(this, 'jobId', i);
		const body = readSourceDetails.call(this, i);
		if (!body) throw new NodeOperationError(this.getNode(), '"Source Type" and "Source" are empty', { itemIndex: i });
		await apiRequest.call(this, 'PUT', '/candidates/{id}/jobs/{jobId}/source', { params: { id: candidateId, jobId }, body, itemIndex: i });
		return await getApplication.call(this, candidateId, jobId, i);
	});
}
