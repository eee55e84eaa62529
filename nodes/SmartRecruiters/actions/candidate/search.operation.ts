import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/descriptions';
import { resultLimit, toDate, toList } from '../../../shared/parameters';
import { CANDIDATE_STATUSES } from '../../helpers/constants';
import { findCandidatesByEmail } from '../../helpers/lookups';
import { smartRecruitersApiRequestAllItems } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Search By',
		name: 'searchBy',
		type: 'options',
		options: [
			{ name: 'Email (Exact Match)', value: 'email' },
			{ name: 'Keyword', value: 'keyword' },
		],
		default: 'email',
		description:
			"Email finds candidates whose email is exactly this one (ignoring case); keyword uses SmartRecruiters' fuzzy search",
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		required: true,
		displayOptions: { show: { searchBy: ['email'] } },
	},
	{
		displayName: 'Keyword',
		name: 'keyword',
		type: 'string',
		default: '',
		description: 'Search text; leave empty to list candidates matching the filters',
		displayOptions: { show: { searchBy: ['keyword'] } },
	},
	...returnAllAndLimit().map((property) => ({
		...property,
		displayOptions: { show: { ...property.displayOptions?.show, searchBy: ['keyword'] } },
	})),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: { searchBy: ['keyword'] } },
		options: [
			{
				displayName: 'Job IDs',
				name: 'jobIds',
				type: 'string',
				default: '',
				description: 'Job IDs the candidates applied to, comma-separated or one per line',
			},
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'multiOptions',
				options: CANDIDATE_STATUSES,
				default: [],
				description: 'Status of the candidate on a job',
			},
			{
				displayName: 'Tags',
				name: 'tags',
				type: 'string',
				default: '',
				description: 'Tags, comma-separated or one per line',
			},
			{
				displayName: 'Updated After',
				name: 'updatedAfter',
				type: 'dateTime',
				default: '',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['candidate'], operation: ['search'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	if (this.getNodeParameter('searchBy', itemIndex) === 'email') {
		const email = String(this.getNodeParameter('email', itemIndex, '')).trim();
		if (!email.includes('@')) {
			throw new NodeOperationError(
				this.getNode(),
				`"Email" must be an email address, got "${email}"`,
				{ itemIndex },
			);
		}
		return await findCandidatesByEmail.call(this, email, itemIndex);
	}
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	const keyword = String(this.getNodeParameter('keyword', itemIndex, '')).trim();
	if (keyword) qs.q = keyword;
	if (filters.jobIds) qs.jobId = toList(filters.jobIds);
	if (toList(filters.statuses).length > 0) qs.status = toList(filters.statuses);
	if (filters.tags) qs.tag = toList(filters.tags);
	if (filters.updatedAfter)
		qs.updatedAfter = toDate
			.call(this, filters.updatedAfter, 'Updated After', itemIndex)
			.toISOString();
	return await smartRecruitersApiRequestAllItems.call(this, '/candidates', {
		qs,
		limit: resultLimit.call(this, itemIndex),
		itemIndex,
	});
}
