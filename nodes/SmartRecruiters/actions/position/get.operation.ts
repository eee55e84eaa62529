import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requiredLocatorValue } from '../../../shared/parameters';
import { smartRecruitersApiRequest } from '../../transport';
import { jobRLC, positionRLC } from '../common.descriptions';

const properties: INodeProperties[] = [jobRLC('The job the position belongs to'), positionRLC];

export const description = updateDisplayOptions({ show: { resource: ['position'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const params = {
		jobId: requiredLocatorValue.call(this, 'job', 'Job', itemIndex),
		positionId: requiredLocatorValue.call(this, 'position', 'Position', itemIndex),
	};
	return { jobId: params.jobId, ...(await smartRecruitersApiRequest.call(this, 'GET', '/jobs/{jobId}/positions/{positionId}', { params, itemIndex })) };
}
