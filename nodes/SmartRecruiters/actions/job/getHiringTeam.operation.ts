import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requiredLocatorValue } from '../../../shared/parameters';
import { smartRecruitersApiRequest } from '../../transport';
import { jobRLC } from '../common.descriptions';

const properties: INodeProperties[] = [jobRLC()];

export const description = updateDisplayOptions(
	{ show: { resource: ['job'], operation: ['getHiringTeam'] } },
	properties,
);

/** One item per member of the job's hiring team. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const jobId = requiredLocatorValue.call(this, 'job', 'Job', itemIndex);
	const team = await smartRecruitersApiRequest.call(this, 'GET', '/jobs/{jobId}/hiring-team', {
		params: { jobId },
		itemIndex,
	});
	return ((team.content as IDataObject[] | undefined) ?? []).map((member) => ({
		jobId,
		...member,
	}));
}
