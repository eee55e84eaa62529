import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * A pay range: a posting's `salaryRange` and a requisition's `compensationBand` are the same
 * `{min, max, currency, interval}` (lever.md §3.9, §3.12), with Lever's salary intervals.
 */

const INTERVALS = [
	{ name: 'Bi-Monthly Salary', value: 'bi-month-salary' },
	{ name: 'Bi-Weekly Salary', value: 'bi-week-salary' },
	{ name: 'Daily Wage', value: 'per-day-wage' },
	{ name: 'Hourly Wage', value: 'per-hour-wage' },
	{ name: 'Monthly Salary', value: 'per-month-salary' },
	{ name: 'One-Time', value: 'one-time' },
	{ name: 'Semi-Monthly Salary', value: 'semi-month-salary' },
	{ name: 'Weekly Salary', value: 'per-week-salary' },
	{ name: 'Yearly Salary', value: 'per-year-salary' },
];

type Prefix = 'salary' | 'compensation';
const label = (prefix: Prefix) => (prefix === 'salary' ? 'Salary' : 'Compensation');

/** The range's four fields for an "Additional Fields" / "Update Fields" collection: `<prefix>Min` … `<prefix>Interval`. */
export function payRangeProperties(prefix: Prefix): INodeProperties[] {
	return [
		{
			displayName: `${label(prefix)} Currency`,
			name: `${prefix}Currency`,
			type: 'string',
			default: '',
			placeholder: 'EUR',
		},
		{
			displayName: `${label(prefix)} Interval`,
			name: `${prefix}Interval`,
			type: 'options',
			options: INTERVALS,
			default: 'per-year-salary',
			description: 'Yearly unless given',
		},
		{ displayName: `${label(prefix)} Maximum`, name: `${prefix}Max`, type: 'number', default: 0 },
		{ displayName: `${label(prefix)} Minimum`, name: `${prefix}Min`, type: 'number', default: 0 },
	];
}

/**
 * The range the fields given make, over `current` (Lever takes the whole range): yearly unless said otherwise; a
 * missing currency or a minimum above the maximum is refused naming the field. Undefined when no field is given.
 */
export function payRangeOf(
	this: IExecuteFunctions,
	fields: IDataObject,
	prefix: Prefix,
	current: unknown,
	itemIndex: number,
): IDataObject | undefined {
	const parts: Record<string, string> = {
		Min: 'min',
		Max: 'max',
		Currency: 'currency',
		Interval: 'interval',
	};
	const given = Object.keys(parts).filter(
		(part) => fields[`${prefix}${part}`] !== undefined && fields[`${prefix}${part}`] !== '',
	);
	if (given.length === 0) return undefined;
	const range: IDataObject = {
		interval: 'per-year-salary',
		...((current as IDataObject | null | undefined) ?? {}),
	};
	for (const part of given) range[parts[part]] = fields[`${prefix}${part}`];
	const fail = (message: string) => new NodeOperationError(this.getNode(), message, { itemIndex });
	if (!range.currency)
		throw fail(
			`"${label(prefix)} Currency" is empty: Lever needs it with a ${prefix === 'salary' ? 'salary range' : 'compensation band'}`,
		);
	if (range.min !== undefined && range.max !== undefined && Number(range.min) > Number(range.max)) {
		throw fail(`"${label(prefix)} Minimum" is above "${label(prefix)} Maximum"`);
	}
	return range;
}
