import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions';
import { requiredLocatorValue, resultLimit } from '../../../shared/parameters';
import { API, smartRecruitersApiRequest } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Application ID',
		name: 'applicationId',
		type: 'string',
		default: '',
		required: true,
		description: 'The job application, e.g. the application_id of an application event or the applicationId of Candidate → Get Applications',
	},
	...returnAllAndLimit(),
];

export const description = updateDisplayOptions({ show: { resource: ['interview'], operation: ['getMany'] } }, properties);

/** The interviews of one application; SmartRecruiters returns them in one list (no pages), so Limit cuts it. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const applicationId = requiredLocatorValue.call(this, 'applicationId', 'Application ID', itemIndex);
	const list = await smartRecruitersApiRequest.call(this, 'GET', `${API.interviews}/interviews`, { qs: { applicationId }, itemIndex });
	return ((list.content as IDataObject[] | undefined) ?? []).slice(0, resultLimit.call(this, itemIndex));
}
