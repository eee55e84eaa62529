import { deleteOperation } from '../recordOperation';
import { REQUISITION_FIELD } from '../records';

export const { description, execute } = deleteOperation(REQUISITION_FIELD);
