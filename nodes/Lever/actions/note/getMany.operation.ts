import { listOperation } from '../listOperation';

export const { description, execute } = listOperation({ resource: 'note', endpoint: '/opportunities/{opportunity}/notes' });
