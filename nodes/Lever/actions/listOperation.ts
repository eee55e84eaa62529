import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requiredLocatorValue, resultLimit } from '../../shared/parameters';
import { leverApiRequestAllItems } from '../transport';
import { opportunityRLC } from './common.descriptions';
import type { AtsOperation } from '../../shared/router';
import { operationProperty, returnAllAndLimit } from '../../shared/descriptions';

interface ListSpec {
	resource: string;
	/** Endpoint, with `:opportunity` for lists that belong to one opportunity. */
	endpoint: string;
	/** Extra filter parameters and how they become query parameters. */
	filters?: INodeProperties[];
	query?: (this: IExecuteFunctions, itemIndex: number) => IDataObject;
}

/** A "Get Many" over one Lever list endpoint, with Return All / Limit over Lever's `next` pagination. */
export function listOperation(spec: ListSpec): AtsOperation {
	const perOpportunity = spec.endpoint.includes(':opportunity');
	return {
		description: updateDisplayOptions({ show: { resource: [spec.resource], operation: ['getMany'] } }, [
			...(perOpportunity ? [opportunityRLC] : []),
			...returnAllAndLimit(),
			...(spec.filters ?? []),
		]),
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
			const endpoint = perOpportunity
				? spec.endpoint.replace(
						':opportunity',
						encodeURIComponent(requiredLocatorValue.call(this, 'opportunity', 'Opportunity', itemIndex)),
					)
				: spec.endpoint;
			const qs = spec.query?.call(this, itemIndex) ?? {};
			return await leverApiRequestAllItems.call(this, endpoint, { qs, limit: resultLimit.call(this, itemIndex) });
		},
	};
}

/** The Operation selector of a resource that only lists. */
export function getManyOnly(resource: string, noun: string, operation: AtsOperation): INodeProperties[] {
	return [
		operationProperty(resource, 'getMany', [{ name: 'Get Many', value: 'getMany', description: `List ${noun}`, action: `Get many ${noun}` }]),
		...operation.description,
	];
}
