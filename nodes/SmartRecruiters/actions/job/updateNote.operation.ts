import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { requiredLocatorValue } from '../../../shared/parameters';
import { smartRecruitersApiRequest } from '../../transport';
import { jobRLC } from '../common.descriptions';

const MAX_NOTE_LENGTH = 20_000;

const properties: INodeProperties[] = [
	jobRLC('The job whose note changes'),
	{
		displayName: 'Note',
		name: 'note',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: "The job's internal note (replaces the current one); empty clears it",
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['job'], operation: ['updateNote'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const jobId = requiredLocatorValue.call(this, 'job', 'Job', itemIndex);
	const content = String(this.getNodeParameter('note', itemIndex, ''));
	if (content.length > MAX_NOTE_LENGTH) {
		throw new NodeOperationError(
			this.getNode(),
			`"Note" is ${content.length} characters; SmartRecruiters allows ${MAX_NOTE_LENGTH}`,
			{ itemIndex },
		);
	}
	const note = await smartRecruitersApiRequest.call(this, 'PUT', '/jobs/{jobId}/note', {
		params: { jobId },
		body: { content },
		itemIndex,
	});
	return { jobId, ...note };
}
