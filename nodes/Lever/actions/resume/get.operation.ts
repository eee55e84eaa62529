import { getOperation } from '../recordOperation';
import { RESUME } from '../records';

export const { description, execute } = getOperation(RESUME);
