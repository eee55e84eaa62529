import type { IExecuteFunctions } from 'n8n-workflow';

import { listOperation } from '../../../shared/listOperation';
import { requiredLocatorValue } from '../../../shared/parameters';
import { singlePage } from '../../../shared/transport/pagination';
import { smartRecruitersApiRequestAllItems } from '../../transport';
import { jobRLC } from '../common.descriptions';

export const { description, execute } = listOperation({
	resource: 'position',
	operation: 'getMany',
	properties: [jobRLC('The job whose positions are listed')],
	/** The positions (headcount) of a job; SmartRecruiters lists them in one response. */
	async list(this: IExecuteFunctions, itemIndex: number, limit: number | undefined) {
		const jobId = requiredLocatorValue.call(this, 'job', 'Job', itemIndex);
		const positions = await smartRecruitersApiRequestAllItems.call(
			this,
			'/jobs/{jobId}/positions',
			{ params: { jobId }, pages: singlePage, limit, itemIndex },
		);
		return positions.map((position) => ({ jobId, ...position }));
	},
});
