import { listChangeOperation } from './listChange';

export const { description, execute } = listChangeOperation('tags', 'remove', 'removeTags');
