import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { API, apiRequest } from '../../transport';
import { eachItem, forOperation } from '../common';

export const description: INodeProperties[] = forOperation('interview', 'getMany', [
	{
		displayName: 'Application ID',
		name: 'applicationId',
		type: 'string',
		default: '',
		required: true,
		description: 'The job application, e.g. the application_id of an application event or the applicationId of Candidate → Get Applications',
	},
]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await eachItem.call(this, async (i) => {
		const applicationId = String(this.getNodeParameter('applicationId', i)).trim();
		const list = await apiRequest.call(this, 'GET', `${API.interviews}/interviews`, { qs: { applicationId }, itemIndex: i });
		return (list.content as IDataObject[] | undefined) ?? [];
	});
}
