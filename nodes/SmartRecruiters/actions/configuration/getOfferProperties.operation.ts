import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { listOperation } from '../../../shared/listOperation';
import { smartRecruitersApiRequest } from '../../transport';

export const { description, execute } = listOperation({
	resource: 'configuration',
	operation: 'getOfferProperties',
	/**
	 * One item per offer property, with its category: the keys an offer's `properties` use (e.g. startDate), which
	 * Offer → Get Many returns by key. SmartRecruiters groups them by category in one response.
	 */
	async list(this: IExecuteFunctions, itemIndex: number, limit: number | undefined) {
		const response = await smartRecruitersApiRequest.call(
			this,
			'GET',
			'/configuration/offer-properties',
			{ itemIndex },
		);
		const categories = (response.categories as IDataObject[] | undefined) ?? [];
		const properties = categories.flatMap((category) =>
			((category.properties as IDataObject[] | undefined) ?? []).map((property) => ({
				category: category.id,
				...property,
			})),
		);
		return properties.slice(0, limit);
	},
});
