import { deleteOperation } from '../recordOperation';
import { PANEL } from '../records';

// Lever requires perform_as for panel writes.
export const { description, execute } = deleteOperation(PANEL, { write: true });
