import { deleteOperation } from '../recordOperation';
import { REQUISITION } from '../records';

export const { description, execute } = deleteOperation(REQUISITION);
