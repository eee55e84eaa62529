import { endpointList } from '../endpointList';

export const { description, execute } = endpointList({
	resource: 'webhook',
	endpoint: '/webhooks',
});
