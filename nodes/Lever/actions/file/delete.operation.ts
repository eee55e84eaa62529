import { deleteOperation } from '../recordOperation';
import { FILE } from '../records';

// Lever requires perform_as to delete a file.
export const { description, execute } = deleteOperation(FILE, { write: true });
