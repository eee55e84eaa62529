import { endpointList } from '../endpointList';

export const { description, execute } = endpointList({ resource: 'source', endpoint: '/sources' });
