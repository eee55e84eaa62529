import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requiredLocatorValue } from '../../../shared/parameters';
import { leverApiRequest } from '../../transport';
import { postingRLC } from '../common.descriptions';

const properties: INodeProperties[] = [{ ...postingRLC, required: true }];

export const description = updateDisplayOptions(
	{ show: { resource: ['posting'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredLocatorValue.call(this, 'posting', 'Posting', itemIndex);
	return (
		await leverApiRequest.call(this, 'GET', `/postings/${encodeURIComponent(id)}`, { itemIndex })
	).data as IDataObject;
}
