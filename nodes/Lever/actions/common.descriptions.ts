import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { PROFILE_FIELDS } from '../../shared/candidate';
import {
	candidateInputProperties,
	profileFieldsProperty,
	protectedAndMandatoryFields as protectedAndMandatory,
} from '../../shared/candidateInput';
import { recordLocator } from '../../shared/descriptions';
import { requiredLocatorValue } from '../../shared/parameters';
import { originOptions } from '../trigger/events';

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

export const opportunityRLC: INodeProperties = {
	displayName: 'Opportunity',
	name: 'opportunity',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The candidacy (one person on one job). Search the list by email address.',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Type an email address…',
			typeOptions: {
				searchListMethod: 'searchOpportunities',
				searchable: true,
				searchFilterRequired: false,
			},
		},
		{
			displayName: 'By URL',
			name: 'url',
			type: 'string',
			placeholder: 'https://hire.lever.co/candidates/6408dc54-…',
			extractValue: { type: 'regex', regex: `https?://[^/]+/candidates/(${UUID})` },
			validation: [
				{
					type: 'regex',
					properties: {
						regex: `https?://[^/]+/candidates/${UUID}.*`,
						errorMessage: 'Not a Lever candidate URL',
					},
				},
			],
		},
		{
			displayName: 'ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 6408dc54-…',
			validation: [
				{
					type: 'regex',
					properties: { regex: `^${UUID}$`, errorMessage: 'Not a Lever opportunity ID' },
				},
			],
		},
	],
};

/** The `{opportunity}` route parameter of a record that belongs to an opportunity; the error names the field. */
export function opportunityParams(
	this: IExecuteFunctions,
	itemIndex: number,
): Record<string, string> {
	return { opportunity: requiredLocatorValue.call(this, 'opportunity', 'Opportunity', itemIndex) };
}

/**
 * A locator for a record the user picks: from a list search (`searchListMethod`, for records of an opportunity the
 * list of the opportunity chosen above), or by ID.
 */
export function recordRLC(
	name: string,
	displayName: string,
	searchListMethod: string,
	description: string,
): INodeProperties {
	return recordLocator({
		name,
		displayName,
		searchListMethod,
		description,
		idPlaceholder: 'e.g. 0f08c24d-3ce4-4353-94e1-f31f9b875214',
		required: true,
	});
}

export const postingRLC: INodeProperties = recordLocator({
	name: 'posting',
	displayName: 'Posting',
	searchListMethod: 'searchPostings',
	description: 'The job posting',
	idPlaceholder: 'e.g. 6bf017d8-6bd4-4857-adf9-d5a00aecee87',
});

export const stageRLC: INodeProperties = recordLocator({
	name: 'stage',
	displayName: 'Stage',
	searchListMethod: 'searchStages',
	description: 'The pipeline stage',
	// Built-in stages have fixed string IDs such as "lead-new"; custom stages are UUIDs.
	idPlaceholder: 'e.g. lead-new',
});

export function userRLC(name: string, displayName: string, description: string): INodeProperties {
	return recordLocator({
		name,
		displayName,
		searchListMethod: 'searchUsers',
		description,
		idPlaceholder: 'e.g. 0f08c24d-3ce4-4353-94e1-f31f9b875214',
		listPlaceholder: 'Select a user…',
	});
}

/** A Lever user picked from a list inside a collection (where a resource locator does not fit), e.g. an owner. */
export function userOption(
	displayName: string,
	name: string,
	description: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getUsers' },
		default: '',
		description: `${description}. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
	};
}

export const performAsRLC = userRLC(
	'performAs',
	'Perform As',
	'Lever user the change is made on behalf of (Lever\'s perform_as): pick one, or give a user ID or email. Empty: the credential\'s "Default Perform As".',
);

/** Phone numbers with their type, as Lever keeps them. */
export const phonesProperty: INodeProperties = {
	displayName: 'Phones',
	name: 'phones',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	default: {},
	placeholder: 'Add Phone',
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
};

/** The candidate a create or upsert writes: individual fields, or one canonical profile object (the Field Map node's output). */
export const candidateProfileProperties: INodeProperties[] = candidateInputProperties([
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		description: 'Full name of the candidate',
	},
	profileFieldsProperty([
		{
			displayName: 'Additional Emails',
			name: 'additionalEmails',
			type: 'string',
			default: '',
			description: 'More email addresses of the candidate, comma-separated or one per line',
		},
		{
			displayName: 'GitHub URL',
			name: 'github',
			type: 'string',
			default: '',
			placeholder: 'https://github.com/…',
		},
		{
			displayName: 'Headline',
			name: 'headline',
			type: 'string',
			default: '',
			description: 'Short summary, e.g. current title and company',
		},
		{
			displayName: 'LinkedIn URL',
			name: 'linkedin',
			type: 'string',
			default: '',
			placeholder: 'https://www.linkedin.com/in/…',
		},
		{
			displayName: 'Location',
			name: 'location',
			type: 'string',
			default: '',
		},
		{
			displayName: 'Other Links',
			name: 'otherLinks',
			type: 'string',
			default: '',
			description: 'More URLs (portfolio, website …), comma-separated or one per line',
		},
		phonesProperty,
		{
			displayName: 'Source Names or IDs',
			name: 'sources',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getSources' },
			default: [],
			description:
				'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			hint: 'Where the candidate came from. A name that does not exist yet creates the source.',
		},
		{
			displayName: 'Tag Names or IDs',
			name: 'tags',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getTags' },
			default: [],
			description:
				'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			hint: 'A name that does not exist yet creates the tag',
		},
	]),
]);

export const protectedAndMandatoryFields: INodeProperties[] = protectedAndMandatory(
	PROFILE_FIELDS,
	'Lever',
	'Name, First Name and Last Name are one field in Lever: protecting one protects all three',
);

/** Settings that only matter when an opportunity is created (create, and upsert when no match is found). */
export const creationOptions: INodeProperties[] = [
	{
		displayName: 'Origin',
		name: 'origin',
		type: 'options',
		options: originOptions,
		default: 'sourced',
		description: 'How the candidate entered the pipeline',
	},
	{
		...stageRLC,
		displayName: 'Stage',
		description: 'Stage of a new opportunity. Empty: Lever\'s "New lead".',
	},
	userRLC('owner', 'Owner', 'Owner of a new opportunity. Empty: the Perform As user.'),
];

export const expandOption: INodeProperties = {
	displayName: 'Expand',
	name: 'expand',
	type: 'multiOptions',
	options: [
		{ name: 'Applications', value: 'applications' },
		{ name: 'Contact', value: 'contact' },
		{ name: 'Followers', value: 'followers' },
		{ name: 'Owner', value: 'owner' },
		{ name: 'Sourced By', value: 'sourcedBy' },
		{ name: 'Stage', value: 'stage' },
	],
	default: [],
	description: 'Referenced objects to return in full instead of as IDs',
};

/** A profile form template: the account's custom-field forms for opportunities. */
export const profileFormTemplateProperty: INodeProperties = {
	displayName: 'Profile Form Template Name or ID',
	name: 'template',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getProfileFormTemplates' },
	default: '',
	description:
		'The profile form to fill in. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/** Where create and upsert store the profile's `customFields`: a profile form filled in on the opportunity. */
export const customFieldsFormProperty: INodeProperties = {
	...profileFormTemplateProperty,
	displayName: 'Custom Fields Form Name or ID',
	name: 'customFieldsForm',
	description:
		'The profile form that stores the profile\'s customFields (keyed by its field IDs or names). Lever keeps custom fields only in profile forms; empty: customFields are not stored and are reported as ignored. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};
