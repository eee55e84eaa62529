import { listOperation } from '../listOperation';

export const { description, execute } = listOperation({ resource: 'panel', endpoint: '/opportunities/{opportunity}/panels' });
