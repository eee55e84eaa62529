import { listOperation } from '../listOperation';

export const { description, execute } = listOperation({ resource: 'webhook', endpoint: '/webhooks' });
