import { deleteOperation } from '../recordOperation';
import { FEEDBACK } from '../records';

// Lever requires perform_as to delete feedback.
export const { description, execute } = deleteOperation(FEEDBACK, { write: true });
