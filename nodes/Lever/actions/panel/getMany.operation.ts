import { endpointList } from '../endpointList';

export const { description, execute } = endpointList({
	resource: 'panel',
	endpoint: '/opportunities/{opportunity}/panels',
});
