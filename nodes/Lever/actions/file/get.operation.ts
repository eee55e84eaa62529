import { getOperation } from '../recordOperation';
import { FILE } from '../records';

export const { description, execute } = getOperation(FILE);
