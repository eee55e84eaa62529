import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { binaryOutputProperty } from '../../../shared/descriptions';
import { fileOutput } from '../../../shared/files';
import { requiredLocatorValue } from '../../../shared/parameters';
import type { OutputItems } from '../../../shared/router';
import { smartRecruitersApiDownload } from '../../transport';
import { offerDocumentRLC, offerIdProperty } from '../common.descriptions';

const properties: INodeProperties[] = [offerIdProperty, offerDocumentRLC, binaryOutputProperty()];

export const description = updateDisplayOptions({ show: { resource: ['offer'], operation: ['downloadDocument'] } }, properties);

/** One item: the document in the binary field (SmartRecruiters allows 2 downloads a second; the node keeps to it). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<OutputItems> {
	const offerId = requiredLocatorValue.call(this, 'offerId', 'Offer ID', itemIndex);
	const documentId = requiredLocatorValue.call(this, 'document', 'Document', itemIndex);
	const file = await smartRecruitersApiDownload.call(this, '/offers/{offerId}/documents/{documentId}', { params: { offerId, documentId }, itemIndex });
	return await fileOutput.call(this, itemIndex, file, { offerId, documentId }, `offer-document-${documentId}.pdf`);
}
