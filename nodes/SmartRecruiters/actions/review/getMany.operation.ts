import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions';
import { requiredLocatorValue, resultLimit } from '../../../shared/parameters';
import { API, smartRecruitersApiRequest } from '../../transport';
import { candidateRLC, jobRLC } from '../common.descriptions';

const properties: INodeProperties[] = [candidateRLC, jobRLC('The job application whose reviews are read'), ...returnAllAndLimit()];

export const description = updateDisplayOptions({ show: { resource: ['review'], operation: ['getMany'] } }, properties);

/** Reviews (interview feedback) of one application; the Reviews API answers with one bare array (no pages). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const qs = {
		candidateId: requiredLocatorValue.call(this, 'candidate', 'Candidate', itemIndex),
		jobId: requiredLocatorValue.call(this, 'job', 'Job', itemIndex),
	};
	const reviews = (await smartRecruitersApiRequest.call(this, 'GET', `${API.reviews}/reviews`, { qs, itemIndex })) as IDataObject | IDataObject[];
	const list = Array.isArray(reviews) ? reviews : ((reviews.content as IDataObject[] | undefined) ?? []);
	return list.slice(0, resultLimit.call(this, itemIndex));
}
