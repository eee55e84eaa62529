import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { sameEmail } from '../../../shared/candidate';
import { toList } from '../../../shared/parameters';
import type { LeverPhone } from '../../helpers/profile';
import { leverApiRequest } from '../../transport';
import { recordParams, recordProperties } from '../recordOperation';
import { CONTACT } from '../records';

const properties: INodeProperties[] = [
	...recordProperties(CONTACT),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Emails', name: 'emails', type: 'string', default: '', description: 'Email addresses, comma-separated or one per line' },
			{ displayName: 'Headline', name: 'headline', type: 'string', default: '' },
			{ displayName: 'Location', name: 'location', type: 'string', default: '' },
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			{
				displayName: 'Phones',
				name: 'phones',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Add Phone',
				default: {},
				options: [
					{
						displayName: 'Phone',
						name: 'phone',
						values: [
							{ displayName: 'Number', name: 'value', type: 'string', default: '' },
							{
								displayName: 'Type',
								name: 'type',
								type: 'options',
								options: [
									{ name: 'Home', value: 'home' },
									{ name: 'Mobile', value: 'mobile' },
									{ name: 'Other', value: 'other' },
									{ name: 'Skype', value: 'skype' },
									{ name: 'Work', value: 'work' },
								],
								default: 'mobile',
							},
						],
					},
				],
			},
		],
	},
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

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['update'] } }, properties);

const digits = (phone: LeverPhone) => phone.value.replace(/[^\d+]/g, '');

/**
 * Lever's `PUT /contacts/:id` replaces the whole contact (name, headline, location, emails, phones), so the fields
 * given are applied to the contact as Lever has it. The change shows on every opportunity of the person.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const params = recordParams.call(this, CONTACT, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const replace = this.getNodeParameter('listMode', itemIndex, 'add') === 'replace';
	const emails = fields.emails !== undefined ? toList(fields.emails) : undefined;
	const phones = fields.phones !== undefined ? (((fields.phones as IDataObject).phone ?? []) as LeverPhone[]).filter((phone) => String(phone.value ?? '').trim()) : undefined;
	const text = (key: string) => (typeof fields[key] === 'string' && (fields[key] as string).trim() !== '' ? (fields[key] as string).trim() : undefined);
	if (![text('name'), text('headline'), text('location'), emails, phones].some((value) => value !== undefined)) {
		throw new NodeOperationError(this.getNode(), '"Update Fields" is empty: add the fields to change', { itemIndex });
	}
	const current = (await leverApiRequest.call(this, 'GET', CONTACT.route, { params, itemIndex })).data as IDataObject;
	const currentEmails = (current.emails ?? []) as string[];
	const currentPhones = (current.phones ?? []) as LeverPhone[];
	const body: IDataObject = {
		name: text('name') ?? current.name,
		headline: text('headline') ?? current.headline ?? '',
		// GET answers the location as {name}; PUT takes the text.
		location: text('location') ?? (current.location as IDataObject | null)?.name ?? '',
		emails:
			emails === undefined ? currentEmails : replace ? emails : [...currentEmails, ...emails.filter((email) => !currentEmails.some((known) => sameEmail(known, email)))],
		phones:
			phones === undefined ? currentPhones : replace ? phones : [...currentPhones, ...phones.filter((phone) => !currentPhones.some((known) => digits(known) === digits(phone)))],
	};
	return (await leverApiRequest.call(this, 'PUT', CONTACT.route, { params, body, itemIndex })).data as IDataObject;
}
