import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requiredLocatorValue } from '../../../shared/parameters';
import { smartRecruitersApiRequest } from '../../transport';
import { jobRLC, userRLC } from '../common.descriptions';

const properties: INodeProperties[] = [
	jobRLC('The job whose hiring team changes'),
	userRLC('user', 'User', 'The member to remove. Search the list by name or email address.'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['job'], operation: ['removeHiringTeamMember'] } },
	properties,
);

/** SmartRecruiters keeps at least one member on every team (INVALID_HIRING_TEAM_STATE otherwise). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const jobId = requiredLocatorValue.call(this, 'job', 'Job', itemIndex);
	const userId = requiredLocatorValue.call(this, 'user', 'User', itemIndex);
	await smartRecruitersApiRequest.call(this, 'DELETE', '/jobs/{jobId}/hiring-team/{userId}', {
		params: { jobId, userId },
		itemIndex,
	});
	return { jobId, userId, removed: true };
}
