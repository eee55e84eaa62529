import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { binaryOutputProperty } from '../../../shared/descriptions';
import { fileOutput } from '../../../shared/files';
import type { OutputItems } from '../../../shared/router';
import { requiredLocatorValue } from '../../../shared/parameters';
import { applicationOf } from '../../helpers/application';
import { smartRecruitersApiDownload } from '../../transport';
import { applicationProperties, attachmentRLC } from '../common.descriptions';

const properties: INodeProperties[] = [
	...applicationProperties('The job application the file belongs to'),
	attachmentRLC,
	binaryOutputProperty(),
];

export const description = updateDisplayOptions({ show: { resource: ['candidate'], operation: ['downloadAttachment'] } }, properties);

/** One item: the file in the binary field, what it is in the JSON. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OutputItems> {
	const { candidateId, jobId } = applicationOf.call(this, itemIndex);
	const attachmentId = requiredLocatorValue.call(this, 'attachment', 'Attachment', itemIndex);
	const file = await smartRecruitersApiDownload.call(this, '/candidates/attachments/{attachmentId}', { params: { attachmentId }, itemIndex });
	return await fileOutput.call(this, itemIndex, file, { candidateId, jobId, attachmentId }, `attachment-${attachmentId}`);
}
