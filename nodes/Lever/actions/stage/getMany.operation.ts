import { endpointList } from '../endpointList';

export const { description, execute } = endpointList({ resource: 'stage', endpoint: '/stages' });
