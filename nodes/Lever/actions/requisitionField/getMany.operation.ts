import { endpointList } from '../endpointList';

export const { description, execute } = endpointList({
	resource: 'requisitionField',
	endpoint: '/requisition_fields',
});
