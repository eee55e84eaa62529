import { listOperation } from '../listOperation';

export const { description, execute } = listOperation({ resource: 'stage', endpoint: '/stages' });
