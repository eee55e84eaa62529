import { getOperation } from '../recordOperation';
import { INTERVIEW } from '../records';

export const { description, execute } = getOperation(INTERVIEW);
