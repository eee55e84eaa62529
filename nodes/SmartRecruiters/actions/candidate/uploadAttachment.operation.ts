import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

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
		const { body, contentType } = multipartBody(
			{ attachmentType: this.getNodeParameter('attachmentType', i) as string },
			{ name: binary.fileName ?? 'file', contentType: binary.mimeType || 'application/octet-stream', data },
		);
		return await apiRequest.call(this, 'POST', '/candidates/{id}/jobs/{jobId}/attachments', {
			params: { id: candidateId, jobId },
			body,
			headers: { 'Content-Type': contentType },
			itemIndex: i,
		});
	});
}
