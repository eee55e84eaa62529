import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requiredLocatorValue } from '../../../shared/parameters';
import { API, smartRecruitersApiRequest } from '../../transport';
import { userRLC } from '../common.descriptions';

const properties: INodeProperties[] = [userRLC()];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const userId = requiredLocatorValue.call(this, 'user', 'User', itemIndex);
	return await smartRecruitersApiRequest.call(this, 'GET', `${API.users}/users/{userId}`, { params: { userId }, itemIndex });
}
