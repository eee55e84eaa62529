import { getOperation } from '../recordOperation';
import { POSITION } from '../records';

export const { description, execute } = getOperation(POSITION);
