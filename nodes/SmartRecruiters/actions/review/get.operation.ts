import { getOperation } from '../recordOperation';
import { REVIEW } from '../records';

export const { description, execute } = getOperation(REVIEW);
