import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { createOnce } from '../../../shared/upsert';
import { apiRequest } from '../../transport';
import { candidateLocator, eachItem, forOperation, jobLocator, locatorValue } from '../common';

export const description: INodeProperties[] = forOperation('candidate', 'uploadAttachment', [
	candidateLocator(),
	jobLocator('Job', true, 'Attachments are stored on the job application'),
	{
		displayName: 'Attachment Type',
		name: 'attachmentType',
		type: 'options',
		options: [
			{ name: 'Resume', value: 'RESUME' },
			{ name: 'Cover Letter', value: 'COVER_LETTER' },
			{ name: 'Other File', value: 'GENERIC_FILE' },
		],
		default: 'RESUME',
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field containing the file',
	},
]);

/** A multipart/form-data body built by hand, so the file bytes and part headers are exactly what is sent. */
function multipartBody(fields: Record<string, string>, file: { name: string; contentType: string; data: Buffer }) {
	const boundary = `----n8nSmartRecruiters${Date.now().toString(16)}${Math.random().toString(16).slice(2)}`;
	const parts: Buffer[] = [];
	for (const [name, value] of Object.entries(fields)) {
		parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
	}
	const safeName = file.name.replace(/["\r\n]/g, '_');
	parts.push(
		Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${safeName}"\r\nContent-Type: ${file.contentType}\r\n\r\n`),
		file.data,
		Buffer.from(`\r\n--${boundary}--\r\n`),
	);
	return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await eachItem.call(this, async (i) => {
		const candidateId = locatorValue.call(this, 'candidateId', i);
		const jobId = locatorValue.call(this, 'jobId', i);
		const binaryPropertyName = this.getNodeParameter('binaryPropertyName', i) as string;
		const binary = this.helpers.assertBinaryData(i, binaryPropertyName);
		const data = await this.helpers.getBinaryDataBuffer(i, binaryPropertyName);
		const attachmentType = this.getNodeParameter('attachmentType', i) as string;
		const fileName = binary.fileName ?? 'file';
		const { body, contentType } = multipartBody({ attachmentType }, { name: fileName, contentType: binary.mimeType || 'application/octet-stream', data });
		const route = '/candidates/{id}/jobs/{jobId}/attachments';
		const params = { id: candidateId, jobId };
		// SmartRecruiters keeps one file per name on a job application (a second upload answers FILE_ALREADY_EXIST).
		const findUploaded = async () => {
			const listed = await apiRequest.call(this, 'GET', route, { params, itemIndex: i });
			const found = ((listed.content ?? []) as IDataObject[]).find((attachment) => attachment.name === fileName && attachment.type === attachmentType);
			return found && { ...found, alreadyExisted: true };
		};
		try {
			// After a 5xx, a reset or a timeout the list tells whether the upload landed, before it is sent again.
			return await createOnce(
				async (confirmNotApplied) => await apiRequest.call(this, 'POST', route, { params, body, headers: { 'Content-Type': contentType }, itemIndex: i, confirmNotApplied }),
				findUploaded,
			);
		} catch (error) {
			// A rerun uploading the same file again: it is already there, which is what the item asks for.
			const existing = hasVendorCode(error, 'FILE_ALREADY_EXIST') ? await findUploaded() : undefined;
			if (existing) return existing;
			throw error;
		}
	});
}

function hasVendorCode(error: unknown, code: string): boolean {
	const errors = error instanceof NodeApiError ? error.errorResponse?.errors : undefined;
	return Array.isArray(errors) && errors.some((entry) => (entry as IDataObject | null)?.code === code);
}
