import { getOperation } from '../recordOperation';
import { USER } from '../records';

export const { description, execute } = getOperation(USER);
