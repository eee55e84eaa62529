import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { sameEmail } from '../../../shared/candidate';
import { fieldsCollection } from '../../../shared/descriptions';
import { toList, updateFieldsOf } from '../../../shared/parameters';
import type { LeverPhone } from '../../helpers/profile';
import { leverApiRequest } from '../../transport';
import { phonesProperty } from '../common.descriptions';
import { recordParams, recordProperties } from '../recordOperation';
import { CONTACT } from '../records';

const properties: INodeProperties[] = [
	...recordProperties(CONTACT),
	fieldsCollection('updateFields', [
		{
			displayName: 'Emails',
			name: 'emails',
			type: 'string',
			default: '',
			description: 'Email addresses, comma-separated or one per line',
		},
		{ displayName: 'Headline', name: 'headline', type: 'string', default: '' },
		{ displayName: 'Location', name: 'location', type: 'string', default: '' },
		{ displayName: 'Name', name: 'name', type: 'string', default: '' },
		phonesProperty,
	]),
	{
		displayName: 'Emails and Phones',
		name: 'listMode',
		type: 'options',
		options: [
			{ name: 'Add to the Existing Ones', value: 'add' },
			{ name: 'Replace the Existing Ones', value: 'replace' },
		],
		default: 'add',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['contact'], operation: ['update'] } },
	properties,
);

const digits = (phone: LeverPhone) => phone.value.replace(/[^\d+]/g, '');

/**
 * Lever's `PUT /contacts/:id` replaces the whole contact (name, headline, location, emails, phones), so the fields
 * given are applied to the contact as Lever has it. The change shows on every opportunity of the person.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const params = recordParams.call(this, CONTACT, itemIndex);
	const fields = updateFieldsOf.call(this, itemIndex);
	const replace = this.getNodeParameter('listMode', itemIndex, 'add') === 'replace';
	const emails = fields.emails !== undefined ? toList(fields.emails) : undefined;
	const phones =
		fields.phones !== undefined
			? (((fields.phones as IDataObject).phone ?? []) as LeverPhone[]).filter((phone) =>
					String(phone.value ?? '').trim(),
				)
			: undefined;
	const text = (key: string) =>
		typeof fields[key] === 'string' ? (fields[key] as string).trim() : undefined;
	const current = (await leverApiRequest.call(this, 'GET', CONTACT.route, { params, itemIndex }))
		.data as IDataObject;
	const currentEmails = (current.emails ?? []) as string[];
	const currentPhones = (current.phones ?? []) as LeverPhone[];
	const body: IDataObject = {
		name: text('name') ?? current.name,
		headline: text('headline') ?? current.headline ?? '',
		// GET answers the location as {name}; PUT takes the text.
		location: text('location') ?? (current.location as IDataObject | null)?.name ?? '',
		emails:
			emails === undefined
				? currentEmails
				: replace
					? emails
					: [
							...currentEmails,
							...emails.filter((email) => !currentEmails.some((known) => sameEmail(known, email))),
						],
		phones:
			phones === undefined
				? currentPhones
				: replace
					? phones
					: [
							...currentPhones,
							...phones.filter(
								(phone) => !currentPhones.some((known) => digits(known) === digits(phone)),
							),
						],
	};
	return (await leverApiRequest.call(this, 'PUT', CONTACT.route, { params, body, itemIndex }))
		.data as IDataObject;
}
