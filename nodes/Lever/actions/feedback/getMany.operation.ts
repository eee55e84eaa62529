import { listOperation } from '../listOperation';

export const { description, execute } = listOperation({ resource: 'feedback', endpoint: '/opportunities/{opportunity}/feedback' });
