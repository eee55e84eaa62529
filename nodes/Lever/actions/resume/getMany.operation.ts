import { endpointList, uploadedSinceFilter } from '../endpointList';

export const { description, execute } = endpointList({
	resource: 'resume',
	endpoint: '/opportunities/{opportunity}/resumes',
	...uploadedSinceFilter,
});
