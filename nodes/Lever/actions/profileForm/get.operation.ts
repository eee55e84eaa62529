import { getOperation } from '../recordOperation';
import { PROFILE_FORM } from '../records';

export const { description, execute } = getOperation(PROFILE_FORM);
