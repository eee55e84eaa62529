import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { jobIdsOf } from '../../helpers/candidate';
import { getApplication, getCandidate } from '../../helpers/lookups';
import { candidateLocator, eachItem, forOperation, locatorValue } from '../common';

export const description: INodeProperties[] = forOperation('candidate', 'getApplications', [candidateLocator()]);

/** One item per job application: the candidate's primary and secondary assignments, each read in full. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await eachItem.call(this, async (i) => {
		const candidateId = locatorValue.call(this, 'candidateId', i);
		const candidate = await getCandidate.call(this, candidateId, i);
		const applications = [];
		for (const jobId of jobIdsOf(candidate)) applications.push({ jobId, ...(await getApplication.call(this, candidateId, jobId, i)) });
		return applications;
	});
}
