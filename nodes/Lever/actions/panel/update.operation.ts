import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { fieldsCollection } from '../../../shared/descriptions';

import { locatorValue, updateFieldsOf } from '../../../shared/parameters';
import { panelOptions, writableInterview } from '../../helpers/interviews';
import { unwrapData } from '../../helpers/utils';
import { leverApiRequest } from '../../transport';
import { performAsRLC } from '../common.descriptions';
import { recordParams, recordProperties } from '../recordOperation';
import { PANEL } from '../records';

const properties: INodeProperties[] = [
	...recordProperties(PANEL),
	performAsRLC,
	fieldsCollection('updateFields', panelOptions),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['panel'], operation: ['update'] } },
	properties,
);

/**
 * Lever's `PUT …/panels/:id` replaces the whole panel, so the fields given are applied to the panel as Lever has it,
 * its interviews sent back unchanged (change those with Interview → Update). Only panels created through the API.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const params = recordParams.call(this, PANEL, itemIndex);
	const changes = updateFieldsOf.call(this, itemIndex);
	const current = (await leverApiRequest.call(this, 'GET', PANEL.route, { params, itemIndex }))
		.data as IDataObject;
	const body: IDataObject = {
		timezone: current.timezone,
		applications: current.applications,
		interviews: ((current.interviews ?? []) as IDataObject[]).map((interview) => ({
			id: interview.id,
			...writableInterview(interview),
		})),
	};
	for (const key of ['note', 'externalUrl', 'feedbackReminder'])
		if (current[key] !== null && current[key] !== undefined) body[key] = current[key];
	const response = await leverApiRequest.call(this, 'PUT', PANEL.route, {
		params,
		body: { ...body, ...changes },
		performAs: locatorValue.call(this, 'performAs', itemIndex),
		itemIndex,
	});
	return unwrapData(response);
}
