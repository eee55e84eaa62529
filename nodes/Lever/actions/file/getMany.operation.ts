import { endpointList, uploadedSinceFilter } from '../endpointList';

export const { description, execute } = endpointList({
	resource: 'file',
	endpoint: '/opportunities/{opportunity}/files',
	...uploadedSinceFilter,
});
