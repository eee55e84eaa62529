import { getOperation } from '../recordOperation';
import { OFFER } from '../records';

export const { description, execute } = getOperation(OFFER);
