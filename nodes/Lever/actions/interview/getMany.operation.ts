import { listOperation } from '../listOperation';

export const { description, execute } = listOperation({ resource: 'interview', endpoint: '/opportunities/{opportunity}/interviews' });
