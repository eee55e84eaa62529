import { deleteOperation } from '../recordOperation';
import { WEBHOOK } from '../records';

export const { description, execute } = deleteOperation(WEBHOOK);
