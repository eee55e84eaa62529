import { deleteOperation } from '../recordOperation';
import { NOTE } from '../records';

export const { description, execute } = deleteOperation(NOTE);
