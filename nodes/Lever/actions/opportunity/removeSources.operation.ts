import { listChangeOperation } from './listChange';

export const { description, execute } = listChangeOperation('sources', 'remove', 'removeSources');
