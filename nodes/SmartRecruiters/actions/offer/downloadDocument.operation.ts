import { downloadOperation } from '../recordOperation';
import { OFFER_DOCUMENT } from '../records';

// SmartRecruiters allows 2 document downloads a second; the transport keeps to it.
export const { description, execute } = downloadOperation(OFFER_DOCUMENT, {
	operation: 'downloadDocument',
	fallbackName: (id) => `offer-document-${id}.pdf`,
});
