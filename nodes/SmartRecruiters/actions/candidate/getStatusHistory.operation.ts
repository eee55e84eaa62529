import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requiredLocatorValue } from '../../../shared/parameters';
import { smartRecruitersApiRequest } from '../../transport';
import { candidateRLC, jobRLC } from '../common.descriptions';

const properties: INodeProperties[] = [
	candidateRLC,
	jobRLC('The job application whose status history is read'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['candidate'], operation: ['getStatusHistory'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const candidateId = requiredLocatorValue.call(this, 'candidate', 'Candidate', itemIndex);
	const jobId = requiredLocatorValue.call(this, 'job', 'Job', itemIndex);
	const history = await smartRecruitersApiRequest.call(
		this,
		'GET',
		'/candidates/{candidateId}/jobs/{jobId}/status/history',
		{
			params: { candidateId, jobId },
			itemIndex,
		},
	);
	return ((history.content as IDataObject[] | undefined) ?? []).map((entry) => ({
		candidateId,
		jobId,
		...entry,
	}));
}
