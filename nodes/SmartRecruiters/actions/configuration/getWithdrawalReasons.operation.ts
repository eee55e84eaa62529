import { configurationList } from './configurationList';

/** The reasons a candidate can withdraw with. */
export const { description, execute } = configurationList({
	operation: 'getWithdrawalReasons',
	route: '/configuration/withdrawal-reasons',
});
