import { getOperation } from '../recordOperation';
import { PANEL } from '../records';

export const { description, execute } = getOperation(PANEL);
