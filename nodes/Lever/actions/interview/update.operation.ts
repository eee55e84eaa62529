import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { fieldsCollection } from '../../../shared/descriptions';

import { locatorValue, updateFieldsOf } from '../../../shared/parameters';
import {
	assertCompleteInterview,
	interviewBody,
	interviewUpdateFields,
	writableInterview,
} from '../../helpers/interviews';
import { unwrapData } from '../../helpers/utils';
import { leverApiRequest } from '../../transport';
import { performAsRLC } from '../common.descriptions';
import { recordParams, recordProperties } from '../recordOperation';
import { INTERVIEW } from '../records';

const properties: INodeProperties[] = [
	...recordProperties(INTERVIEW),
	performAsRLC,
	fieldsCollection('updateFields', interviewUpdateFields),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['interview'], operation: ['update'] } },
	properties,
);

/**
 * Lever's `PUT …/interviews/:id` replaces the whole interview, so the fields given are applied to the interview as
 * Lever has it. Only interviews of panels created through the API can be changed.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const params = recordParams.call(this, INTERVIEW, itemIndex);
	const changes = interviewBody.call(this, updateFieldsOf.call(this, itemIndex), itemIndex);
	const current = (await leverApiRequest.call(this, 'GET', INTERVIEW.route, { params, itemIndex }))
		.data as IDataObject;
	const body = { panel: current.panel, ...writableInterview(current), ...changes };
	assertCompleteInterview.call(this, body, itemIndex);
	const response = await leverApiRequest.call(this, 'PUT', INTERVIEW.route, {
		params,
		body,
		performAs: locatorValue.call(this, 'performAs', itemIndex),
		itemIndex,
	});
	return unwrapData(response);
}
