import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toDate, toList } from '../../shared/parameters';

/**
 * Lever's forms: scorecards (feedback), profile forms (an opportunity's custom fields) and referrals share one shape,
 * `{id, text, baseTemplateId, fields: [{id, type, text, value, options?}], …}`, and are filled in from a template.
 */

export interface FormField {
	id: string;
	type: string;
	text: string;
	required?: boolean;
	options?: Array<{ text: string }>;
	value?: unknown;
	[key: string]: unknown;
}

/**
 * The "Field Values" collection of a form: the field picked from the template's (or form's) fields, and its value.
 * `as` renames it where the values are custom fields of a record (a requisition's "Custom Fields").
 */
export function fieldValuesProperty(
	loadOptionsMethod: string,
	loadOptionsDependsOn: string[],
	valueDescription?: string,
	as: { name: string; displayName: string } = { name: 'fieldValues', displayName: 'Field Values' },
): INodeProperties {
	return {
		displayName: as.displayName,
		name: as.name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: `Add ${as.displayName.replace(/s$/, '')}`,
		default: {},
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Field Name or ID',
						name: 'id',
						type: 'options',
						typeOptions: { loadOptionsMethod, loadOptionsDependsOn },
						default: '',
						description:
							'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description:
							valueDescription ??
							'The answer. Score fields take 1–4; the overall rating takes e.g. "3 - Hire"; yes/no fields take yes or no.',
					},
				],
			},
		],
	};
}

/** The entries of "Field Values" that name a field. */
export function fieldValueEntries(
	this: IExecuteFunctions,
	itemIndex: number,
): Array<{ id: string; value: unknown }> {
	const entries = ((this.getNodeParameter('fieldValues', itemIndex, {}) as IDataObject).field ??
		[]) as Array<{ id?: unknown; value?: unknown }>;
	return entries
		.filter((entry) => String(entry.id ?? '').trim() !== '')
		.map((entry) => ({ id: String(entry.id).trim(), value: entry.value }));
}

/** A form's fields keyed by their label (`text`), for mapping them on the canvas: `customFields["T-shirt size"]`. */
export function valuesByLabel(fields: FormField[]): IDataObject {
	return Object.fromEntries(
		fields
			.filter((field) => field.value !== null && field.value !== undefined)
			.map((field) => [field.text, field.value]),
	) as IDataObject;
}

/**
 * The custom fields of an opportunity's forms, keyed by label; a later form's value wins over an earlier one's (a
 * form filled in again replaces the answers). Forms are taken oldest first.
 */
export function customFieldsOf(forms: IDataObject[]): IDataObject {
	const oldestFirst = [...forms].sort(
		(a, b) => Number(a.createdAt ?? 0) - Number(b.createdAt ?? 0),
	);
	return Object.assign(
		{},
		...oldestFirst.map((form) => valuesByLabel((form.fields ?? []) as FormField[])),
	) as IDataObject;
}

/** The template field a value is for: by ID, else by label (case-insensitive). */
export function templateFieldFor(fields: FormField[], key: string): FormField | undefined {
	const wanted = key.trim().toLowerCase();
	return (
		fields.find((field) => field.id === key.trim()) ??
		fields.find((field) => field.text.trim().toLowerCase() === wanted)
	);
}

/**
 * A value in the form Lever stores for the field's type: dates as epoch milliseconds (from an ISO date too), numbers
 * for currency fields, a list for multiple-select, "yes"/"no" for yes-no. Anything that cannot be read as the type is
 * refused with an error naming the field.
 */
export function typedFieldValue(
	this: IExecuteFunctions,
	field: FormField,
	raw: unknown,
	itemIndex: number,
): unknown {
	const fail = (expected: string) =>
		new NodeOperationError(
			this.getNode(),
			`"Field Values": "${field.text}" expects ${expected}, got ${JSON.stringify(raw)}`,
			{ itemIndex },
		);
	if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === ''))
		return null;
	switch (field.type) {
		case 'date':
			return toDate.call(this, raw, `Field Values: ${field.text}`, itemIndex).getTime();
		case 'currency':
		case 'number':
		case 'score': {
			const number = typeof raw === 'number' ? raw : Number(String(raw).replace(/,/g, '').trim());
			if (!Number.isFinite(number)) throw fail('a number');
			return number;
		}
		case 'yes-no': {
			const text = String(raw).trim().toLowerCase();
			if (['yes', 'true'].includes(text)) return 'yes';
			if (['no', 'false'].includes(text)) return 'no';
			throw fail('yes or no');
		}
		case 'multiple-select':
			return toList(raw);
		case 'dropdown':
		case 'multiple-choice': {
			const text = String(raw).trim();
			const option = (field.options ?? []).find(
				(candidate) => candidate.text.toLowerCase() === text.toLowerCase(),
			);
			if (field.options && !option)
				throw fail(`one of ${field.options.map((candidate) => `"${candidate.text}"`).join(', ')}`);
			return option?.text ?? text;
		}
		default:
			return typeof raw === 'string' ? raw : String(raw);
	}
}
