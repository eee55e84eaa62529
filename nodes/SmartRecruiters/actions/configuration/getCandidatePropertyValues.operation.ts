import type { IExecuteFunctions } from 'n8n-workflow';

import { requiredLocatorValue } from '../../../shared/parameters';
import { configurationList } from './configurationList';

/** The options of a single-select candidate property (the value ids Set Properties writes). */
export const { description, execute } = configurationList({
	operation: 'getCandidatePropertyValues',
	route: '/configuration/candidate-properties/{propertyId}/values',
	properties: [
		{
			displayName: 'Property Name or ID',
			name: 'propertyId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getSingleSelectCandidateProperties' },
			default: '',
			required: true,
			description:
				'A single-select candidate property. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
	],
	request(this: IExecuteFunctions, itemIndex: number) {
		return {
			params: { propertyId: requiredLocatorValue.call(this, 'propertyId', 'Property', itemIndex) },
		};
	},
});
