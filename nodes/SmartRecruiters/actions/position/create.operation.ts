import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { fieldsCollection } from '../../../shared/descriptions';
import { requiredLocatorValue } from '../../../shared/parameters';
import { createOnce } from '../../../shared/upsert';
import {
	getPositions,
	POSITION_TYPES,
	positionInput,
	positionOptionalFields,
} from '../../helpers/position';
import { smartRecruitersApiRequest } from '../../transport';
import { jobRLC } from '../common.descriptions';

const properties: INodeProperties[] = [
	jobRLC('The job that gets a position'),
	{ displayName: 'Type', name: 'type', type: 'options', options: POSITION_TYPES, default: 'NEW' },
	{
		displayName: 'Open Date',
		name: 'positionOpenDate',
		type: 'dateTime',
		default: '',
		required: true,
	},
	{
		displayName: 'Target Start Date',
		name: 'targetStartDate',
		type: 'dateTime',
		default: '',
		required: true,
	},
	fieldsCollection('additionalFields', positionOptionalFields),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['position'], operation: ['create'] } },
	properties,
);

const sameFields = (position: IDataObject, input: IDataObject) =>
	Object.entries(input).every(([key, value]) =>
		key.endsWith('Date')
			? Date.parse(String(position[key])) === Date.parse(String(value))
			: position[key] === value,
	);

/**
 * Creating is not idempotent. The job's positions are read first: after a 5xx, a reset or a timeout, a position that
 * was not there before and has these fields is the one this item created.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const jobId = requiredLocatorValue.call(this, 'job', 'Job', itemIndex);
	const body = positionInput.call(
		this,
		{
			type: this.getNodeParameter('type', itemIndex),
			positionOpenDate: requiredLocatorValue.call(this, 'positionOpenDate', 'Open Date', itemIndex),
			targetStartDate: requiredLocatorValue.call(
				this,
				'targetStartDate',
				'Target Start Date',
				itemIndex,
			),
			...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
		},
		itemIndex,
	);
	const before = new Set(
		(await getPositions.call(this, jobId, itemIndex)).map((position) => position.id),
	);
	const created = await createOnce(
		async (confirmNotApplied) =>
			await smartRecruitersApiRequest.call(this, 'POST', '/jobs/{jobId}/positions', {
				params: { jobId },
				body,
				itemIndex,
				confirmNotApplied,
			}),
		async () =>
			(await getPositions.call(this, jobId, itemIndex)).find(
				(position) => !before.has(position.id) && sameFields(position, body),
			),
	);
	return { jobId, ...created };
}
