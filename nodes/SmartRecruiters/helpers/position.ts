import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toDate } from '../../shared/parameters';
import type { ApiContext } from '../../shared/transport/request';
import { smartRecruitersApiRequest } from '../transport';

/** `JobPositionInput` fields other than the required type and dates. */
export const positionOptionalFields: INodeProperties[] = [
	{
		displayName: 'Incumbent Name',
		name: 'incumbentName',
		type: 'string',
		default: '',
		description: 'For a replacement: the person who held the position',
	},
	{
		displayName: 'Position ID',
		name: 'positionId',
		type: 'string',
		default: '',
		description: "Your company's own ID of the position (e.g. from the HR system)",
	},
];

export const POSITION_TYPES = [
	{ name: 'New', value: 'NEW' },
	{ name: 'Replacement', value: 'REPLACEMENT' },
];

/** `JobPositionInput` from a set of fields (only those filled in); dates as ISO date-times. */
export function positionInput(
	this: IExecuteFunctions,
	fields: IDataObject,
	itemIndex: number,
): IDataObject {
	const body: IDataObject = {};
	if (fields.type) body.type = fields.type;
	if (fields.positionOpenDate)
		body.positionOpenDate = toDate
			.call(this, fields.positionOpenDate, 'Open Date', itemIndex)
			.toISOString();
	if (fields.targetStartDate)
		body.targetStartDate = toDate
			.call(this, fields.targetStartDate, 'Target Start Date', itemIndex)
			.toISOString();
	for (const key of ['positionId', 'incumbentName'])
		if (String(fields[key] ?? '').trim()) body[key] = String(fields[key]).trim();
	return body;
}

export async function getPositions(
	this: ApiContext,
	jobId: string,
	itemIndex?: number,
): Promise<IDataObject[]> {
	const response = await smartRecruitersApiRequest.call(this, 'GET', '/jobs/{jobId}/positions', {
		params: { jobId },
		itemIndex,
	});
	return (response.content as IDataObject[] | undefined) ?? [];
}
