import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { findCandidatesByEmail } from '../../helpers/lookups';
import { apiRequestAllPages } from '../../transport';
import { CANDIDATE_STATUSES } from '../../helpers/constants';
import { eachItem, forOperation, resultLimit, stringList } from '../common';
import { returnAllAndLimit } from '../../../shared/descriptions';

export const description: INodeProperties[] = forOperation('candidate', 'search', [
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
				description: 'Comma-separated job IDs the candidates applied to',
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
				description: 'Comma-separated tags',
			},
			{
				displayName: 'Updated After',
				name: 'updatedAfter',
				type: 'dateTime',
				default: '',
			},
		],
	},
]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await eachItem.call(this, async (i) => {
		if (this.getNodeParameter('searchBy', i) === 'email') {
			const email = String(this.getNodeParameter('email', i, '')).trim();
			if (!email.includes('@')) throw new NodeOperationError(this.getNode(), `"Email" must be an email address, got "${email}"`, { itemIndex: i });
			return await findCandidatesByEmail.call(this, email, i);
		}
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const qs: IDataObject = {};
		const keyword = String(this.getNodeParameter('keyword', i, '')).trim();
		if (keyword) qs.q = keyword;
		if (filters.jobIds) qs.jobId = stringList(filters.jobIds);
		if ((filters.statuses as string[] | undefined)?.length) qs.status = filters.statuses;
		if (filters.tags) qs.tag = stringList(filters.tags);
		if (filters.updatedAfter) qs.updatedAfter = new Date(filters.updatedAfter as string).toISOString();
		return await apiRequestAllPages.call(this, '/candidates', { qs, limit: resultLimit.call(this, i), itemIndex: i });
	});
}
