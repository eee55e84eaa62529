import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toList } from '../../../shared/parameters';
import { payRangeOf, payRangeProperties } from '../../helpers/payRange';
import { userOption } from '../common.descriptions';

/**
 * A posting's writable fields (lever.md §3.9) as the node offers them, and their wire form. Content is HTML limited
 * to Lever's allow-list (div, p, span, br, b, i, s, u, a, ul/ol/li). Lever takes the closing text as
 * `closingPostingHtml` and returns it as `closingHtml`.
 */

export const POSTING_STATE_OPTIONS = [
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
	{
		displayName: 'Commitment',
		name: 'commitment',
		type: 'string',
		default: '',
		placeholder: 'e.g. Full-time',
	},
	{ displayName: 'Department', name: 'department', type: 'string', default: '' },
	{
		displayName: 'Description (HTML)',
		name: 'descriptionHtml',
		type: 'string',
		typeOptions: { rows: 5 },
		default: '',
	},
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
	userOption('Hiring Manager Name or ID', 'hiringManager', 'The hiring manager'),
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
					{
						displayName: 'Title',
						name: 'text',
						type: 'string',
						default: '',
						placeholder: 'e.g. Requirements',
					},
					{
						displayName: 'Items (HTML)',
						name: 'content',
						type: 'string',
						typeOptions: { rows: 3 },
						default: '',
						placeholder: '<li>Go</li><li>SQL</li>',
					},
				],
			},
		],
	},
	{ displayName: 'Location', name: 'location', type: 'string', default: '' },
	userOption(
		'Owner Name or ID',
		'owner',
		'The posting owner. Empty on create: the Perform As user',
	),
	{
		displayName: 'Requisition Codes',
		name: 'requisitionCodes',
		type: 'string',
		default: '',
		description: 'Codes of the requisitions the posting hires for, comma-separated',
	},
	...payRangeProperties('salary'),
	{
		displayName: 'Salary Description (HTML)',
		name: 'salaryDescriptionHtml',
		type: 'string',
		default: '',
	},
	{
		displayName: 'State',
		name: 'state',
		type: 'options',
		options: POSTING_STATE_OPTIONS,
		default: 'draft',
		description: 'Lever makes new postings drafts',
	},
	{
		displayName: 'Tags',
		name: 'tags',
		type: 'string',
		default: '',
		description: 'Comma-separated',
	},
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

/**
 * The wire body for the fields given, nested objects merged over `current` (an update sends whole `categories`,
 * `content` and `salaryRange` objects, so the parts not given are kept).
 */
export function postingBody(
	this: IExecuteFunctions,
	fields: IDataObject,
	itemIndex: number,
	current: IDataObject = {},
): IDataObject {
	const given = (key: string) => fields[key] !== undefined && fields[key] !== '';
	const body: IDataObject = {};
	if (given('text')) body.text = String(fields.text).trim();
	for (const key of ['state', 'owner', 'hiringManager', 'workplaceType', 'salaryDescriptionHtml'])
		if (given(key)) body[key] = fields[key];
	for (const key of ['tags', 'requisitionCodes', 'distributionChannels'])
		if (fields[key] !== undefined) body[key] = toList(fields[key]);

	const categories = CATEGORY_FIELDS.filter(given);
	if (categories.length > 0) {
		body.categories = {
			...((current.categories as IDataObject) ?? {}),
			...Object.fromEntries(categories.map((key) => [key, String(fields[key]).trim()])),
		};
	}
	const lists = ((fields.lists as IDataObject | undefined)?.list ?? undefined) as
		| IDataObject[]
		| undefined;
	if (given('descriptionHtml') || given('closingHtml') || lists) {
		const content = (current.content as IDataObject | undefined) ?? {};
		body.content = {
			descriptionHtml: given('descriptionHtml') ? fields.descriptionHtml : content.descriptionHtml,
			lists: lists
				? lists.map((list) => ({ text: list.text, content: list.content }))
				: content.lists,
			closingPostingHtml: given('closingHtml') ? fields.closingHtml : content.closingHtml,
		};
	}
	const salaryRange = payRangeOf.call(this, fields, 'salary', current.salaryRange, itemIndex);
	if (salaryRange) body.salaryRange = salaryRange;
	return body;
}
