import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { fieldsCollection } from '../../../shared/descriptions';
import { locatorValue, requiredLocatorValue } from '../../../shared/parameters';
import { leverApiRequest } from '../../transport';
import { opportunityRLC, performAsRLC } from '../common.descriptions';

const properties: INodeProperties[] = [
	opportunityRLC,
	{
		displayName: 'Archive Reason Name or ID',
		name: 'reason',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getArchiveReasons' },
		required: true,
		default: '',
		description:
			'Why the candidacy ends: a hired-type reason marks the candidate hired. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	performAsRLC,
	fieldsCollection('options', [
		{
			displayName: 'Cancel Upcoming Interviews',
			name: 'cleanInterviews',
			type: 'boolean',
			default: false,
			description: "Whether to remove the candidate's upcoming interviews",
		},
		{
			displayName: 'Requisition ID',
			name: 'requisitionId',
			type: 'string',
			default: '',
			description: 'With a hired reason: the requisition the candidate is hired against',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['opportunity'], operation: ['archive'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredLocatorValue.call(this, 'opportunity', 'Opportunity', itemIndex);
	const reason = String(this.getNodeParameter('reason', itemIndex, '')).trim();
	if (!reason)
		throw new NodeOperationError(this.getNode(), '"Archive Reason" is empty', { itemIndex });
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const body: IDataObject = { reason };
	if (options.cleanInterviews !== undefined) body.cleanInterviews = options.cleanInterviews;
	if (options.requisitionId) body.requisitionId = String(options.requisitionId).trim();
	const response = await leverApiRequest.call(
		this,
		'PUT',
		`/opportunities/${encodeURIComponent(id)}/archived`,
		{
			body,
			performAs: locatorValue.call(this, 'performAs', itemIndex),
			itemIndex,
		},
	);
	return response.data as IDataObject;
}
