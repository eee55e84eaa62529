import { endpointList } from '../endpointList';

export const { description, execute } = endpointList({
	resource: 'interview',
	endpoint: '/opportunities/{opportunity}/interviews',
});
