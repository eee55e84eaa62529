import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { locatorValue, requiredLocatorValue } from '../../../shared/parameters';
import { leverApiRequest } from '../../transport';
import { opportunityRLC, performAsRLC } from '../common.descriptions';

const properties: INodeProperties[] = [opportunityRLC, performAsRLC];

export const description = updateDisplayOptions(
	{ show: { resource: ['opportunity'], operation: ['unarchive'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredLocatorValue.call(this, 'opportunity', 'Opportunity', itemIndex);
	// Lever unarchives with `reason: null`.
	const response = await leverApiRequest.call(
		this,
		'PUT',
		`/opportunities/${encodeURIComponent(id)}/archived`,
		{
			body: { reason: null },
			performAs: locatorValue.call(this, 'performAs', itemIndex),
			itemIndex,
		},
	);
	return response.data as IDataObject;
}
