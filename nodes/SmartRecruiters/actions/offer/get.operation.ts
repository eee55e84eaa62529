import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requiredLocatorValue } from '../../../shared/parameters';
import { smartRecruitersApiRequest } from '../../transport';
import { candidateRLC, jobRLC } from '../common.descriptions';

const properties: INodeProperties[] = [
	candidateRLC,
	jobRLC('The job application the offer belongs to'),
	{ displayName: 'Offer ID', name: 'offerId', type: 'string', default: '', required: true },
];

export const description = updateDisplayOptions({ show: { resource: ['offer'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const params = {
		candidateId: requiredLocatorValue.call(this, 'candidate', 'Candidate', itemIndex),
		jobId: requiredLocatorValue.call(this, 'job', 'Job', itemIndex),
		offerId: requiredLocatorValue.call(this, 'offerId', 'Offer ID', itemIndex),
	};
	return await smartRecruitersApiRequest.call(this, 'GET', '/candidates/{candidateId}/jobs/{jobId}/offers/{offerId}', { params, itemIndex });
}
