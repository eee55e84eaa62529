import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { requiredLocatorValue } from '../../../shared/parameters';
import { offsetPages } from '../../../shared/transport/pagination';
import { configurationList } from './configurationList';

/** The sources of one type (e.g. the job boards), paged by offset: the ids a candidate's source takes. */
export const { description, execute } = configurationList({
	operation: 'getSources',
	route: '/configuration/sources/{sourceType}/values',
	properties: [
		{
			displayName: 'Source Type Name or ID',
			name: 'sourceTypeId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getSourceTypes' },
			default: '',
			required: true,
			description:
				'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		},
		{
			displayName: 'Source Subtype ID',
			name: 'sourceSubTypeId',
			type: 'string',
			default: '',
			description: 'Only the sources of this subtype (for source types with several)',
		},
	],
	request(this: IExecuteFunctions, itemIndex: number) {
		const sourceSubType = String(this.getNodeParameter('sourceSubTypeId', itemIndex, '')).trim();
		const qs: IDataObject = sourceSubType ? { sourceSubType } : {};
		return {
			params: {
				sourceType: requiredLocatorValue.call(this, 'sourceTypeId', 'Source Type', itemIndex),
			},
			qs,
		};
	},
	pages: offsetPages,
});
