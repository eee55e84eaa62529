import { listOperation } from '../listOperation';

export const { description, execute } = listOperation({ resource: 'tag', endpoint: '/tags' });
