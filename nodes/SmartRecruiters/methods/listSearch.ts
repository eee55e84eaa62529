import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { nextPageIdPages, searchPage } from '../../shared/transport/pagination';
import { candidateDisplayName } from '../helpers/candidate';
import { smartRecruitersApiRequest } from '../transport';

const PAGE_SIZE = 50;

/** One page of a SmartRecruiters list, with its `nextPageId` as n8n's pagination token. */
async function page(this: ILoadOptionsFunctions, route: string, qs: IDataObject, paginationToken?: string) {
	const getPage = async (pageQuery: IDataObject) => await smartRecruitersApiRequest.call(this, 'GET', route, { qs: { ...qs, ...pageQuery } });
	return await searchPage(getPage, nextPageIdPages, PAGE_SIZE, paginationToken);
}

export async function searchJobs(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	// SmartRecruiters honours pageId on jobs only with sort=job_id.
	const { items, paginationToken: next } = await page.call(this, '/jobs', { sort: 'job_id', ...(filter ? { q: filter } : {}) }, paginationToken);
	return {
		results: items.map((job) => ({
			name: job.refNumber ? `${String(job.title)} (${String(job.refNumber)})` : String(job.title),
			value: String(job.id),
			url: `https://www.smartrecruiters.com/app/jobs/details/${String(job.id)}`,
		})),
		paginationToken: next,
	};
}

export async function searchCandidates(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	// An email is searched quoted, otherwise SmartRecruiters splits it into terms at "@" and ".".
	const query = filter ? { q: filter.includes('@') ? `"${filter}"` : filter } : {};
	const { items, paginationToken: next } = await page.call(this, '/candidates', query, paginationToken);
	return {
		results: items.map((candidate) => ({
			name: candidate.email ? `${candidateDisplayName(candidate)} <${String(candidate.email)}>` : candidateDisplayName(candidate),
			value: String(candidate.id),
		})),
		paginationToken: next,
	};
}
