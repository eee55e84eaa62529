import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requiredLocatorValue } from '../../../shared/parameters';
import { smartRecruitersApiRequest } from '../../transport';
import { jobRLC } from '../common.descriptions';

const properties: INodeProperties[] = [jobRLC('The job whose note is read')];

export const description = updateDisplayOptions(
	{ show: { resource: ['job'], operation: ['getNote'] } },
	properties,
);

/**
 * The job's internal note. SmartRecruiters answers 404 both for a job without a note and for a job it cannot find:
 * the job is read then, and a job that exists has an empty note.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const jobId = requiredLocatorValue.call(this, 'job', 'Job', itemIndex);
	const params = { jobId };
	const note = await smartRecruitersApiRequest.call(this, 'GET', '/jobs/{jobId}/note', {
		params,
		itemIndex,
		acceptStatus: [404],
	});
	if (typeof note.content === 'string') return { jobId, content: note.content };
	await smartRecruitersApiRequest.call(this, 'GET', '/jobs/{jobId}', { params, itemIndex });
	return { jobId, content: '' };
}
