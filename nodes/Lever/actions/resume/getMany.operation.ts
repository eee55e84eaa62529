import { listOperation, uploadedSinceFilter } from '../listOperation';

export const { description, execute } = listOperation({ resource: 'resume', endpoint: '/opportunities/{opportunity}/resumes', ...uploadedSinceFilter });
