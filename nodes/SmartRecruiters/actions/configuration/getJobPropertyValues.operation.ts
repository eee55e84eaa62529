import type { IExecuteFunctions } from 'n8n-workflow';

import { requiredLocatorValue } from '../../../shared/parameters';
import { pageSizeCursorPages } from '../../../shared/transport/pagination';
import { configurationList } from './configurationList';

/** The values of a job property, paged by `pageId`. */
export const { description, execute } = configurationList({
	operation: 'getJobPropertyValues',
	route: '/configuration/job-properties/{jobPropertyId}/values',
	properties: [
		{
			displayName: 'Job Property Name or ID',
			name: 'jobPropertyId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getJobProperties' },
			default: '',
			required: true,
			description:
				'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		},
	],
	request(this: IExecuteFunctions, itemIndex: number) {
		return {
			params: {
				jobPropertyId: requiredLocatorValue.call(this, 'jobPropertyId', 'Job Property', itemIndex),
			},
		};
	},
	pages: pageSizeCursorPages,
});
