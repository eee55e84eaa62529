import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requiredLocatorValue } from '../../../shared/parameters';
import { createOnce } from '../../../shared/upsert';
import { leverApiRequest, leverApiRequestAllItems } from '../../transport';
import { accessRoleProperty, userBody, userFields } from './fields';
import { fieldsCollection } from '../../../shared/descriptions';

const properties: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '' },
	{
		displayName: 'Email',
		name: 'userEmail',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
	},
	accessRoleProperty,
	fieldsCollection('additionalFields', userFields),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['create'] } },
	properties,
);

/** `POST /users`: Lever sends no invitation. An email belongs to one user, so a lost create is found by it. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const email = requiredLocatorValue.call(this, 'userEmail', 'Email', itemIndex);
	const body = userBody({
		...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
		name: requiredLocatorValue.call(this, 'name', 'Name', itemIndex),
		email,
		accessRole: this.getNodeParameter('accessRole', itemIndex, 'interviewer'),
	});
	return await createOnce(
		async (confirmNotApplied) =>
			(await leverApiRequest.call(this, 'POST', '/users', { body, confirmNotApplied, itemIndex }))
				.data as IDataObject,
		async () =>
			(
				await leverApiRequestAllItems.call(this, '/users', {
					qs: { email, includeDeactivated: true },
					itemIndex,
				})
			)[0],
	);
}
