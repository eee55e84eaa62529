import { getOperation } from '../recordOperation';
import { FEEDBACK } from '../records';

export const { description, execute } = getOperation(FEEDBACK);
