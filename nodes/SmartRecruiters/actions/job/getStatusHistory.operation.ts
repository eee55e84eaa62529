import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requiredLocatorValue } from '../../../shared/parameters';
import { smartRecruitersApiRequest } from '../../transport';
import { jobRLC } from '../common.descriptions';

const properties: INodeProperties[] = [jobRLC('The job whose status history is read')];

export const description = updateDisplayOptions(
	{ show: { resource: ['job'], operation: ['getStatusHistory'] } },
	properties,
);

/** One item per status change, oldest first as SmartRecruiters lists them. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const jobId = requiredLocatorValue.call(this, 'job', 'Job', itemIndex);
	const history = await smartRecruitersApiRequest.call(
		this,
		'GET',
		'/jobs/{jobId}/status/history',
		{ params: { jobId }, itemIndex },
	);
	return ((history.content as IDataObject[] | undefined) ?? []).map((entry) => ({
		jobId,
		...entry,
	}));
}
