import { configurationList } from './configurationList';

/** The company's departments (the ids a job's department takes). */
export const { description, execute } = configurationList({
	operation: 'getDepartments',
	route: '/configuration/departments',
});
