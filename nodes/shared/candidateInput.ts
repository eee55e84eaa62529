import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { jsonParse, NodeOperationError } from 'n8n-workflow';

import type { CandidateProfile, ProfileField } from './candidate';
import { candidateProfileSchema, describeProfileIssues, withoutEmptyValues } from './candidate';
import type { FieldLimits } from './fieldLimits';
import { profileLimitProblems } from './fieldLimits';

/**
 * How a candidate enters a create or upsert, the same in both ATS nodes: fields filled in one by one ("Define
 * Below", each ATS's own fields), or one canonical profile object such as the ATS Field Map node outputs.
 */
export function candidateInputProperties(fieldsBelow: INodeProperties[]): INodeProperties[] {
	return [
		{
			displayName: 'Candidate Input',
			name: 'profileInput',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Candidate Profile (JSON)',
					value: 'json',
					description:
						'One object in the canonical candidate profile shape, e.g. the output of the ATS Field Map node',
				},
				{
					name: 'Define Below',
					value: 'fields',
					description: "Fill in the candidate's fields one by one",
				},
			],
			default: 'fields',
		},
		{
			displayName: 'Candidate Profile (JSON)',
			name: 'candidateProfile',
			type: 'json',
			default: '={{ $json }}',
			description:
				'Object with email, additionalEmails, firstName, lastName, name, headline, company, location, phones [{value, type}], links {linkedin, github, twitter, facebook, website, other}, tags, sources, customFields',
			displayOptions: { show: { profileInput: ['json'] } },
		},
		...fieldsBelow.map((property) => ({
			...property,
			displayOptions: {
				...property.displayOptions,
				show: { ...property.displayOptions?.show, profileInput: ['fields'] },
			},
		})),
	];
}

/** A candidate's optional fields under "Define Below" (`profileFields`): each ATS's own. */
export function profileFieldsProperty(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Additional Fields',
		name: 'profileFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options,
	};
}

/**
 * The candidate of one item, validated against the canonical profile schema and the ATS's field limits before
 * anything is sent; errors name the field. `fromFields` reads the ATS's "Define Below" fields into the profile
 * shape. Empty values count as not given.
 */
export function readCandidateProfile(
	this: IExecuteFunctions,
	itemIndex: number,
	fromFields: (this: IExecuteFunctions, itemIndex: number) => IDataObject,
	limits: FieldLimits,
): CandidateProfile {
	let raw: unknown;
	if (this.getNodeParameter('profileInput', itemIndex, 'fields') === 'json') {
		const value = this.getNodeParameter('candidateProfile', itemIndex, {}) as unknown;
		try {
			raw =
				typeof value === 'string'
					? jsonParse(value, { errorMessage: '"Candidate Profile (JSON)" is not valid JSON' })
					: value;
		} catch (error) {
			throw new NodeOperationError(this.getNode(), (error as Error).message, { itemIndex });
		}
	} else {
		raw = fromFields.call(this, itemIndex);
	}
	if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
		throw new NodeOperationError(this.getNode(), '"Candidate Profile (JSON)" must be one object', {
			itemIndex,
		});
	}
	const parsed = candidateProfileSchema.safeParse(withoutEmptyValues(raw));
	if (!parsed.success) {
		throw new NodeOperationError(
			this.getNode(),
			`Invalid candidate profile: ${describeProfileIssues(parsed.error)}`,
			{ itemIndex },
		);
	}
	const tooLong = profileLimitProblems(parsed.data, limits);
	if (tooLong.length > 0)
		throw new NodeOperationError(
			this.getNode(),
			`Invalid candidate profile: ${tooLong.join('; ')}`,
			{ itemIndex },
		);
	return parsed.data;
}

const labelOf = (field: string) =>
	field.replace(/([A-Z])/g, ' $1').replace(/^./, (first) => first.toUpperCase());

/** "Protected Fields" and "Mandatory Fields" of an upsert, with the fields as words ("First Name"). */
export function protectedAndMandatoryFields(
	fields: ProfileField[],
	ats: string,
	protectedNote = '',
): INodeProperties[] {
	const options = fields
		.map((field) => ({ name: labelOf(field), value: field }))
		.sort((a, b) => a.name.localeCompare(b.name));
	return [
		{
			displayName: 'Protected Fields',
			name: 'protectedFields',
			type: 'multiOptions',
			options,
			default: [],
			description: `Fields an update never overwrites once they have a value in ${ats} (they are still filled when empty)${protectedNote ? `. ${protectedNote}` : ''}`,
		},
		{
			displayName: 'Mandatory Fields',
			name: 'mandatoryFields',
			type: 'multiOptions',
			options,
			default: [],
			description:
				'Fields the incoming candidate must have, else the item fails with an error naming the field',
		},
	];
}
