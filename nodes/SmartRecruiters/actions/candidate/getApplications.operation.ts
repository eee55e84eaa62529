import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requiredLocatorValue } from '../../../shared/parameters';
import { jobIdsOf } from '../../helpers/candidate';
import { getApplication, getCandidate } from '../../helpers/lookups';
import { candidateRLC } from '../common.descriptions';

const properties: INodeProperties[] = [candidateRLC];

export const description = updateDisplayOptions(
	{ show: { resource: ['candidate'], operation: ['getApplications'] } },
	properties,
);

/** One item per job application: the candidate's primary and secondary assignments, each read in full. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const candidateId = requiredLocatorValue.call(this, 'candidate', 'Candidate', itemIndex);
	const candidate = await getCandidate.call(this, candidateId, itemIndex);
	const applications: IDataObject[] = [];
	for (const jobId of jobIdsOf(candidate))
		applications.push({
			jobId,
			...(await getApplication.call(this, candidateId, jobId, itemIndex)),
		});
	return applications;
}
