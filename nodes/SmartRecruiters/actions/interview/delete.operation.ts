import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requiredLocatorValue } from '../../../shared/parameters';
import { API, smartRecruitersApiRequest } from '../../transport';

const properties: INodeProperties[] = [{ displayName: 'Interview ID', name: 'interviewId', type: 'string', default: '', required: true }];

export const description = updateDisplayOptions({ show: { resource: ['interview'], operation: ['delete'] } }, properties);

/** Cancels the interview: SmartRecruiters deletes it with its time slots. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const interviewId = requiredLocatorValue.call(this, 'interviewId', 'Interview ID', itemIndex);
	await smartRecruitersApiRequest.call(this, 'DELETE', `${API.interviews}/interviews/{interviewId}`, { params: { interviewId }, itemIndex });
	return { interviewId, deleted: true };
}
