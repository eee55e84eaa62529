import { downloadOperation } from '../recordOperation';
import { ATTACHMENT } from '../records';

export const { description, execute } = downloadOperation(ATTACHMENT, {
	operation: 'downloadAttachment',
	fallbackName: (id) => `attachment-${id}`,
});
