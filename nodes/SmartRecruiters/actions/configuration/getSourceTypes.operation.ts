import { configurationList } from './configurationList';

/** The source types (job boards, sourcing tools …) with their subtypes. */
export const { description, execute } = configurationList({
	operation: 'getSourceTypes',
	route: '/configuration/sources',
});
