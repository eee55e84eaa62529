import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { leverApiRequest } from '../../transport';
import { requiredLocatorValue } from '../../../shared/parameters';
import { expandOption, opportunityRLC } from '../common.descriptions';

const properties: INodeProperties[] = [
	opportunityRLC,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [expandOption],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['opportunity'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredLocatorValue.call(this, 'opportunity', 'Opportunity', itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const response = await leverApiRequest.call(this, 'GET', `/opportunities/${encodeURIComponent(id)}`, {
		qs: { expand: options.expand },
		itemIndex,
	});
	return response.data as IDataObject;
}
