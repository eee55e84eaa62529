import { listOperation } from '../listOperation';

export const { description, execute } = listOperation({ resource: 'source', endpoint: '/sources' });
