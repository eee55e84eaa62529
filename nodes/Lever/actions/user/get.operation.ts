import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requiredLocatorValue } from '../../../shared/parameters';
import { leverApiRequest } from '../../transport';
import { userRLC } from '../common.descriptions';

const properties: INodeProperties[] = [{ ...userRLC('user', 'User', 'The Lever user'), required: true }];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredLocatorValue.call(this, 'user', 'User', itemIndex);
	return (await leverApiRequest.call(this, 'GET', `/users/${encodeURIComponent(id)}`, { itemIndex })).data as IDataObject;
}
