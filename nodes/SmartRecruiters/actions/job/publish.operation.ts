import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requiredLocatorValue } from '../../../shared/parameters';
import { smartRecruitersApiRequest } from '../../transport';
import { jobRLC } from '../common.descriptions';

const properties: INodeProperties[] = [
	jobRLC('The job whose default job ad is published'),
	{
		displayName: 'Visibility',
		name: 'visibility',
		type: 'options',
		options: [
			{ name: 'Internal', value: 'INTERNAL', description: 'Only on internal career pages' },
			{ name: 'Public', value: 'PUBLIC', description: 'On the career site and public sources' },
		],
		default: 'PUBLIC',
	},
	{
		displayName: 'Publish to Free Job Aggregators',
		name: 'aggregators',
		type: 'boolean',
		default: true,
		description: 'Whether to also post the job to free job aggregators',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['job'], operation: ['publish'] } },
	properties,
);

/**
 * The Publish button of SmartRecruiters: the default job ad goes to the company's own sources and, if chosen, free
 * aggregators. Publishing a published job again changes nothing, so the request may be repeated. Returns the job.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const jobId = requiredLocatorValue.call(this, 'job', 'Job', itemIndex);
	const body = {
		visibility: this.getNodeParameter('visibility', itemIndex),
		aggregators: this.getNodeParameter('aggregators', itemIndex),
	};
	await smartRecruitersApiRequest.call(this, 'POST', '/jobs/{jobId}/publication', {
		params: { jobId },
		body,
		itemIndex,
		idempotent: true,
	});
	return await smartRecruitersApiRequest.call(this, 'GET', '/jobs/{jobId}', {
		params: { jobId },
		itemIndex,
	});
}
