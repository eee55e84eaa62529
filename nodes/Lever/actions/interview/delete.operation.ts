import { deleteOperation } from '../recordOperation';
import { INTERVIEW } from '../records';

// Lever requires perform_as for interview writes; deleting a panel's last interview deletes the panel.
export const { description, execute } = deleteOperation(INTERVIEW, { write: true });
