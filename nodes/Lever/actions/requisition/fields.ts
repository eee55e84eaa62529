import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toDate, toList } from '../../../shared/parameters';
import { fieldValuesProperty } from '../../helpers/forms';
import { payRangeOf, payRangeProperties } from '../../helpers/payRange';
import { leverApiRequestAllItems } from '../../transport';
import { userOption } from '../common.descriptions';

/**
 * A requisition's writable fields (lever.md §3.12) and their wire form. Custom fields are keyed by the requisition
 * field's ID and validated by Lever against `/requisition_fields`; dates go as epoch milliseconds.
 */

export const REQUISITION_STATUSES = [
	{ name: 'Closed', value: 'closed' },
	{ name: 'Draft', value: 'draft' },
	{ name: 'On Hold', value: 'onHold' },
	{ name: 'Open', value: 'open' },
];

export const headcountProperty: INodeProperties = {
	displayName: 'Headcount',
	name: 'headcountTotal',
	type: 'string',
	default: '1',
	description: 'How many people to hire: a number, or "unlimited"',
};

/** The optional fields, sorted by name (an "Additional Fields" / "Update Fields" collection). */
export const requisitionFields: INodeProperties[] = [
	{
		displayName: 'Backfill',
		name: 'backfill',
		type: 'boolean',
		default: false,
		description: 'Whether the hire replaces someone who left',
	},
	...payRangeProperties('compensation'),
	fieldValuesProperty(
		'getRequisitionFields',
		[],
		'Text, a number, a date, or the option of a dropdown field',
		{ name: 'customFields', displayName: 'Custom Fields' },
	),
	{ displayName: 'Department', name: 'department', type: 'string', default: '' },
	{
		displayName: 'Employment Status',
		name: 'employmentStatus',
		type: 'options',
		options: [
			{ name: 'Contractor', value: 'contractor' },
			{ name: 'Full-Time', value: 'full-time' },
			{ name: 'Intern', value: 'intern' },
			{ name: 'Part-Time', value: 'part-time' },
			{ name: 'Temporary Worker', value: 'temp-worker' },
		],
		default: 'full-time',
	},
	userOption('Hiring Manager Name or ID', 'hiringManager', 'The hiring manager'),
	{
		displayName: 'Internal Notes',
		name: 'internalNotes',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
	},
	{ displayName: 'Location', name: 'location', type: 'string', default: '' },
	userOption('Owner Name or ID', 'owner', 'The requisition owner'),
	{
		displayName: 'Posting IDs',
		name: 'postingIds',
		type: 'string',
		default: '',
		description: 'Postings that hire for this requisition, comma-separated',
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: REQUISITION_STATUSES,
		default: 'open',
		description: 'A requisition cannot go back to Draft',
	},
	{ displayName: 'Team', name: 'team', type: 'string', default: '' },
];

/** "unlimited", or a whole number of at least 1; the error names the field. */
export function headcount(
	this: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
): number | string {
	const text = String(value ?? '')
		.trim()
		.toLowerCase();
	if (text === 'unlimited') return 'unlimited';
	if (!/^\d+$/.test(text) || Number(text) < 1) {
		throw new NodeOperationError(
			this.getNode(),
			`"Headcount" must be a whole number of at least 1, or "unlimited": ${JSON.stringify(value)}`,
			{ itemIndex },
		);
	}
	return Number(text);
}

/** Custom field values in the form their requisition field's type takes (numbers, dates as epoch milliseconds). */
async function customFieldValues(
	this: IExecuteFunctions,
	entries: Array<{ id?: unknown; value?: unknown }>,
	itemIndex: number,
): Promise<IDataObject> {
	const given = entries.filter((entry) => String(entry.id ?? '').trim() !== '');
	if (given.length === 0) return {};
	const definitions = await leverApiRequestAllItems.call(this, '/requisition_fields', {
		itemIndex,
	});
	const values: IDataObject = {};
	for (const entry of given) {
		const id = String(entry.id).trim();
		const definition = definitions.find((field) => field.id === id);
		if (!definition)
			throw new NodeOperationError(
				this.getNode(),
				`"Custom Fields": "${id}" is not a requisition field of this Lever account`,
				{ itemIndex },
			);
		if (definition.type === 'number') {
			const number = Number(entry.value);
			if (!Number.isFinite(number))
				throw new NodeOperationError(
					this.getNode(),
					`"Custom Fields": "${String(definition.text)}" expects a number`,
					{ itemIndex },
				);
			values[id] = number;
		} else if (definition.type === 'date') {
			values[id] = toDate
				.call(this, entry.value, `Custom Fields: ${String(definition.text)}`, itemIndex)
				.getTime();
		} else {
			values[id] =
				typeof entry.value === 'string' ? entry.value.trim() : (entry.value as IDataObject);
		}
	}
	return values;
}

/** The wire body for the fields given, merged over `current` where Lever's write replaces the whole requisition. */
export async function requisitionBody(
	this: IExecuteFunctions,
	fields: IDataObject,
	itemIndex: number,
	current: IDataObject = {},
): Promise<IDataObject> {
	const body: IDataObject = {};
	for (const key of [
		'name',
		'requisitionCode',
		'employmentStatus',
		'hiringManager',
		'owner',
		'internalNotes',
		'location',
		'status',
		'team',
		'department',
	]) {
		if (typeof fields[key] === 'string' && (fields[key] as string).trim() !== '')
			body[key] = (fields[key] as string).trim();
	}
	if (fields.backfill !== undefined) body.backfill = fields.backfill === true;
	if (fields.headcountTotal !== undefined && fields.headcountTotal !== '')
		body.headcountTotal = headcount.call(this, fields.headcountTotal, itemIndex);
	if (fields.postingIds !== undefined) body.postingIds = toList(fields.postingIds);
	const compensationBand = payRangeOf.call(
		this,
		fields,
		'compensation',
		current.compensationBand,
		itemIndex,
	);
	if (compensationBand) body.compensationBand = compensationBand;
	const entries = ((fields.customFields as IDataObject | undefined)?.field ?? []) as Array<{
		id?: unknown;
		value?: unknown;
	}>;
	const customFields = await customFieldValues.call(this, entries, itemIndex);
	if (Object.keys(customFields).length > 0)
		body.customFields = {
			...((current.customFields as IDataObject | undefined) ?? {}),
			...customFields,
		};
	return body;
}

/** What of a requisition Lever returned can be written back: a PUT replaces the whole requisition. */
export function writableRequisition(requisition: IDataObject): IDataObject {
	const keys = [
		'name',
		'requisitionCode',
		'headcountTotal',
		'backfill',
		'compensationBand',
		'customFields',
		'employmentStatus',
		'hiringManager',
		'internalNotes',
		'location',
		'owner',
		'status',
		'team',
		'department',
	];
	const body = Object.fromEntries(
		keys
			.filter((key) => requisition[key] !== undefined && requisition[key] !== null)
			.map((key) => [key, requisition[key]]),
	);
	if (requisition.headcountInfinite === true) body.headcountTotal = 'unlimited';
	// ⚠ Lever's docs name these owner and postings; a sandbox recording shows ownerUserId and postingIds: both are read.
	if (body.owner === undefined && typeof requisition.ownerUserId === 'string')
		body.owner = requisition.ownerUserId;
	const postings = requisition.postings ?? requisition.postingIds;
	if (Array.isArray(postings)) body.postingIds = postings;
	return body;
}
