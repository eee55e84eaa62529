import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { fieldsCollection } from '../../../shared/descriptions';
import { listOperation } from '../../../shared/listOperation';
import { toDate } from '../../../shared/parameters';
import { offsetPages } from '../../../shared/transport/pagination';
import { API, smartRecruitersApiRequestAllItems } from '../../transport';

export const { description, execute } = listOperation({
	resource: 'user',
	operation: 'getMany',
	properties: [
		fieldsCollection('filters', [
			{
				displayName: 'Search',
				name: 'q',
				type: 'string',
				default: '',
				description: 'Users whose name or email contains this text (at least 3 characters)',
			},
			{ displayName: 'Updated After', name: 'updatedAfter', type: 'dateTime', default: '' },
		]),
	],
	/** The company's users, e.g. to pick hiring team members or interviewers; SmartRecruiters pages them by offset. */
	async list(this: IExecuteFunctions, itemIndex: number, limit: number | undefined) {
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const qs: IDataObject = {};
		const q = String(filters.q ?? '').trim();
		if (q && q.length < 3)
			throw new NodeOperationError(
				this.getNode(),
				`"Search" needs at least 3 characters, got "${q}"`,
				{ itemIndex },
			);
		if (q) qs.q = q;
		if (filters.updatedAfter)
			qs.updatedAfter = toDate
				.call(this, filters.updatedAfter, 'Updated After', itemIndex)
				.toISOString();
		return await smartRecruitersApiRequestAllItems.call(this, `${API.users}/users`, {
			qs,
			pages: offsetPages,
			limit,
			itemIndex,
		});
	},
});
