import { listChangeOperation } from './listChange';

export const { description, execute } = listChangeOperation('sources', 'add', 'addSources');
