import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { listOutputProperty } from '../../../shared/listOutput';
import { applicationOf } from '../../helpers/application';
import { readableValue } from '../../helpers/properties';
import { smartRecruitersApiRequest } from '../../transport';
import { applicationProperties } from '../common.descriptions';

const properties: INodeProperties[] = [
	...applicationProperties('Candidate properties are stored per job application'),
	{
		displayName: 'Context',
		name: 'context',
		type: 'options',
		options: [
			{ name: 'All Properties', value: '' },
			{
				name: 'Hire Form',
				value: 'HIRE_FORM',
				description: 'The properties recruiters fill in when they hire',
			},
			{ name: 'Offer Approval Form', value: 'OFFER_APPROVAL_FORM' },
			{ name: 'Offer Form', value: 'OFFER_FORM' },
			{ name: 'Profile', value: 'PROFILE' },
		],
		default: '',
		description: 'Only the properties shown in this part of SmartRecruiters',
	},
	listOutputProperty(
		'One Item per Property',
		'"candidateProperties", the values by property name',
		'"candidateProperties" holds each value readable: a single select\'s label, a currency as {code, value}, e.g. candidateProperties["Start date"]',
		'eachProperty',
	),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['candidate'], operation: ['getProperties'] } },
	properties,
);

/** The candidate properties (custom fields) set on one job application; SmartRecruiters answers `{}` when none is set. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<IDataObject | IDataObject[]> {
	const { candidateId, jobId } = applicationOf.call(this, itemIndex);
	const context = String(this.getNodeParameter('context', itemIndex, ''));
	const response = await smartRecruitersApiRequest.call(
		this,
		'GET',
		'/candidates/{candidateId}/jobs/{jobId}/properties',
		{
			params: { candidateId, jobId },
			qs: context ? { context } : {},
			itemIndex,
		},
	);
	const values = (response.content as IDataObject[] | undefined) ?? [];
	if (this.getNodeParameter('output', itemIndex, 'eachProperty') !== 'addToInput') {
		return values.map((property) => ({ candidateId, jobId, ...property }));
	}
	const byName = Object.fromEntries(
		values.map((property) => [String(property.label ?? property.id), readableValue(property)]),
	);
	return { ...this.getInputData()[itemIndex].json, candidateProperties: byName };
}
