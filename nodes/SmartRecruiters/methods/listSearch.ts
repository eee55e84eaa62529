import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { nextPageIdPages, offsetPages, searchPage } from '../../shared/transport/pagination';
import { candidateDisplayName } from '../helpers/candidate';
import { getOfferDocuments } from '../helpers/lookups';
import { getPositions } from '../helpers/position';
import { API, smartRecruitersApiRequest } from '../transport';

const PAGE_SIZE = 50;

/** One page of a SmartRecruiters list, with its `nextPageId` as n8n's pagination token. */
async function page(
	this: ILoadOptionsFunctions,
	route: string,
	qs: IDataObject,
	paginationToken?: string,
) {
	const getPage = async (pageQuery: IDataObject) =>
		await smartRecruitersApiRequest.call(this, 'GET', route, { qs: { ...qs, ...pageQuery } });
	return await searchPage(getPage, nextPageIdPages, PAGE_SIZE, paginationToken);
}

export async function searchJobs(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	// SmartRecruiters honours pageId on jobs only with sort=job_id.
	const { items, paginationToken: next } = await page.call(
		this,
		'/jobs',
		{ sort: 'job_id', ...(filter ? { q: filter } : {}) },
		paginationToken,
	);
	return {
		results: items.map((job) => ({
			name: job.refNumber ? `${String(job.title)} (${String(job.refNumber)})` : String(job.title),
			value: String(job.id),
			url: `https://www.smartrecruiters.com/app/jobs/details/${String(job.id)}`,
		})),
		paginationToken: next,
	};
}

export async function searchCandidates(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	// An email is searched quoted, otherwise SmartRecruiters splits it into terms at "@" and ".".
	const query = filter ? { q: filter.includes('@') ? `"${filter}"` : filter } : {};
	const { items, paginationToken: next } = await page.call(
		this,
		'/candidates',
		query,
		paginationToken,
	);
	return {
		results: items.map((candidate) => ({
			name: candidate.email
				? `${candidateDisplayName(candidate)} <${String(candidate.email)}>`
				: candidateDisplayName(candidate),
			value: String(candidate.id),
		})),
		paginationToken: next,
	};
}

/** Filters a list the API cannot search by the text typed into "From List" (case-insensitive, in any of `texts`). */
const matching = (filter: string | undefined, texts: unknown[]) =>
	!filter ||
	texts.some(
		(text) => typeof text === 'string' && text.toLowerCase().includes(filter.toLowerCase()),
	);

/** A record chosen in another parameter of the node (e.g. the job a position belongs to), or '' when not chosen yet. */
function chosen(context: ILoadOptionsFunctions, name: string): string {
	const value = context.getCurrentNodeParameter(name, { extractValue: true }) as unknown;
	return typeof value === 'string' ? value.trim() : '';
}

export async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	// The users search needs 3 characters or more; with fewer the list is filtered here.
	const query = filter && filter.trim().length >= 3 ? { q: filter.trim() } : {};
	const getPage = async (pageQuery: IDataObject) =>
		await smartRecruitersApiRequest.call(this, 'GET', `${API.users}/users`, {
			qs: { ...query, ...pageQuery },
		});
	const { items, paginationToken: next } = await searchPage(
		getPage,
		offsetPages,
		PAGE_SIZE,
		paginationToken,
	);
	return {
		results: items
			.filter((user) =>
				matching(query.q ? undefined : filter, [user.firstName, user.lastName, user.email]),
			)
			.map((user) => ({
				name: `${candidateDisplayName(user)}${user.email ? ` <${String(user.email)}>` : ''}`,
				value: String(user.id),
			})),
		paginationToken: next,
	};
}

export async function searchPositions(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const jobId = chosen(this, 'job');
	if (!jobId) return { results: [] };
	const positions = await getPositions.call(this, jobId);
	return {
		results: positions
			.filter((position) =>
				matching(filter, [position.positionId, position.incumbentName, position.type]),
			)
			.map((position) => ({
				name: [position.positionId ?? position.id, position.type, position.status]
					.filter(Boolean)
					.map(String)
					.join(' · '),
				value: String(position.id),
			})),
	};
}

export async function searchAttachments(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const [candidateId, jobId] = [chosen(this, 'candidate'), chosen(this, 'job')];
	if (!candidateId || !jobId) return { results: [] };
	const listed = await smartRecruitersApiRequest.call(
		this,
		'GET',
		'/candidates/{candidateId}/jobs/{jobId}/attachments',
		{ params: { candidateId, jobId } },
	);
	return {
		results: ((listed.content as IDataObject[] | undefined) ?? [])
			.filter((attachment) => matching(filter, [attachment.name, attachment.type]))
			.map((attachment) => ({
				name: `${String(attachment.name)} (${String(attachment.type)})`,
				value: String(attachment.id),
			})),
	};
}

export async function searchOfferDocuments(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const offerId = String(this.getCurrentNodeParameter('offerId') ?? '').trim();
	if (!offerId) return { results: [] };
	const { documents } = await getOfferDocuments.call(this, offerId);
	return {
		results: documents
			.filter((document) => matching(filter, [document.name]))
			.map((document) => ({
				name: String(document.name ?? document.id),
				value: String(document.id),
			})),
	};
}
