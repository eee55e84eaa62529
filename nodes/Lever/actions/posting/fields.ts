import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toList } from '../../../shared/parameters';

/**
 * A posting's writable fields (lever.md §3.9) as the node offers them, and their wire form. Content is HTML limited
 * to Lever's allow-list (div, p, span, br, b, i, s, u, a, ul/ol/li). Lever takes the closing text as
 * `closingPostingHtml` and returns it as `closingHtml`.
 */

const user = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getUsers' },
	default: '',
	description: `${description}. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
});

const STATES = [
	{ name: 'Closed', value: 'closed' },
	{ name: 'Draft', value: 'draft' },
	{ name: 'Internal (Unlisted)', value: 'internal' },
	{ name: 'Pending', value: 'pending' },
	{ name: 'Published', value: 'published' },
];

/** Every optional field of a posting, sorted by name (an "Additional Fields" / "Update Fields" collection). */
export const postingFields: INodeProperties[] = [
	{
		displayName: 'Closing (HTML)',
		name: 'closingHtml',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'Text after the lists, e.g. an equal-opportunity statement',
	},
	{ displayName: 'Commitment', name: 'commitment', type: 'string', default: '', placeholder: 'e.g. Full-time' },
	{ displayName: 'Department', name: 'department', type: 'string', default: '' },
	{ displayName: 'Description (HTML)', name: 'descriptionHtml', type: 'string', typeOptions: { rows: 5 }, default: '' },
	{
		displayName: 'Distribution Channels',
		name: 'distributionChannels',
		type: 'multiOptions',
		options: [
			{ name: 'Internal Job Site', value: 'internal' },
			{ name: 'Public Job Site', value: 'public' },
		],
		default: [],
		description: 'Where a published posting is listed',
	},
	user('Hiring Manager Name or ID', 'hiringManager', 'The hiring manager'),
	{
		displayName: 'Lists',
		name: 'lists',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add List',
		default: {},
		options: [
			{
				displayName: 'List',
				name: 'list',
				values: [
					{ displayName: 'Title', name: 'text', type: 'string', default: '', placeholder: 'e.g. Requirements' },
					{ displayName: 'Items (HTML)', name: 'content', type: 'string', typeOptions: { rows: 3 }, default: '', placeholder: '<li>Go</li><li>SQL</li>' },
				],
			},
		],
	},
	{ displayName: 'Location', name: 'location', type: 'string', default: '' },
	user('Owner Name or ID', 'owner', 'The posting owner. Empty on create: the Perform As user'),
	{
		displayName: 'Requisition Codes',
		name: 'requisitionCodes',
		type: 'string',
		default: '',
		description: 'Codes of the requisitions the posting hires for, comma-separated',
	},
	{ displayName: 'Salary Currency', name: 'salaryCurrency', type: 'string', default: '', placeholder: 'EUR' },
	{ displayName: 'Salary Description (HTML)', name: 'salaryDescriptionHtml', type: 'string', default: '' },
	{
		displayName: 'Salary Interval',
		name: 'salaryInterval',
		type: 'options',
		options: [
			{ name: 'Bi-Weekly Salary', value: 'bi-week-salary' },
			{ name: 'Daily Wage', value: 'per-day-wage' },
			{ name: 'Hourly Wage', value: 'per-hour-wage' },
			{ name: 'Monthly Salary', value: 'per-month-salary' },
			{ name: 'One-Time', value: 'one-time' },
			{ name: 'Weekly Salary', value: 'per-week-salary' },
			{ name: 'Yearly Salary', value: 'per-year-salary' },
		],
		default: 'per-year-salary',
		description: 'Yearly unless given',
	},
	{ displayName: 'Salary Maximum', name: 'salaryMax', type: 'number', default: 0 },
	{ displayName: 'Salary Minimum', name: 'salaryMin', type: 'number', default: 0 },
	{ displayName: 'State', name: 'state', type: 'options', options: STATES, default: 'draft', description: 'Lever makes new postings drafts' },
	{ displayName: 'Tags', name: 'tags', type: 'string', default: '', description: 'Comma-separated' },
	{ displayName: 'Team', name: 'team', type: 'string', default: '' },
	{
		displayName: 'Workplace Type',
		name: 'workplaceType',
		type: 'options',
		options: [
			{ name: 'Hybrid', value: 'hybrid' },
			{ name: 'On-Site', value: 'onsite' },
			{ name: 'Remote', value: 'remote' },
			{ name: 'Unspecified', value: 'unspecified' },
		],
		default: 'unspecified',
	},
];

const CATEGORY_FIELDS = ['team', 'department', 'location', 'commitment'];
const SALARY_FIELDS: Record<string, string> = { salaryMin: 'min', salaryMax: 'max', salaryCurrency: 'currency', salaryInterval: 'interval' };

/**
 * The wire body for the fields given, nested objects merged over `current` (an update sends whole `categories`,
 * `content` and `salaryRange` objects, so the parts not given are kept).
 */
export function postingBody(this: IExecuteFunctions, fields: IDataObject, itemIndex: number, current: IDataObject = {}): IDataObject {
	const given = (key: string) => fields[key] !== undefined && fields[key] !== '';
	const body: IDataObject = {};
	if (given('text')) body.text = String(fields.text).trim();
	for (const key of ['state', 'owner', 'hiringManager', 'workplaceType', 'salaryDescriptionHtml']) if (given(key)) body[key] = fields[key];
	for (const key of ['tags', 'requisitionCodes', 'distributionChannels']) if (fields[key] !== undefined) body[key] = toList(fields[key]);

	const categories = CATEGORY_FIELDS.filter(given);
	if (categories.length > 0) {
		body.categories = { ...((current.categories as IDataObject) ?? {}), ...Object.fromEntries(categories.map((key) => [key, String(fields[key]).trim()])) };
	}
	const lists = ((fields.lists as IDataObject | undefined)?.list ?? undefined) as IDataObject[] | undefined;
	if (given('descriptionHtml') || given('closingHtml') || lists) {
		const content = (current.content as IDataObject | undefined) ?? {};
		body.content = {
			descriptionHtml: given('descriptionHtml') ? fields.descriptionHtml : content.descriptionHtml,
			lists: lists ? lists.map((list) => ({ text: list.text, content: list.content })) : content.lists,
			closingPostingHtml: given('closingHtml') ? fields.closingHtml : content.closingHtml,
		};
	}
	const salary = Object.keys(SALARY_FIELDS).filter(given);
	if (salary.length > 0) {
		// Lever takes a whole range: yearly unless said otherwise, and a currency.
		const range: IDataObject = { interval: 'per-year-salary', ...((current.salaryRange as IDataObject | null) ?? {}) };
		for (const key of salary) range[SALARY_FIELDS[key]] = fields[key];
		if (!range.currency) throw new NodeOperationError(this.getNode(), '"Salary Currency" is empty: Lever needs it with a salary range', { itemIndex });
		if (range.min !== undefined && range.max !== undefined && Number(range.min) > Number(range.max)) {
			throw new NodeOperationError(this.getNode(), '"Salary Minimum" is above "Salary Maximum"', { itemIndex });
		}
		body.salaryRange = range;
	}
	return body;
}
