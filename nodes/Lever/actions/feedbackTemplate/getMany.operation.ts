import { listOperation } from '../listOperation';

export const { description, execute } = listOperation({ resource: 'feedbackTemplate', endpoint: '/feedback_templates' });
