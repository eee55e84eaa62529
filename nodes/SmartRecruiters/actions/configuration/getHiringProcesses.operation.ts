import { configurationList } from './configurationList';

/** The hiring processes with their sub-statuses per status. */
export const { description, execute } = configurationList({
	operation: 'getHiringProcesses',
	route: '/configuration/hiring-processes',
});
