import { configurationList } from './configurationList';

/** The company's job properties (custom job fields). */
export const { description, execute } = configurationList({
	operation: 'getJobProperties',
	route: '/configuration/job-properties',
});
