import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listOperation } from '../../../shared/listOperation';
import type { AtsOperation } from '../../../shared/router';
import type { PageStyle } from '../../../shared/transport/pagination';
import { singlePage } from '../../../shared/transport/pagination';
import { smartRecruitersApiRequestAllItems } from '../../transport';

interface ConfigurationListSpec {
	operation: string;
	route: string;
	properties?: INodeProperties[];
	/** Route parameters and query from the item's parameters (their errors name the field). */
	request?(
		this: IExecuteFunctions,
		itemIndex: number,
	): { params?: Record<string, string>; qs?: IDataObject };
	/** How the list pages; most configuration lists come in one response. */
	pages?: PageStyle;
}

/** A Configuration → "Get …" operation: one item per entry of a SmartRecruiters configuration list. */
export function configurationList(spec: ConfigurationListSpec): AtsOperation {
	return listOperation({
		resource: 'configuration',
		operation: spec.operation,
		properties: spec.properties,
		async list(this: IExecuteFunctions, itemIndex: number, limit: number | undefined) {
			const request = spec.request?.call(this, itemIndex) ?? {};
			return await smartRecruitersApiRequestAllItems.call(this, spec.route, {
				...request,
				pages: spec.pages ?? singlePage,
				limit,
				itemIndex,
			});
		},
	});
}
