import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { fieldsCollection } from '../../../shared/descriptions';
import { createOnce } from '../../../shared/upsert';
import { binaryFile, locatorValue, requiredLocatorValue } from '../../../shared/parameters';
import { leverApiRequest, leverApiRequestAllItems } from '../../transport';
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
	fieldsCollection('options', [
		{
			displayName: 'Skip If Same File Exists',
			name: 'skipIfExists',
			type: 'boolean',
			default: false,
			description:
				'Whether to upload nothing when the opportunity already has a file with this name and size, so a workflow run again after a crash or a failed item does not attach the file twice. Costs one extra request per file.',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['opportunity'], operation: ['uploadFile'] } },
	properties,
);

/** Slack between n8n's clock and Lever's when looking for a file this execution may already have uploaded. */
const CLOCK_SKEW_MS = 60_000;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredLocatorValue.call(this, 'opportunity', 'Opportunity', itemIndex);
	const property = this.getNodeParameter('binaryPropertyName', itemIndex) as string;
	const { blob, fileName } = await binaryFile.call(this, property, itemIndex);
	const filesPath = `/opportunities/${encodeURIComponent(id)}/files`;
	const { skipIfExists } = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	if (skipIfExists === true) {
		// A rerun after a crash cannot know whether its earlier upload landed: the opportunity's files are the record of that.
		const files = await leverApiRequestAllItems.call(this, filesPath);
		const same = files.find((file) => file.name === fileName && Number(file.size) === blob.size);
		if (same) return { ...same, alreadyExisted: true };
	}
	const form = new FormData();
	form.append('file', blob, fileName);
	// Not idempotent (a repeat attaches a second copy): after a 5xx, a reset or a timeout the files uploaded since
	// tell whether this one landed (then it is the result) before it is sent again.
	const sentAfter = Date.now() - CLOCK_SKEW_MS;
	return await createOnce(
		async (confirmNotApplied) => {
			// Lever has no "upload resume" for an existing opportunity: a resume after creation is attached as a file.
			const response = await leverApiRequest.call(this, 'POST', filesPath, {
				body: form,
				performAs: locatorValue.call(this, 'performAs', itemIndex),
				confirmNotApplied,
				itemIndex,
			});
			return response.data as IDataObject;
		},
		async () => {
			const files = await leverApiRequestAllItems.call(this, filesPath, {
				qs: { uploaded_at_start: sentAfter },
			});
			const sent = files.find((file) => file.name === fileName && Number(file.size) === blob.size);
			return sent && { ...sent, alreadyExisted: true };
		},
	);
}
