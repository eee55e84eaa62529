import { listOperation } from '../listOperation';

export const { description, execute } = listOperation({ resource: 'requisitionField', endpoint: '/requisition_fields' });
