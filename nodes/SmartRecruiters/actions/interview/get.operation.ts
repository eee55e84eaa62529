import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requiredLocatorValue } from '../../../shared/parameters';
import { API, smartRecruitersApiRequest } from '../../transport';

const properties: INodeProperties[] = [{ displayName: 'Interview ID', name: 'interviewId', type: 'string', default: '', required: true }];

export const description = updateDisplayOptions({ show: { resource: ['interview'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const interviewId = requiredLocatorValue.call(this, 'interviewId', 'Interview ID', itemIndex);
	return await smartRecruitersApiRequest.call(this, 'GET', `${API.interviews}/interviews/{interviewId}`, { params: { interviewId }, itemIndex });
}
