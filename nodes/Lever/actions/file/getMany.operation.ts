import { listOperation, uploadedSinceFilter } from '../listOperation';

export const { description, execute } = listOperation({ resource: 'file', endpoint: '/opportunities/{opportunity}/files', ...uploadedSinceFilter });
