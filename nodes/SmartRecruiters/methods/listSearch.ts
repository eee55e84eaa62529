import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { candidateDisplayName } from '../helpers/candidate';
import { apiRequest } from '../transport';

const PAGE_SIZE = 50;

export async function searchJobs(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const page = await apiRequest.call(this, 'GET', '/jobs', {
		qs: { sort: 'job_id', limit: PAGE_SIZE, ...(filter ? { q: filter } : {}), ...(paginationToken ? { pageId: paginationToken } : {}) },
	});
	return {
		results: ((page.content as IDataObject[] | undefined) ?? []).map((job) => ({
			name: job.refNumber ? `${String(job.title)} (${String(job.refNumber)})` : String(job.title),
			value: String(job.id),
			url: `https://www.smartrecruiters.com/app/jobs/details/${String(job.id)}`,
		})),
		paginationToken: (page.nextPageId as string | undefined) || undefined,
	};
}

export async function searchCandidates(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const page = await apiRequest.call(this, 'GET', '/candidates', {
		qs: { limit: PAGE_SIZE, ...(filter ? { q: filter.includes('@') ? `"${filter}"` : filter } : {}), ...(paginationToken ? { pageId: paginationToken } : {}) },
	});
	return {
		results: ((page.content as IDataObject[] | undefined) ?? []).map((candidate) => ({
			name: candidate.email ? `${candidateDisplayName(candidate)} <${String(candidate.email)}>` : candidateDisplayName(candidate),
			value: String(candidate.id),
		})),
		paginationToken: (page.nextPageId as string | undefined) || undefined,
	};
}
