import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { fieldsCollection } from '../../../shared/descriptions';
import { requiredLocatorValue } from '../../../shared/parameters';
import { POSITION_TYPES, positionInput, positionOptionalFields } from '../../helpers/position';
import { smartRecruitersApiRequest } from '../../transport';
import { jobRLC, positionRLC } from '../common.descriptions';

const properties: INodeProperties[] = [
	jobRLC('The job the position belongs to'),
	positionRLC,
	fieldsCollection('updateFields', [
		...positionOptionalFields,
		{ displayName: 'Open Date', name: 'positionOpenDate', type: 'dateTime', default: '' },
		{ displayName: 'Target Start Date', name: 'targetStartDate', type: 'dateTime', default: '' },
		{ displayName: 'Type', name: 'type', type: 'options', options: POSITION_TYPES, default: 'NEW' },
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['position'], operation: ['update'] } },
	properties,
);

/** SmartRecruiters replaces the whole position (`PUT`): the fields not given are sent as they are now. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const params = {
		jobId: requiredLocatorValue.call(this, 'job', 'Job', itemIndex),
		positionId: requiredLocatorValue.call(this, 'position', 'Position', itemIndex),
	};
	const changes = positionInput.call(
		this,
		this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject,
		itemIndex,
	);
	if (Object.keys(changes).length === 0) {
		throw new NodeOperationError(
			this.getNode(),
			'"Update Fields" is empty: add at least one field to change',
			{ itemIndex },
		);
	}
	const current = await smartRecruitersApiRequest.call(
		this,
		'GET',
		'/jobs/{jobId}/positions/{positionId}',
		{ params, itemIndex },
	);
	const kept = Object.fromEntries(
		['type', 'positionOpenDate', 'targetStartDate', 'positionId', 'incumbentName']
			.filter((key) => current[key] !== undefined)
			.map((key) => [key, current[key]]),
	);
	const updated = await smartRecruitersApiRequest.call(
		this,
		'PUT',
		'/jobs/{jobId}/positions/{positionId}',
		{
			params,
			body: { ...kept, ...changes },
			itemIndex,
		},
	);
	return { jobId: params.jobId, ...updated };
}
