import { endpointList } from '../endpointList';

export const { description, execute } = endpointList({
	resource: 'note',
	endpoint: '/opportunities/{opportunity}/notes',
});
