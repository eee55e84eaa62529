import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requiredLocatorValue } from '../../../shared/parameters';
import { smartRecruitersApiRequest } from '../../transport';
import { jobRLC, positionRLC } from '../common.descriptions';

const properties: INodeProperties[] = [jobRLC('The job the position belongs to'), positionRLC];

export const description = updateDisplayOptions({ show: { resource: ['position'], operation: ['delete'] } }, properties);

/** A position a candidate is already assigned to cannot be deleted (POSITION_ASSIGNED). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const params = {
		jobId: requiredLocatorValue.call(this, 'job', 'Job', itemIndex),
		positionId: requiredLocatorValue.call(this, 'position', 'Position', itemIndex),
	};
	await smartRecruitersApiRequest.call(this, 'DELETE', '/jobs/{jobId}/positions/{positionId}', { params, itemIndex });
	return { ...params, deleted: true };
}
