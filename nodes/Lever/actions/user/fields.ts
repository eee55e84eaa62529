import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { userOption } from '../common.descriptions';

/** A Lever user's writable fields (lever.md §3.13). Lever sends no invitation when a user is created. */

export const ACCESS_ROLES = [
	{ name: 'Admin', value: 'admin' },
	{ name: 'Interviewer', value: 'interviewer' },
	{ name: 'Limited Team Member', value: 'limited team member' },
	{ name: 'Super Admin', value: 'super admin' },
	{ name: 'Team Member', value: 'team member' },
];

export const accessRoleProperty: INodeProperties = {
	displayName: 'Access Role',
	name: 'accessRole',
	type: 'options',
	options: ACCESS_ROLES,
	default: 'interviewer',
	description: 'What the user may see and do in Lever',
};

export const userFields: INodeProperties[] = [
	{
		displayName: 'External Directory ID',
		name: 'externalDirectoryId',
		type: 'string',
		default: '',
		description: "The user's ID in your directory (e.g. the HRIS or identity provider)",
	},
	{ displayName: 'Job Title', name: 'jobTitle', type: 'string', default: '' },
	userOption('Manager Name or ID', 'managerId', "The user's manager"),
];

/** The fields given, trimmed; empty ones left out. */
export function userBody(fields: IDataObject): IDataObject {
	return Object.fromEntries(
		Object.entries(fields)
			.filter(([, value]) => typeof value === 'string' && value.trim() !== '')
			.map(([key, value]) => [key, (value as string).trim()]),
	);
}
