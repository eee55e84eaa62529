import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { fieldsCollection } from '../../../shared/descriptions';
import { listOperation } from '../../../shared/listOperation';
import { toDate, toList } from '../../../shared/parameters';
import { JOB_STATUSES } from '../../helpers/constants';
import { smartRecruitersApiRequestAllItems } from '../../transport';

/**
 * Jobs page by `pageId`, which SmartRecruiters only honours with `sort=job_id`. The API filters by one status per
 * request, so a whitelist of several statuses is one paged query per status.
 */
export const { description, execute } = listOperation({
	resource: 'job',
	filters: [
		fieldsCollection('filters', [
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
		]),
	],
	async list(this: IExecuteFunctions, itemIndex: number, limit: number | undefined) {
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const statuses = toList(filters.statuses);
		const qs: IDataObject = { sort: 'job_id' };
		if (filters.q) qs.q = filters.q;
		if (filters.updatedAfter)
			qs.updatedAfter = toDate
				.call(this, filters.updatedAfter, 'Updated After', itemIndex)
				.toISOString();
		const jobs: IDataObject[] = [];
		for (const status of statuses.length > 0 ? statuses : [undefined]) {
			const remaining = limit === undefined ? undefined : limit - jobs.length;
			if (remaining === 0) break;
			const query = status ? { ...qs, status } : qs;
			jobs.push(
				...(await smartRecruitersApiRequestAllItems.call(this, '/jobs', {
					qs: query,
					limit: remaining,
					itemIndex,
				})),
			);
		}
		return jobs;
	},
});
