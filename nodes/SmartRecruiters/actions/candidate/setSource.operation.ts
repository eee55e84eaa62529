import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { requiredLocatorValue } from '../../../shared/parameters';
import { getApplication } from '../../helpers/lookups';
import { readSourceDetails } from '../../helpers/source';
import { smartRecruitersApiRequest } from '../../transport';
import { candidateRLC, jobRLC, sourceFields } from '../common.descriptions';

const properties: INodeProperties[] = [
	candidateRLC,
	jobRLC('The job application whose source changes'),
	...sourceFields(true),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['candidate'], operation: ['setSource'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const candidateId = requiredLocatorValue.call(this, 'candidate', 'Candidate', itemIndex);
	const jobId = requiredLocatorValue.call(this, 'job', 'Job', itemIndex);
	const body = readSourceDetails.call(this, itemIndex);
	if (!body)
		throw new NodeOperationError(this.getNode(), '"Source Type" and "Source" are empty', {
			itemIndex,
		});
	await smartRecruitersApiRequest.call(
		this,
		'PUT',
		'/candidates/{candidateId}/jobs/{jobId}/source',
		{
			params: { candidateId, jobId },
			body,
			itemIndex,
		},
	);
	return await getApplication.call(this, candidateId, jobId, itemIndex);
}
