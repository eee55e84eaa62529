import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { API, apiRequest } from '../../transport';
import { eachItem, forOperation } from '../common';

export const description: INodeProperties[] = forOperation('interview', 'get', [
	{ displayName: 'Interview ID', name: 'interviewId', type: 'string', default: '', required: true },
]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await eachItem.call(this, async (i) => {
		const interviewId = String(this.getNodeParameter('interviewId', i)).trim();
		return await apiRequest.call(this, 'GET', `${API.interviews}/interviews/{interviewId}`, { params: { interviewId }, itemIndex: i });
	});
}
