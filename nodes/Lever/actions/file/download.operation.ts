import { downloadOperation } from '../recordOperation';
import { FILE } from '../records';

export const { description, execute } = downloadOperation(FILE);
