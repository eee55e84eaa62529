import { configurationList } from './configurationList';

/** The reasons a candidate can be rejected with. */
export const { description, execute } = configurationList({
	operation: 'getRejectionReasons',
	route: '/configuration/rejection-reasons',
});
