import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requiredLocatorValue } from '../../../shared/parameters';
import { smartRecruitersApiRequest } from '../../transport';
import { jobRLC } from '../common.descriptions';

const properties: INodeProperties[] = [jobRLC('The job to take off every source')];

export const description = updateDisplayOptions(
	{ show: { resource: ['job'], operation: ['unpublish'] } },
	properties,
);

/** Unpublishes the job from all sources; returns the job. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const jobId = requiredLocatorValue.call(this, 'job', 'Job', itemIndex);
	await smartRecruitersApiRequest.call(this, 'DELETE', '/jobs/{jobId}/publication', {
		params: { jobId },
		itemIndex,
	});
	return await smartRecruitersApiRequest.call(this, 'GET', '/jobs/{jobId}', {
		params: { jobId },
		itemIndex,
	});
}
