import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { listOperation } from '../../../shared/listOperation';
import { applicationOf } from '../../helpers/application';
import { API, smartRecruitersApiRequest } from '../../transport';
import { applicationProperties } from '../common.descriptions';

/** Reviews (interview feedback) of one application; the Reviews API answers with one bare array (no pages). */
export const { description, execute } = listOperation({
	resource: 'review',
	properties: applicationProperties('The job application whose reviews are read'),
	async list(this: IExecuteFunctions, itemIndex: number, limit: number | undefined) {
		const qs = applicationOf.call(this, itemIndex);
		const reviews = (await smartRecruitersApiRequest.call(this, 'GET', `${API.reviews}/reviews`, {
			qs,
			itemIndex,
		})) as IDataObject | IDataObject[];
		const list = Array.isArray(reviews)
			? reviews
			: ((reviews.content as IDataObject[] | undefined) ?? []);
		return list.slice(0, limit);
	},
});
