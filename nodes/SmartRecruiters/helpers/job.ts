import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { fieldsCollection } from '../../shared/descriptions';
import { toDate } from '../../shared/parameters';
import { EXPERIENCE_LEVELS } from './constants';

/** Job fields both Create (as "Additional Fields") and Update offer. */
const jobFields: INodeProperties[] = [
	{
		displayName: 'Additional Information',
		name: 'additionalInformation',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: 'Job ad section',
	},
	{
		displayName: 'Address',
		name: 'address',
		type: 'string',
		default: '',
		description: 'Street address of the job location',
	},
	{
		displayName: 'Company Description',
		name: 'companyDescription',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: 'Job ad section',
	},
	{
		displayName: 'Compensation Currency',
		name: 'compensationCurrency',
		type: 'string',
		default: '',
		placeholder: 'e.g. EUR',
	},
	{ displayName: 'Compensation Maximum', name: 'compensationMax', type: 'number', default: 0 },
	{ displayName: 'Compensation Minimum', name: 'compensationMin', type: 'number', default: 0 },
	{
		displayName: 'Department Name or ID',
		name: 'department',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getDepartments' },
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	{
		displayName: 'Job Description',
		name: 'jobDescription',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: 'Job ad section',
	},
	{ displayName: 'Postal Code', name: 'postalCode', type: 'string', default: '' },
	{
		displayName: 'Qualifications',
		name: 'qualifications',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: 'Job ad section',
	},
	{
		displayName: 'Reference Number',
		name: 'refNumber',
		type: 'string',
		default: '',
		description: 'Your own reference for the job (unique in the company, at most 63 characters)',
	},
	{
		displayName: 'Region',
		name: 'region',
		type: 'string',
		default: '',
		placeholder: 'e.g. California',
	},
	{
		displayName: 'Region Code',
		name: 'regionCode',
		type: 'string',
		default: '',
		placeholder: 'e.g. CA',
	},
	{
		displayName: 'Remote',
		name: 'remote',
		type: 'boolean',
		default: false,
		description: 'Whether the job can be done remotely',
	},
	{ displayName: 'Target Hiring Date', name: 'targetHiringDate', type: 'dateTime', default: '' },
	{
		displayName: 'Type of Employment ID',
		name: 'typeOfEmployment',
		type: 'string',
		default: '',
		placeholder: 'e.g. permanent',
		description:
			"SmartRecruiters' ID of the type of employment, e.g. permanent, contract, part_time",
	},
];

/** What Update can change besides the fields Create also takes as additional fields. */
const requiredOnCreate: INodeProperties[] = [
	{ displayName: 'City', name: 'city', type: 'string', default: '' },
	{
		displayName: 'Country Code',
		name: 'countryCode',
		type: 'string',
		default: '',
		placeholder: 'e.g. de',
	},
	{
		displayName: 'Experience Level',
		name: 'experienceLevel',
		type: 'options',
		options: EXPERIENCE_LEVELS,
		default: 'mid_senior_level',
	},
	{
		displayName: 'Function ID',
		name: 'function',
		type: 'string',
		default: '',
		placeholder: 'e.g. information_technology',
	},
	{
		displayName: 'Industry ID',
		name: 'industry',
		type: 'string',
		default: '',
		placeholder: 'e.g. computer_software',
	},
	{ displayName: 'Title', name: 'title', type: 'string', default: '' },
];

export const jobAdditionalFields = fieldsCollection('additionalFields', jobFields);

export const jobUpdateFields = fieldsCollection('updateFields', [
	...jobFields,
	...requiredOnCreate,
]);

const LOCATION_FIELDS = [
	'countryCode',
	'regionCode',
	'region',
	'address',
	'postalCode',
	'city',
	'remote',
] as const;
const JOB_AD_SECTIONS = [
	'companyDescription',
	'jobDescription',
	'qualifications',
	'additionalInformation',
] as const;
const IDENTIFIED = [
	'department',
	'function',
	'industry',
	'experienceLevel',
	'typeOfEmployment',
] as const;

const isSet = (value: unknown) => value !== undefined && value !== null && value !== '';

/** `JobInput` parts from the fields (only those filled in): ids as `{id}`, location, compensation and job ad apart. */
export function jobInputParts(this: IExecuteFunctions, fields: IDataObject, itemIndex: number) {
	const top: IDataObject = {};
	if (isSet(fields.title)) top.title = String(fields.title).trim();
	if (isSet(fields.refNumber)) top.refNumber = String(fields.refNumber).trim();
	if (isSet(fields.targetHiringDate))
		top.targetHiringDate = toDate
			.call(this, fields.targetHiringDate, 'Target Hiring Date', itemIndex)
			.toISOString();
	for (const key of IDENTIFIED)
		if (isSet(fields[key])) top[key] = { id: String(fields[key]).trim() };
	const location: IDataObject = {};
	for (const key of LOCATION_FIELDS)
		if (isSet(fields[key]))
			location[key] =
				key === 'countryCode' ? String(fields[key]).trim().toLowerCase() : fields[key];
	const compensation: IDataObject = {};
	if (isSet(fields.compensationMin)) compensation.min = fields.compensationMin;
	if (isSet(fields.compensationMax)) compensation.max = fields.compensationMax;
	if (isSet(fields.compensationCurrency))
		compensation.currency = String(fields.compensationCurrency).trim().toUpperCase();
	const sections: IDataObject = {};
	for (const key of JOB_AD_SECTIONS) if (isSet(fields[key])) sections[key] = { text: fields[key] };
	if (typeof top.refNumber === 'string' && top.refNumber.length > 63) {
		throw new NodeOperationError(
			this.getNode(),
			`"Reference Number" is ${top.refNumber.length} characters; SmartRecruiters allows 63`,
			{ itemIndex },
		);
	}
	return { top, location, compensation, sections };
}

/** The job's location as `JobLocationInput` (the fields SmartRecruiters takes back), from a job as it reads. */
export function locationInput(location: IDataObject | undefined): IDataObject {
	return Object.fromEntries(
		LOCATION_FIELDS.filter((key) => isSet(location?.[key])).map((key) => [key, location![key]]),
	);
}
