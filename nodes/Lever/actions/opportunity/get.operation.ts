import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { fieldsCollection } from '../../../shared/descriptions';
import { leverApiRequest } from '../../transport';
import { requiredLocatorValue } from '../../../shared/parameters';
import { expandOption, opportunityRLC } from '../common.descriptions';

const properties: INodeProperties[] = [
	opportunityRLC,
	fieldsCollection('options', [
		{
			displayName: 'Add Archive Reason',
			name: 'archiveReason',
			type: 'boolean',
			default: false,
			description:
				'Whether to add "archiveReason" (ID, text and type, or null when not archived) with one more request. Type "hired" is how Lever marks a hire: check it before acting on a hire event, whose data Lever does not sign.',
		},
		expandOption,
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['opportunity'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredLocatorValue.call(this, 'opportunity', 'Opportunity', itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const response = await leverApiRequest.call(
		this,
		'GET',
		`/opportunities/${encodeURIComponent(id)}`,
		{
			qs: { expand: options.expand },
			itemIndex,
		},
	);
	const opportunity = response.data as IDataObject;
	if (options.archiveReason === true)
		opportunity.archiveReason = await archiveReasonOf.call(this, opportunity, itemIndex);
	return opportunity;
}

/** The archive reason of an archived opportunity (its type tells a hire from a rejection), or null. */
async function archiveReasonOf(
	this: IExecuteFunctions,
	opportunity: IDataObject,
	itemIndex: number,
): Promise<IDataObject | null> {
	const reasonId = (opportunity.archived as IDataObject | null | undefined)?.reason;
	if (typeof reasonId !== 'string' || reasonId === '') return null;
	const response = await leverApiRequest.call(this, 'GET', '/archive_reasons/{id}', {
		params: { id: reasonId },
		itemIndex,
	});
	return response.data as IDataObject;
}
