import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { listOperation } from '../../../shared/listOperation';
import { requiredLocatorValue } from '../../../shared/parameters';
import { API, smartRecruitersApiRequest } from '../../transport';

/** The interviews of one application; SmartRecruiters returns them in one list (no pages), so Limit cuts it. */
export const { description, execute } = listOperation({
	resource: 'interview',
	properties: [
		{
			displayName: 'Application ID',
			name: 'applicationId',
			type: 'string',
			default: '',
			required: true,
			description:
				'The job application, e.g. the application_id of an application event or the applicationId of Candidate → Get Applications',
		},
	],
	async list(this: IExecuteFunctions, itemIndex: number, limit: number | undefined) {
		const applicationId = requiredLocatorValue.call(
			this,
			'applicationId',
			'Application ID',
			itemIndex,
		);
		const list = await smartRecruitersApiRequest.call(this, 'GET', `${API.interviews}/interviews`, {
			qs: { applicationId },
			itemIndex,
		});
		return ((list.content as IDataObject[] | undefined) ?? []).slice(0, limit);
	},
});
