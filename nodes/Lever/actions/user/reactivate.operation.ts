import { activationOperation } from './activation';

export const { description, execute } = activationOperation('reactivate');
