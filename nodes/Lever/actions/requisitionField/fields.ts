import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toList } from '../../../shared/parameters';

/**
 * Requisition fields (lever.md §3.11): the account's custom fields of requisitions. IDs are snake_case (at most 50
 * characters); a dropdown has options, an object field up to 10 subfields.
 */

export const FIELD_TYPES = [
	{ name: 'Date', value: 'date' },
	{ name: 'Dropdown', value: 'dropdown' },
	{ name: 'Number', value: 'number' },
	{ name: 'Object (Subfields)', value: 'object' },
	{ name: 'Text', value: 'text' },
];

export const optionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'dropdownOptions',
	type: 'string',
	typeOptions: { rows: 3 },
	default: '',
	description:
		"A dropdown's choices, one per line or comma-separated. On update the list replaces the field's options.",
};

export const subfieldsProperty: INodeProperties = {
	displayName: 'Subfields',
	name: 'subfields',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Subfield',
	default: {},
	description: 'The parts of an object field (at most 10)',
	options: [
		{
			displayName: 'Subfield',
			name: 'subfield',
			values: [
				{ displayName: 'ID', name: 'id', type: 'string', default: '', placeholder: 'e.g. min' },
				{ displayName: 'Name', name: 'text', type: 'string', default: '' },
				{
					displayName: 'Type',
					name: 'type',
					type: 'options',
					options: FIELD_TYPES.filter((type) => type.value !== 'object'),
					default: 'text',
				},
			],
		},
	],
};

/** Lever's ID rule for requisition fields, checked before sending so the error names the field. */
export function assertFieldId(this: IExecuteFunctions, id: string, itemIndex: number): void {
	if (!/^[a-z0-9]+(_[a-z0-9]+)*$/.test(id) || id.length > 50) {
		throw new NodeOperationError(
			this.getNode(),
			`"ID" must be snake_case (lower-case letters, digits, underscores), at most 50 characters: "${id}"`,
			{
				itemIndex,
			},
		);
	}
}

/**
 * `options` and `subfields` in Lever's form. Dropdown options keep the IDs of `current` options with the same text,
 * so renaming the list does not orphan values already chosen.
 */
export function choicesBody(
	fields: IDataObject,
	type: string,
	current: IDataObject = {},
): IDataObject {
	const body: IDataObject = {};
	if (type === 'dropdown' && fields.dropdownOptions !== undefined) {
		const known = ((current.options ?? []) as IDataObject[]).map((option) => ({ ...option }));
		body.options = toList(fields.dropdownOptions).map((text) => {
			const same = known.find((option) => String(option.text).toLowerCase() === text.toLowerCase());
			return same?.id ? { id: same.id, text } : { text };
		});
	}
	if (type === 'object' && fields.subfields !== undefined) {
		const entries = ((fields.subfields as IDataObject).subfield ?? []) as IDataObject[];
		body.subfields = entries.map((entry) => ({
			id: String(entry.id ?? '').trim(),
			text: String(entry.text ?? '').trim(),
			type: entry.type,
		}));
	}
	return body;
}
