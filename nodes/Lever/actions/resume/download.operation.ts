import { downloadOperation } from '../recordOperation';
import { RESUME } from '../records';

export const { description, execute } = downloadOperation(RESUME);
