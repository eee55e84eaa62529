import { listChangeOperation } from './listChange';

export const { description, execute } = listChangeOperation('links', 'add', 'addLinks');
