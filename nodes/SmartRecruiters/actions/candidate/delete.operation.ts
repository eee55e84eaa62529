import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requiredLocatorValue } from '../../../shared/parameters';
import { smartRecruitersApiRequest } from '../../transport';
import { candidateRLC } from '../common.descriptions';

const properties: INodeProperties[] = [candidateRLC];

export const description = updateDisplayOptions(
	{ show: { resource: ['candidate'], operation: ['delete'] } },
	properties,
);

/** Deletes the candidate with all job applications, e.g. to erase someone's data on request (GDPR); it cannot be undone. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const candidateId = requiredLocatorValue.call(this, 'candidate', 'Candidate', itemIndex);
	await smartRecruitersApiRequest.call(this, 'DELETE', '/candidates/{candidateId}', {
		params: { candidateId },
		itemIndex,
	});
	return { candidateId, deleted: true };
}
