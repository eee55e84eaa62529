import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requiredLocatorValue } from '../../../shared/parameters';
import { JOB_STATUSES } from '../../helpers/constants';
import { smartRecruitersApiRequest } from '../../transport';
import { jobRLC } from '../common.descriptions';

const properties: INodeProperties[] = [
	jobRLC('The job whose status changes'),
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: JOB_STATUSES,
		default: 'SOURCING',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['job'], operation: ['setStatus'] } },
	properties,
);

/** Returns the job as it is after the change. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const jobId = requiredLocatorValue.call(this, 'job', 'Job', itemIndex);
	const status = String(this.getNodeParameter('status', itemIndex));
	await smartRecruitersApiRequest.call(this, 'PUT', '/jobs/{jobId}/status', {
		params: { jobId },
		body: { status },
		itemIndex,
	});
	return await smartRecruitersApiRequest.call(this, 'GET', '/jobs/{jobId}', {
		params: { jobId },
		itemIndex,
	});
}
