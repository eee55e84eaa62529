import { endpointList } from '../endpointList';

export const { description, execute } = endpointList({
	resource: 'feedbackTemplate',
	endpoint: '/feedback_templates',
});
