import { getOperation } from '../recordOperation';
import { REFERRAL } from '../records';

export const { description, execute } = getOperation(REFERRAL);
