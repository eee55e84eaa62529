import { getOperation } from '../recordOperation';
import { REQUISITION_FIELD } from '../records';

export const { description, execute } = getOperation(REQUISITION_FIELD);
