import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { listOutput } from '../../shared/listOutput';
import { resultLimit, toDate } from '../../shared/parameters';
import { leverApiRequestAllItems } from '../transport';
import { opportunityParams, opportunityRLC } from './common.descriptions';
import type { AtsOperation } from '../../shared/router';
import { operationProperty, returnAllAndLimit } from '../../shared/descriptions';

interface ListSpec {
	resource: string;
	/** Route, with `{opportunity}` for lists that belong to one opportunity. */
	endpoint: string;
	/** Extra filter parameters and how they become query parameters. */
	filters?: INodeProperties[];
	query?: (this: IExecuteFunctions, itemIndex: number) => IDataObject;
	/** An "Output" choice (nodes/shared/listOutput.ts): the records, or the input item with them and their summary. */
	output?: { property: INodeProperties; summary: (records: IDataObject[]) => IDataObject };
}

/** A "Get Many" over one Lever list endpoint, with Return All / Limit over Lever's `next` pagination. */
export function listOperation(spec: ListSpec): AtsOperation {
	const perOpportunity = spec.endpoint.includes('{opportunity}');
	return {
		description: updateDisplayOptions({ show: { resource: [spec.resource], operation: ['getMany'] } }, [
			...(perOpportunity ? [opportunityRLC] : []),
			...returnAllAndLimit(),
			...(spec.filters ?? []),
			...(spec.output ? [spec.output.property] : []),
		]),
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
			const params = perOpportunity ? opportunityParams.call(this, itemIndex) : {};
			const qs = spec.query?.call(this, itemIndex) ?? {};
			const records = await leverApiRequestAllItems.call(this, spec.endpoint, { params, qs, limit: resultLimit.call(this, itemIndex), itemIndex });
			return spec.output ? listOutput.call(this, itemIndex, records, spec.output.summary) : records;
		},
	};
}

/** Files and resumes: Lever's `uploaded_at_start` filter as "Uploaded Since". */
export const uploadedSinceFilter: Pick<ListSpec, 'filters' | 'query'> = {
	filters: [
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [{ displayName: 'Uploaded Since', name: 'uploadedSince', type: 'dateTime', default: '' }],
		},
	],
	query(this: IExecuteFunctions, itemIndex: number): IDataObject {
		const { uploadedSince } = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		return uploadedSince ? { uploaded_at_start: toDate.call(this, uploadedSince, 'Uploaded Since', itemIndex).getTime() } : {};
	},
};

/** The Operation selector of a resource that only lists. */
export function getManyOnly(resource: string, noun: string, operation: AtsOperation): INodeProperties[] {
	return [
		operationProperty(resource, 'getMany', [{ name: 'Get Many', value: 'getMany', description: `List ${noun}`, action: `Get many ${noun}` }]),
		...operation.description,
	];
}
