import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toDate, toList } from '../../../shared/parameters';
import { leverApiRequestAllItems } from '../../transport';

/**
 * A requisition's writable fields (lever.md §3.12) and their wire form. Custom fields are keyed by the requisition
 * field's ID and validated by Lever against `/requisition_fields`; dates go as epoch milliseconds.
 */

const user = (displayName: string, name: string): INodeProperties => ({
	displayName,
	name,
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getUsers' },
	default: '',
	description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
});

export const headcountProperty: INodeProperties = {
	displayName: 'Headcount',
	name: 'headcountTotal',
	type: 'string',
	default: '1',
	description: 'How many people to hire: a number, or "unlimited"',
};

/** The optional fields, sorted by name (an "Additional Fields" / "Update Fields" collection). */
export const requisitionFields: INodeProperties[] = [
	{ displayName: 'Backfill', name: 'backfill', type: 'boolean', default: false, description: 'Whether the hire replaces someone who left' },
	{ displayName: 'Compensation Currency', name: 'compensationCurrency', type: 'string', default: '', placeholder: 'EUR' },
	{
		displayName: 'Compensation Interval',
		name: 'compensationInterval',
		type: 'options',
		options: [
			{ name: 'Hourly', value: 'per-hour-wage' },
			{ name: 'Monthly', value: 'per-month-salary' },
			{ name: 'One-Time', value: 'one-time' },
			{ name: 'Yearly', value: 'per-year-salary' },
		],
		default: 'per-year-salary',
		description: 'Yearly unless given',
	},
	{ displayName: 'Compensation Maximum', name: 'compensationMax', type: 'number', default: 0 },
	{ displayName: 'Compensation Minimum', name: 'compensationMin', type: 'number', default: 0 },
	{
		displayName: 'Custom Fields',
		name: 'customFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Custom Field',
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
						typeOptions: { loadOptionsMethod: 'getRequisitionFields' },
						default: '',
						description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'Text, a number, a date, or the option of a dropdown field',
					},
				],
			},
		],
	},
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
	user('Hiring Manager Name or ID', 'hiringManager'),
	{ displayName: 'Internal Notes', name: 'internalNotes', type: 'string', typeOptions: { rows: 3 }, default: '' },
	{ displayName: 'Location', name: 'location', type: 'string', default: '' },
	user('Owner Name or ID', 'owner'),
	{ displayName: 'Posting IDs', name: 'postingIds', type: 'string', default: '', description: 'Postings that hire for this requisition, comma-separated' },
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'Closed', value: 'closed' },
			{ name: 'Draft', value: 'draft' },
			{ name: 'On Hold', value: 'onHold' },
			{ name: 'Open', value: 'open' },
		],
		default: 'open',
		description: 'A requisition cannot go back to Draft',
	},
	{ displayName: 'Team', name: 'team', type: 'string', default: '' },
];

const COMPENSATION: Record<string, string> = {
	compensationMin: 'min',
	compensationMax: 'max',
	compensationCurrency: 'currency',
	compensationInterval: 'interval',
};

/** "unlimited", or a whole number of at least 1; the error names the field. */
export function headcount(this: IExecuteFunctions, value: unknown, itemIndex: number): number | string {
	const text = String(value ?? '').trim().toLowerCase();
	if (text === 'unlimited') return 'unlimited';
	if (!/^\d+$/.test(text) || Number(text) < 1) {
		throw new NodeOperationError(this.getNode(), `"Headcount" must be a whole number of at least 1, or "unlimited": ${JSON.stringify(value)}`, { itemIndex });
	}
	return Number(text);
}

/** Custom field values in the form their requisition field's type takes (numbers, dates as epoch milliseconds). */
async function customFieldValues(this: IExecuteFunctions, entries: Array<{ id?: unknown; value?: unknown }>, itemIndex: number): Promise<IDataObject> {
	const given = entries.filter((entry) => String(entry.id ?? '').trim() !== '');
	if (given.length === 0) return {};
	const definitions = await leverApiRequestAllItems.call(this, '/requisition_fields', { itemIndex });
	const values: IDataObject = {};
	for (const entry of given) {
		const id = String(entry.id).trim();
		const definition = definitions.find((field) => field.id === id);
		if (!definition) throw new NodeOperationError(this.getNode(), `"Custom Fields": "${id}" is not a requisition field of this Lever account`, { itemIndex });
		if (definition.type === 'number') {
			const number = Number(entry.value);
			if (!Number.isFinite(number)) throw new NodeOperationError(this.getNode(), `"Custom Fields": "${String(definition.text)}" expects a number`, { itemIndex });
			values[id] = number;
		} else if (definition.type === 'date') {
			values[id] = toDate.call(this, entry.value, `Custom Fields: ${String(definition.text)}`, itemIndex).getTime();
		} else {
			values[id] = typeof entry.value === 'string' ? entry.value.trim() : (entry.value as IDataObject);
		}
	}
	return values;
}

/** The wire body for the fields given, merged over `current` where Lever's write replaces the whole requisition. */
export async function requisitionBody(this: IExecuteFunctions, fields: IDataObject, itemIndex: number, current: IDataObject = {}): Promise<IDataObject> {
	const body: IDataObject = {};
	for (const key of ['name', 'requisitionCode', 'employmentStatus', 'hiringManager', 'owner', 'internalNotes', 'location', 'status', 'team', 'department']) {
		if (typeof fields[key] === 'string' && (fields[key] as string).trim() !== '') body[key] = (fields[key] as string).trim();
	}
	if (fields.backfill !== undefined) body.backfill = fields.backfill === true;
	if (fields.headcountTotal !== undefined && fields.headcountTotal !== '') body.headcountTotal = headcount.call(this, fields.headcountTotal, itemIndex);
	if (fields.postingIds !== undefined) body.postingIds = toList(fields.postingIds);
	const compensation = Object.keys(COMPENSATION).filter((key) => fields[key] !== undefined && fields[key] !== '');
	if (compensation.length > 0) {
		// Lever takes a whole band: yearly unless said otherwise, and a currency.
		const band: IDataObject = { interval: 'per-year-salary', ...((current.compensationBand as IDataObject | null) ?? {}) };
		for (const key of compensation) band[COMPENSATION[key]] = fields[key];
		if (!band.currency) throw new NodeOperationError(this.getNode(), '"Compensation Currency" is empty: Lever needs it with a compensation band', { itemIndex });
		body.compensationBand = band;
	}
	const entries = ((fields.customFields as IDataObject | undefined)?.field ?? []) as Array<{ id?: unknown; value?: unknown }>;
	const customFields = await customFieldValues.call(this, entries, itemIndex);
	if (Object.keys(customFields).length > 0) body.customFields = { ...((current.customFields as IDataObject | undefined) ?? {}), ...customFields };
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
	const body = Object.fromEntries(keys.filter((key) => requisition[key] !== undefined && requisition[key] !== null).map((key) => [key, requisition[key]]));
	if (requisition.headcountInfinite === true) body.headcountTotal = 'unlimited';
	if (Array.isArray(requisition.postings)) body.postingIds = requisition.postings;
	return body;
}
