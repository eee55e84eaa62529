import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { fieldsCollection } from '../../../shared/descriptions';
import { locatorValue, toDate } from '../../../shared/parameters';
import { leverApiRequest } from '../../transport';
import { performAsRLC } from '../common.descriptions';
import { recordParams, recordProperties } from '../recordOperation';
import { FEEDBACK } from '../records';
import { fieldValuesOf, fieldValuesProperty } from './fieldValues';

const properties: INodeProperties[] = [
	...recordProperties(FEEDBACK),
	fieldValuesProperty('getFeedbackFields', ['opportunity', 'feedback']),
	performAsRLC,
	fieldsCollection('options', [
		{
			displayName: 'Completed At',
			name: 'completedAt',
			type: 'dateTime',
			default: '',
			description: 'When the feedback was completed',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['feedback'], operation: ['update'] } },
	properties,
);

/** `PUT …/feedback/:id`: the answers given are changed, the others kept (Lever requires perform_as). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const params = recordParams.call(this, FEEDBACK, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const body: IDataObject = { fieldValues: fieldValuesOf.call(this, itemIndex) };
	if (options.completedAt)
		body.completedAt = toDate.call(this, options.completedAt, 'Completed At', itemIndex).getTime();
	if ((body.fieldValues as IDataObject[]).length === 0 && body.completedAt === undefined) {
		throw new NodeOperationError(
			this.getNode(),
			'"Field Values" is empty: give at least one answer to change',
			{ itemIndex },
		);
	}
	const response = await leverApiRequest.call(this, 'PUT', FEEDBACK.route, {
		params,
		body,
		performAs: locatorValue.call(this, 'performAs', itemIndex),
		itemIndex,
	});
	return response.data as IDataObject;
}
