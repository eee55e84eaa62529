import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { PROFILE_FIELDS } from '../../../../nodes/shared/candidate';
import { LINK_TARGETS, LIST_TARGETS, TEXT_TARGETS } from './candidateMapping';

const LABELS: Record<string, string> = {
	email: 'Email',
	additionalEmails: 'Additional Emails',
	firstName: 'First Name',
	lastName: 'Last Name',
	name: 'Full Name',
	headline: 'Headline',
	company: 'Company',
	location: 'Location',
	phones: 'Phones',
	links: 'Links',
	tags: 'Tags',
	sources: 'Sources',
	customFields: 'Custom Fields',
	'links.linkedin': 'LinkedIn URL',
	'links.github': 'GitHub URL',
	'links.twitter': 'Twitter/X URL',
	'links.facebook': 'Facebook URL',
	'links.website': 'Website URL',
	'links.other': 'Other Links',
};

const optionsOf = (fields: readonly string[]): INodePropertyOptions[] =>
	fields
		.map((field) => ({ name: LABELS[field], value: field }))
		.sort((a, b) => a.name.localeCompare(b.name));

const showCandidate = { show: { mode: ['candidate'] } };
const showEmployee = { show: { mode: ['employee'] } };

export const modeProperty: INodeProperties = {
	displayName: 'Mode',
	name: 'mode',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Candidate Profile',
			value: 'candidate',
			description: 'Map source data to the ATS-neutral candidate profile',
		},
		{
			name: 'Employee Record',
			value: 'employee',
			description: 'Map a hired candidate, offer and job to an employee record for onboarding',
		},
	],
	default: 'candidate',
};

export const candidateProperties: INodeProperties[] = [
	{
		displayName: 'Start From Profile',
		name: 'baseProfile',
		type: 'json',
		default: '',
		placeholder: '={{ $json.candidate }}',
		description:
			'Optional profile the mappings below add to, e.g. the candidate of the Contact Event Trigger',
		displayOptions: showCandidate,
	},
	{
		displayName: 'Text Fields',
		name: 'textFields',
		placeholder: 'Add Field',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		description: 'One source value to one profile field',
		displayOptions: showCandidate,
		options: [
			{
				name: 'fields',
				displayName: 'Field',
				values: [
					{
						displayName: 'Profile Field',
						name: 'target',
						type: 'options',
						options: optionsOf([...TEXT_TARGETS, ...LINK_TARGETS]),
						default: 'email',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: '={{ $json.contact.email }}',
						description: 'The source value; empty values leave the field unset',
					},
				],
			},
		],
	},
	{
		displayName: 'List Fields',
		name: 'listFields',
		placeholder: 'Add List Mapping',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		description:
			'A list (or text split by a separator) to profile fields: e.g. the first email to Email and the rest to Additional Emails, or one phone number into Phones',
		displayOptions: showCandidate,
		options: [
			{
				name: 'fields',
				displayName: 'List Mapping',
				values: [
					{
						displayName: 'Profile Field',
						name: 'target',
						type: 'options',
						options: optionsOf([...LIST_TARGETS, ...TEXT_TARGETS]),
						default: 'tags',
						description: 'A list field gains the entries; a text field takes the first of them',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: '={{ $json.contact.emails }}',
						description: 'A list, or a text to split with the separator',
					},
					{
						displayName: 'Separator',
						name: 'separator',
						type: 'string',
						default: ',',
						description:
							'Splits a text value into entries; leave empty to keep the text as one entry',
					},
					{
						displayName: 'Take',
						name: 'take',
						type: 'options',
						options: [
							{ name: 'All Entries', value: 'all' },
							{ name: 'First Entry', value: 'first' },
							{ name: 'All but the First Entry', value: 'rest' },
						],
						default: 'all',
					},
				],
			},
		],
	},
	{
		displayName: 'Social URLs',
		name: 'socialUrls',
		type: 'string',
		default: '',
		placeholder: '={{ $json.contact.urls }}',
		description:
			'A list of profile URLs (or text separated by commas or spaces), sorted into LinkedIn, GitHub, Twitter/X, Facebook and Website by their host; further URLs go to Other Links',
		displayOptions: showCandidate,
	},
	{
		displayName: 'Custom Fields',
		name: 'customFields',
		placeholder: 'Add Custom Field',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		displayOptions: showCandidate,
		options: [
			{
				name: 'fields',
				displayName: 'Custom Field',
				values: [
					{
						displayName: 'Field ID',
						name: 'fieldId',
						type: 'string',
						default: '',
						description: 'The ATS custom field ID (SmartRecruiters property ID, Lever field ID)',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'The source value (a list for multi-select fields)',
					},
					{
						displayName: 'Translate Values',
						name: 'translations',
						type: 'string',
						typeOptions: { rows: 4 },
						default: '',
						placeholder: 'Senior = 6f1e2a…\nJunior = 0b7c9d…',
						description:
							'Optional table, one "source value = ATS value" per line, e.g. to turn a label into the value ID a SINGLE_SELECT field needs. Source values match case-insensitively.',
					},
					{
						displayName: 'When a Value Has No Translation',
						name: 'onUnmatched',
						type: 'options',
						options: [
							{ name: 'Fail the Item', value: 'error' },
							{ name: 'Keep the Value', value: 'keep' },
							{ name: 'Leave the Field Out', value: 'skip' },
						],
						default: 'error',
					},
				],
			},
		],
	},
	{
		displayName: 'Mandatory Fields',
		name: 'mandatoryFields',
		type: 'multiOptions',
		options: optionsOf(PROFILE_FIELDS),
		default: ['email'],
		description:
			'An item whose profile leaves one of these empty is refused with an error naming the field',
		displayOptions: showCandidate,
	},
];

