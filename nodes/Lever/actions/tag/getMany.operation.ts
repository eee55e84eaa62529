import { endpointList } from '../endpointList';

export const { description, execute } = endpointList({ resource: 'tag', endpoint: '/tags' });
