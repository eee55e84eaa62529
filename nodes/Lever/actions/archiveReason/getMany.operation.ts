import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { endpointList } from '../endpointList';

export const { description, execute } = endpointList({
	resource: 'archiveReason',
	endpoint: '/archive_reasons',
	filters: [
		{
			displayName: 'Type',
			name: 'type',
			type: 'options',
			options: [
				{ name: 'All', value: '' },
				{ name: 'Hired', value: 'hired' },
				{ name: 'Not Hired', value: 'non-hired' },
			],
			default: '',
		},
	],
	query(this: IExecuteFunctions, itemIndex: number): IDataObject {
		const type = this.getNodeParameter('type', itemIndex, '') as string;
		return type ? { type } : {};
	},
});
