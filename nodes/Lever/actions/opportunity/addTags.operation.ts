import { listChangeOperation } from './listChange';

export const { description, execute } = listChangeOperation('tags', 'add', 'addTags');
