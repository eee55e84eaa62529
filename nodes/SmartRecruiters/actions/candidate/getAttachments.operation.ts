import type { IExecuteFunctions } from 'n8n-workflow';

import { listOperation } from '../../../shared/listOperation';
import { singlePage } from '../../../shared/transport/pagination';
import { applicationOf } from '../../helpers/application';
import { smartRecruitersApiRequestAllItems } from '../../transport';
import { applicationProperties } from '../common.descriptions';

export const { description, execute } = listOperation({
	resource: 'candidate',
	operation: 'getAttachments',
	properties: applicationProperties('The job application whose files are listed'),
	/** The files of one application (résumé, cover letter, others); SmartRecruiters lists them in one response. */
	async list(this: IExecuteFunctions, itemIndex: number, limit: number | undefined) {
		const { candidateId, jobId } = applicationOf.call(this, itemIndex);
		const attachments = await smartRecruitersApiRequestAllItems.call(
			this,
			'/candidates/{candidateId}/jobs/{jobId}/attachments',
			{
				params: { candidateId, jobId },
				pages: singlePage,
				limit,
				itemIndex,
			},
		);
		return attachments.map((attachment) => ({ candidateId, jobId, ...attachment }));
	},
});
