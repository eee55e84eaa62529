import { listChangeOperation } from './listChange';

export const { description, execute } = listChangeOperation('links', 'remove', 'removeLinks');
