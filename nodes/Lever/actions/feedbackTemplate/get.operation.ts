import { getOperation } from '../recordOperation';
import { FEEDBACK_TEMPLATE } from '../records';

export const { description, execute } = getOperation(FEEDBACK_TEMPLATE);
