import { deleteOperation } from '../recordOperation';
import { INTERVIEW } from '../records';

export const { description, execute } = deleteOperation(INTERVIEW);
