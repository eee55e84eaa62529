import { getOperation } from '../recordOperation';
import { CONTACT } from '../records';

export const { description, execute } = getOperation(CONTACT);
