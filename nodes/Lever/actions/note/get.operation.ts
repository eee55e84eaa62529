import { getOperation } from '../recordOperation';
import { NOTE } from '../records';

export const { description, execute } = getOperation(NOTE);
