import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { fieldsCollection } from '../../../shared/descriptions';
import { updateFieldsOf } from '../../../shared/parameters';

import { leverApiRequest } from '../../transport';
import { recordParams, recordProperties } from '../recordOperation';
import { USER } from '../records';
import { accessRoleProperty, userBody, userFields } from './fields';

const properties: INodeProperties[] = [
	...recordProperties(USER),
	fieldsCollection('updateFields', [
		accessRoleProperty,
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
		},
		...userFields,
		{ displayName: 'Name', name: 'name', type: 'string', default: '' },
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['update'] } },
	properties,
);

const WRITABLE = ['name', 'email', 'accessRole', 'externalDirectoryId', 'jobTitle', 'managerId'];

/** Lever's `PUT /users/:id` replaces the user (name, email and access role required): changes apply to what Lever has. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const params = recordParams.call(this, USER, itemIndex);
	const changes = userBody(updateFieldsOf.call(this, itemIndex));
	const current = (await leverApiRequest.call(this, 'GET', USER.route, { params, itemIndex }))
		.data as IDataObject;
	const kept = Object.fromEntries(
		WRITABLE.filter((key) => current[key] !== null && current[key] !== undefined).map((key) => [
			key,
			current[key],
		]),
	);
	return (
		await leverApiRequest.call(this, 'PUT', USER.route, {
			params,
			body: { ...kept, ...changes },
			itemIndex,
		})
	).data as IDataObject;
}
