import { endpointList } from '../endpointList';

export const { description, execute } = endpointList({
	resource: 'feedback',
	endpoint: '/opportunities/{opportunity}/feedback',
});
