import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { JOB_STATUSES } from '../../helpers/constants';
import { apiRequestAllPages } from '../../transport';
import { eachItem, forOperation, resultLimit } from '../common';
import { returnAllAndLimit } from '../../../shared/descriptions';

export const description: INodeProperties[] = forOperation('job', 'getMany', [
	...returnAllAndLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'multiOptions',
				options: JOB_STATUSES,
				default: [],
				description: 'Only jobs in one of these statuses (e.g. only Sourcing jobs)',
			},
			{ displayName: 'Title Contains', name: 'q', type: 'string', default: '' },
			{ displayName: 'Updated After', name: 'updatedAfter', type: 'dateTime', default: '' },
		],
	},
]);

/**
 * Jobs page by `pageId`, which SmartRecruiters only honours with `sort=job_id`. The API filters by one status per
 * request, so a whitelist of several statuses is one paged query per status.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await eachItem.call(this, async (i) => {
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const statuses = (filters.statuses as string[] | undefined) ?? [];
		const qs: IDataObject = { sort: 'job_id' };
		if (filters.q) qs.q = filters.q;
		if (filters.updatedAfter) qs.updatedAfter = new Date(filters.updatedAfter as string).toISOString();
		const limit = resultLimit.call(this, i);
		const jobs: IDataObject[] = [];
		for (const status of statuses.length > 0 ? statuses : [undefined]) {
			const remaining = limit === undefined ? undefined : limit - jobs.length;
			if (remaining === 0) break;
			jobs.push(...(await apiRequestAllPages.call(this, '/jobs', { qs: status ? { ...qs, status } : qs, limit: remaining, itemIndex: i })));
		}
		return jobs;
	});
}
