import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { downloadOperation } from '../recordOperation';
import { OFFER } from '../records';

export const { description, execute } = downloadOperation(OFFER, {
	extra: [
		{
			displayName: 'Document',
			name: 'document',
			type: 'options',
			options: [
				{ name: 'Signed if Any, Else Sent', value: '', description: "Lever's default" },
				{ name: 'Sent', value: 'sent', description: 'The offer letter as sent to the candidate' },
				{
					name: 'Signed',
					value: 'signed',
					description: 'The signed offer letter (not necessarily signed by everyone)',
				},
			],
			default: '',
		},
	],
	query(this: IExecuteFunctions, itemIndex: number): IDataObject {
		const document = this.getNodeParameter('document', itemIndex, '') as string;
		return document ? { status: document } : {};
	},
});
