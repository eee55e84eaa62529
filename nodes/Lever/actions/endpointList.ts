import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ListOperationSpec } from '../../shared/listOperation';
import { listOperation } from '../../shared/listOperation';
import { toDate } from '../../shared/parameters';
import type { AtsOperation } from '../../shared/router';
import { fieldsCollection, operationProperty } from '../../shared/descriptions';
import { leverApiRequestAllItems } from '../transport';
import { opportunityParams, opportunityRLC } from './common.descriptions';

interface EndpointListSpec extends Pick<ListOperationSpec, 'resource' | 'filters' | 'output'> {
	/** Route, with `{opportunity}` for lists that belong to one opportunity. */
	endpoint: string;
	/** How the filters become query parameters. */
	query?: (this: IExecuteFunctions, itemIndex: number) => IDataObject;
}

/** A "Get Many" over one Lever list endpoint, with Return All / Limit over Lever's `next` pagination. */
export function endpointList(spec: EndpointListSpec): AtsOperation {
	const perOpportunity = spec.endpoint.includes('{opportunity}');
	return listOperation({
		resource: spec.resource,
		properties: perOpportunity ? [opportunityRLC] : [],
		filters: spec.filters,
		output: spec.output,
		async list(this: IExecuteFunctions, itemIndex: number, limit: number | undefined) {
			const params = perOpportunity ? opportunityParams.call(this, itemIndex) : {};
			const qs = spec.query?.call(this, itemIndex) ?? {};
			return await leverApiRequestAllItems.call(this, spec.endpoint, {
				params,
				qs,
				limit,
				itemIndex,
			});
		},
	});
}

/** Files and resumes: Lever's `uploaded_at_start` filter as "Uploaded Since". */
export const uploadedSinceFilter: Pick<EndpointListSpec, 'filters' | 'query'> = {
	filters: [
		fieldsCollection('filters', [
			{ displayName: 'Uploaded Since', name: 'uploadedSince', type: 'dateTime', default: '' },
		]),
	],
	query(this: IExecuteFunctions, itemIndex: number): IDataObject {
		const { uploadedSince } = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		return uploadedSince
			? {
					uploaded_at_start: toDate
						.call(this, uploadedSince, 'Uploaded Since', itemIndex)
						.getTime(),
				}
			: {};
	},
};

/** The Operation selector of a resource that only lists. */
export function getManyOnly(
	resource: string,
	noun: string,
	operation: AtsOperation,
): INodeProperties[] {
	return [
		operationProperty(resource, 'getMany', [
			{
				name: 'Get Many',
				value: 'getMany',
				description: `List ${noun}`,
				action: `Get many ${noun}`,
			},
		]),
		...operation.description,
	];
}
