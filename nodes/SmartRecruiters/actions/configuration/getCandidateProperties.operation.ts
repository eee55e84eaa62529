import { configurationList } from './configurationList';

/** The company's candidate properties (custom fields): id, label, type and where they show. */
export const { description, execute } = configurationList({
	operation: 'getCandidateProperties',
	route: '/configuration/candidate-properties',
});
