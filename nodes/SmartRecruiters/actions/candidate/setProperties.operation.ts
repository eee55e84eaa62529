import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { jsonParse, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { requiredLocatorValue } from '../../../shared/parameters';
import { listConfiguration } from '../../helpers/lookups';
import { smartRecruitersApiRequest } from '../../transport';
import { candidateRLC, jobRLC } from '../common.descriptions';

const properties: INodeProperties[] = [
	candidateRLC,
	jobRLC('Candidate properties are stored per job application'),
	{
		displayName: 'Properties',
		name: 'properties',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Property',
		default: {},
		options: [
			{
				displayName: 'Property',
				name: 'property',
				values: [
					{
						displayName: 'Property Name or ID',
						name: 'id',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getCandidateProperties' },
						default: '',
						description:
							'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description:
							'Single select: the value ID or its label. Boolean: true/false. Currency: {"code":"EUR","value":1000}. Country: "de". Leave empty to clear the property.',
					},
				],
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['candidate'], operation: ['setProperties'] } },
	properties,
);

/** A text parameter turned into the value format SmartRecruiters expects for the property's type. */
async function toPropertyValue(
	this: IExecuteFunctions,
	property: IDataObject,
	text: string,
	itemIndex: number,
): Promise<unknown> {
	const label = `"${String(property.label ?? property.id)}"`;
	switch (property.type) {
		case 'BOOLEAN':
			if (!['true', 'false'].includes(text.toLowerCase())) {
				throw new NodeOperationError(
					this.getNode(),
					`Property ${label} is a yes/no field: use true or false, not "${text}"`,
					{ itemIndex },
				);
			}
			return text.toLowerCase() === 'true';
		case 'NUMBER':
		case 'PERCENT': {
			const number = Number(text);
			if (!Number.isFinite(number))
				throw new NodeOperationError(
					this.getNode(),
					`Property ${label} needs a number, not "${text}"`,
					{ itemIndex },
				);
			return number;
		}
		case 'CURRENCY':
			try {
				return jsonParse(text);
			} catch {
				throw new NodeOperationError(
					this.getNode(),
					`Property ${label} needs {"code":"EUR","value":1000}, not "${text}"`,
					{ itemIndex },
				);
			}
		case 'COUNTRY':
		case 'REGION':
			return text.toLowerCase();
		case 'SINGLE_SELECT': {
			const values = await listConfiguration.call(
				this,
				'/configuration/candidate-properties/{propertyId}/values',
				{ propertyId: String(property.id) },
			);
			const match =
				values.find((value) => value.id === text) ??
				values.find((value) => String(value.label).toLowerCase() === text.toLowerCase());
			if (!match) {
				throw new NodeOperationError(
					this.getNode(),
					`Property ${label} has no option "${text}" (options: ${values.map((v) => `"${String(v.label)}"`).join(', ')})`,
					{ itemIndex },
				);
			}
			return match.id;
		}
		default:
			return text;
	}
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const candidateId = requiredLocatorValue.call(this, 'candidate', 'Candidate', itemIndex);
	const jobId = requiredLocatorValue.call(this, 'job', 'Job', itemIndex);
	const entries =
		((this.getNodeParameter('properties', itemIndex, {}) as IDataObject).property as
			| IDataObject[]
			| undefined) ?? [];
	if (entries.length === 0)
		throw new NodeOperationError(
			this.getNode(),
			'"Properties" is empty: add at least one property',
			{ itemIndex },
		);
	const configured = await listConfiguration.call(this, '/configuration/candidate-properties');
	const body: IDataObject[] = [];
	for (const entry of entries) {
		const property = configured.find((known) => known.id === entry.id);
		if (!property) {
			throw new NodeOperationError(
				this.getNode(),
				`"Property" "${String(entry.id)}" is not a candidate property of this company`,
				{ itemIndex },
			);
		}
		const text = String(entry.value ?? '').trim();
		// An entry without a value clears the property.
		body.push(
			text === ''
				? { id: property.id }
				: {
						id: property.id,
						value: (await toPropertyValue.call(
							this,
							property,
							text,
							itemIndex,
						)) as IDataObject[string],
					},
		);
	}
	const params = { candidateId, jobId };
	await smartRecruitersApiRequest.call(
		this,
		'PUT',
		'/candidates/{candidateId}/jobs/{jobId}/properties',
		{ params, body, itemIndex },
	);
	const stored = await smartRecruitersApiRequest.call(
		this,
		'GET',
		'/candidates/{candidateId}/jobs/{jobId}/properties',
		{ params, itemIndex },
	);
	return { candidateId, jobId, properties: (stored.content as IDataObject[] | undefined) ?? [] };
}