const employeeText = (
	displayName: string,
	name: string,
	placeholder: string,
	description?: string,
): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	required: true,
	default: '',
	placeholder,
	...(description ? { description } : {}),
	displayOptions: showEmployee,
});

export const employeeProperties: INodeProperties[] = [
	{
		displayName: 'ATS',
		name: 'atsSource',
		type: 'options',
		options: [
			{ name: 'Lever', value: 'lever' },
			{ name: 'SmartRecruiters', value: 'smartrecruiters' },
		],
		default: 'lever',
		description: 'Where the hire comes from; sent as atsSource with the ATS candidate ID',
		displayOptions: showEmployee,
	},
	employeeText(
		'ATS Candidate ID',
		'atsCandidateId',
		'={{ $json.id }}',
		'Lever opportunity ID or SmartRecruiters candidate ID. The onboarding push uses it as idempotency key, so a retry never creates a second employee.',
	),
	employeeText('First Name', 'firstName', '={{ $json.firstName }}'),
	employeeText('Last Name', 'lastName', '={{ $json.lastName }}'),
	employeeText('Email', 'email', '={{ $json.email }}'),
	employeeText('Job Title', 'jobTitle', '={{ $json.offer.job_title }}'),
	employeeText(
		'Start Date',
		'startDate',
		'={{ $json.offer.anticipated_start_date }}',
		'A date (YYYY-MM-DD), an ISO date-time or epoch milliseconds (Lever offer dates)',
	),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showEmployee,
		options: [
			{ displayName: 'Department', name: 'department', type: 'string', default: '' },
			{ displayName: 'Location', name: 'location', type: 'string', default: '' },
			{
				displayName: 'Manager Email',
				name: 'managerEmail',
				type: 'string',
				default: '',
				placeholder: 'manager@example.com',
			},
			{
				displayName: 'Personal Email',
				name: 'personalEmail',
				type: 'string',
				default: '',
				placeholder: 'name@example.com',
			},
			{
				displayName: 'Referral',
				name: 'referral',
				type: 'string',
				default: '',
				description: 'Who referred the hire, or the source',
			},
			{
				displayName: 'Salary Amount',
				name: 'salaryAmount',
				type: 'string',
				default: '',
				description: 'A number; with it, currency and interval are required',
			},
			{
				displayName: 'Salary Currency',
				name: 'salaryCurrency',
				type: 'string',
				default: '',
				placeholder: 'EUR',
			},
			{
				displayName: 'Salary Interval',
				name: 'salaryInterval',
				type: 'string',
				default: '',
				placeholder: 'year',
				description:
					'Hour, day, week, biweek, semimonth, month, bimonth, year or once; Lever values such as per-year-salary are understood',
			},
		],
	},
	// What else the onboarding system takes, each by its own name: sent as the record's customFields.
	{
		displayName: 'Custom Fields',
		name: 'employeeCustomFields',
		placeholder: 'Add Custom Field',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		description:
			'Further fields of the onboarding system, sent as customFields: {name: value}. Map them from ATS custom fields, e.g. a Lever profile form answer or a SmartRecruiters candidate property. An empty value leaves the field out.',
		displayOptions: showEmployee,
		options: [
			{
				name: 'fields',
				displayName: 'Custom Field',
				values: [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'e.g. tShirtSize',
						description: "The field's name in the onboarding system",
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: '={{ $json.customFields["T-shirt size"] }}',
						description: 'Text, a number, true/false or a list of texts',
					},
				],
			},
		],
	},
];

export const outputOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Put Output in Field',
			name: 'outputField',
			type: 'string',
			default: '',
			placeholder: 'candidate',
			description:
				'Field of the output item that receives the result (default: "candidate" or "employee")',
		},
		{
			displayName: 'Keep Input Fields',
			name: 'keepInputFields',
			type: 'boolean',
			default: true,
			description: "Whether the output item keeps the input item's fields next to the result",
		},
	],
};
