import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { fieldsCollection } from '../../../shared/descriptions';
import { endpointList } from '../endpointList';
import { toList, toDate } from '../../../shared/parameters';
import { originOptions } from '../../trigger/events';
import { expandOption } from '../common.descriptions';

export const { description, execute } = endpointList({
	resource: 'opportunity',
	endpoint: '/opportunities',
	filters: [
		fieldsCollection('filters', [
			{
				displayName: 'Archived',
				name: 'archived',
				type: 'boolean',
				default: false,
				description:
					'Whether to return only archived (on) or only active (off) opportunities. Leave out for both.',
			},
			{
				displayName: 'Created Since',
				name: 'createdSince',
				type: 'dateTime',
				default: '',
			},
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
				description:
					'Opportunities of the person with this email address (exact, case-insensitive)',
			},
			{
				displayName: 'Origin',
				name: 'origin',
				type: 'options',
				options: originOptions,
				default: 'sourced',
			},
			{
				displayName: 'Posting ID',
				name: 'postingId',
				type: 'string',
				default: '',
			},
			{
				displayName: 'Stage ID',
				name: 'stageId',
				type: 'string',
				default: '',
				placeholder: 'e.g. lead-new',
			},
			{
				displayName: 'Tags',
				name: 'tags',
				type: 'string',
				default: '',
				description: 'Opportunities with any of these tags (comma-separated, case-sensitive)',
			},
			{
				displayName: 'Updated Since',
				name: 'updatedSince',
				type: 'dateTime',
				default: '',
			},
		]),
		fieldsCollection('options', [expandOption]),
	],
	query(this: IExecuteFunctions, itemIndex: number): IDataObject {
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const qs: IDataObject = { expand: options.expand };
		if (filters.email) qs.email = String(filters.email).trim();
		if (filters.postingId) qs.posting_id = String(filters.postingId).trim();
		if (filters.stageId) qs.stage_id = String(filters.stageId).trim();
		if (filters.origin) qs.origin = filters.origin;
		if (filters.tags) qs.tag = toList(filters.tags);
		if (filters.archived !== undefined) qs.archived = filters.archived;
		if (filters.createdSince)
			qs.created_at_start = toDate
				.call(this, filters.createdSince, 'Created Since', itemIndex)
				.getTime();
		if (filters.updatedSince)
			qs.updated_at_start = toDate
				.call(this, filters.updatedSince, 'Updated Since', itemIndex)
				.getTime();
		return qs;
	},
});
