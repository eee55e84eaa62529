import type { IExecuteFunctions } from 'n8n-workflow';

import { listOperation } from '../../../shared/listOperation';
import { requiredLocatorValue } from '../../../shared/parameters';
import { singlePage } from '../../../shared/transport/pagination';
import { smartRecruitersApiRequestAllItems } from '../../transport';
import { jobRLC } from '../common.descriptions';

export const { description, execute } = listOperation({
	resource: 'job',
	operation: 'getPublications',
	properties: [
		jobRLC('The job whose publications are listed'),
		{
			displayName: 'Include Unpublished',
			name: 'includeUnpublished',
			type: 'boolean',
			default: false,
			description: 'Whether to also list sources the job was taken off',
		},
	],
	/** Where the job is (or was) posted; SmartRecruiters lists them in one response. */
	async list(this: IExecuteFunctions, itemIndex: number, limit: number | undefined) {
		const jobId = requiredLocatorValue.call(this, 'job', 'Job', itemIndex);
		const qs = this.getNodeParameter('includeUnpublished', itemIndex, false)
			? { activeOnly: false }
			: {};
		const publications = await smartRecruitersApiRequestAllItems.call(
			this,
			'/jobs/{jobId}/publication',
			{
				params: { jobId },
				qs,
				pages: singlePage,
				limit,
				itemIndex,
			},
		);
		return publications.map((publication) => ({ jobId, ...publication }));
	},
});
