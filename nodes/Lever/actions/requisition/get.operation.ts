import { getOperation } from '../recordOperation';
import { REQUISITION } from '../records';

export const { description, execute } = getOperation(REQUISITION);
