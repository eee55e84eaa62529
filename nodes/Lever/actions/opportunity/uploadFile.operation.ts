import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { binaryAsBlob, locatorValue, requiredLocatorValue } from '../../helpers/utils';
import { leverApiRequest } from '../../transport';
import { opportunityRLC, performAsRLC } from '../common.descriptions';

const properties: INodeProperties[] = [
	opportunityRLC,
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the input binary field containing the file to attach (at most 30 MB)',
	},
	performAsRLC,
];

export const description = updateDisplayOptions({ show: { resource: ['opportunity'], operation: ['uploadFile'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredLocatorValue.call(this, 'opportunity', 'Opportunity', itemIndex);
	const property = this.getNodeParameter('binaryPropertyName', itemIndex) as string;
	const { blob, fileName } = await binaryAsBlob.call(this, property, itemIndex);
	const form = new FormData();
	form.append('file', blob, fileName);
	// Lever has no "upload resume" for an existing opportunity: a resume after creation is attached as a file.
	const response = await leverApiRequest.call(this, 'POST', `/opportunities/${encodeURIComponent(id)}/files`, {
		body: form,
		performAs: locatorValue.call(this, 'performAs', itemIndex),
		itemIndex,
	});
	return response.data as IDataObject;
}
