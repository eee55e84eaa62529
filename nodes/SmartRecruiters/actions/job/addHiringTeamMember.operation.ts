import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { requiredLocatorValue } from '../../../shared/parameters';
import { HIRING_TEAM_ROLES } from '../../helpers/constants';
import { smartRecruitersApiRequest } from '../../transport';
import { jobRLC, userRLC } from '../common.descriptions';

const properties: INodeProperties[] = [
	jobRLC('The job whose hiring team changes'),
	userRLC('user', 'User', 'The user to add. Search the list by name or email address.'),
	{
		displayName: 'Role',
		name: 'role',
		type: 'options',
		options: HIRING_TEAM_ROLES,
		default: 'INTERVIEW_TEAM',
		description: "The member's role; a company's own role name can be given by expression",
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['job'], operation: ['addHiringTeamMember'] } },
	properties,
);

/** A user already on the team (SmartRecruiters answers 409) is what the item asks for: that member is the result. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const jobId = requiredLocatorValue.call(this, 'job', 'Job', itemIndex);
	const userId = requiredLocatorValue.call(this, 'user', 'User', itemIndex);
	const role = String(this.getNodeParameter('role', itemIndex, '')).trim();
	if (!role) throw new NodeOperationError(this.getNode(), '"Role" is empty', { itemIndex });
	const params = { jobId };
	// Adding twice answers 409, so a repeated request after a lost response cannot add anyone twice.
	const response = await smartRecruitersApiRequest.call(this, 'POST', '/jobs/{jobId}/hiring-team', {
		params,
		body: { id: userId, role },
		itemIndex,
		idempotent: true,
		acceptStatus: [409],
	});
	if (response.id !== undefined) return { jobId, ...response };
	const team = await smartRecruitersApiRequest.call(this, 'GET', '/jobs/{jobId}/hiring-team', {
		params,
		itemIndex,
	});
	const member = ((team.content as IDataObject[] | undefined) ?? []).find(
		(entry) => entry.id === userId,
	);
	return { jobId, ...member, alreadyExisted: true };
}
