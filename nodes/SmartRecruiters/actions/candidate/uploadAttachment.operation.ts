import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { asNodeError } from '../../../shared/errors';
import { binaryFile, requiredLocatorValue } from '../../../shared/parameters';
import { createOnce } from '../../../shared/upsert';
import { hasErrorCode, smartRecruitersApiRequest } from '../../transport';
import { candidateRLC, jobRLC } from '../common.descriptions';

const properties: INodeProperties[] = [
	candidateRLC,
	jobRLC('Attachments are stored on the job application'),
	{
		displayName: 'Attachment Type',
		name: 'attachmentType',
		type: 'options',
		options: [
			{ name: 'Cover Letter', value: 'COVER_LETTER' },
			{ name: 'Other File', value: 'GENERIC_FILE' },
			{ name: 'Resume', value: 'RESUME' },
		],
		default: 'RESUME',
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field containing the file to attach',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['candidate'], operation: ['uploadAttachment'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const candidateId = requiredLocatorValue.call(this, 'candidate', 'Candidate', itemIndex);
	const jobId = requiredLocatorValue.call(this, 'job', 'Job', itemIndex);
	const attachmentType = this.getNodeParameter('attachmentType', itemIndex) as string;
	const { blob, fileName } = await binaryFile.call(
		this,
		this.getNodeParameter('binaryPropertyName', itemIndex) as string,
		itemIndex,
	);
	const route = '/candidates/{candidateId}/jobs/{jobId}/attachments';
	const params = { candidateId, jobId };
	// SmartRecruiters keeps one file per name on a job application (a second upload answers FILE_ALREADY_EXIST).
	const findUploaded = async () => {
		const listed = await smartRecruitersApiRequest.call(this, 'GET', route, { params, itemIndex });
		const found = ((listed.content ?? []) as IDataObject[]).find(
			(attachment) => attachment.name === fileName && attachment.type === attachmentType,
		);
		return found && { ...found, alreadyExisted: true };
	};
	let failure: unknown;
	try {
		// After a 5xx, a reset or a timeout the list tells whether the upload landed, before it is sent again.
		return await createOnce(async (confirmNotApplied) => {
			const form = new FormData();
			form.append('attachmentType', attachmentType);
			form.append('file', blob, fileName);
			return await smartRecruitersApiRequest.call(this, 'POST', route, {
				params,
				body: form,
				itemIndex,
				confirmNotApplied,
			});
		}, findUploaded);
	} catch (error) {
		failure = error;
	}
	// A rerun uploading the same file again: it is already there, which is what the item asks for.
	const existing = hasErrorCode(failure, 'FILE_ALREADY_EXIST') ? await findUploaded() : undefined;
	if (existing) return existing;
	throw asNodeError(this.getNode(), failure, itemIndex);
}
