import { deleteOperation } from '../recordOperation';
import { POSITION } from '../records';

export const { description, execute } = deleteOperation(POSITION);
