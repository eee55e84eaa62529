import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { fieldsCollection } from '../../../shared/descriptions';
import { endpointList } from '../endpointList';

export const { description, execute } = endpointList({
	resource: 'user',
	endpoint: '/users',
	filters: [
		fieldsCollection('filters', [
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
				description: 'The user with this email address (exact)',
			},
			{
				displayName: 'Include Deactivated',
				name: 'includeDeactivated',
				type: 'boolean',
				default: false,
				description: 'Whether to include deactivated users',
			},
		]),
	],
	query(this: IExecuteFunctions, itemIndex: number): IDataObject {
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const qs: IDataObject = {};
		if (filters.email) qs.email = String(filters.email).trim();
		if (filters.includeDeactivated) qs.includeDeactivated = true;
		return qs;
	},
});
