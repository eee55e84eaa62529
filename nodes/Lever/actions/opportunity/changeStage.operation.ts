import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { locatorValue, requiredLocatorValue } from '../../../shared/parameters';
import { leverApiRequest } from '../../transport';
import { opportunityRLC, performAsRLC, stageRLC } from '../common.descriptions';

const properties: INodeProperties[] = [
	opportunityRLC,
	{ ...stageRLC, required: true },
	performAsRLC,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['opportunity'], operation: ['changeStage'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredLocatorValue.call(this, 'opportunity', 'Opportunity', itemIndex);
	const stage = requiredLocatorValue.call(this, 'stage', 'Stage', itemIndex);
	const response = await leverApiRequest.call(
		this,
		'PUT',
		`/opportunities/${encodeURIComponent(id)}/stage`,
		{
			body: { stage },
			performAs: locatorValue.call(this, 'performAs', itemIndex),
			itemIndex,
		},
	);
	return response.data as IDataObject;
}
