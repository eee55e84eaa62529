import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { leverCursorPages, searchPage } from '../../shared/transport/pagination';
import { leverApiRequest, leverApiRequestAllItems } from '../transport';

const PAGE_SIZE = 50;
const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const contains = (text: unknown, filter?: string) => !filter || String(text ?? '').toLowerCase().includes(filter.trim().toLowerCase());

/** One page of a Lever list, with Lever's `next` token as n8n's pagination token. */
async function page(this: ILoadOptionsFunctions, endpoint: string, qs: IDataObject, paginationToken?: string) {
	const getPage = async (pageQuery: IDataObject) => await leverApiRequest.call(this, 'GET', endpoint, { qs: { ...qs, ...pageQuery } });
	const { items, paginationToken: next } = await searchPage(getPage, leverCursorPages, PAGE_SIZE, paginationToken);
	return { data: items, next };
}

/** Lever has no name search: a full email address is looked up exactly, anything else filters the page by name. */
export async function searchOpportunities(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const email = filter?.trim() && LOOKS_LIKE_EMAIL.test(filter.trim()) ? filter.trim() : undefined;
	const { data, next } = await page.call(this, '/opportunities', email ? { email } : {}, paginationToken);
	const results: INodeListSearchItems[] = data
		.filter((opportunity) => email || contains(opportunity.name, filter) || contains((opportunity.emails as string[])?.join(' '), filter))
		.map((opportunity) => {
			const emails = (opportunity.emails as string[] | undefined) ?? [];
			return {
				name: `${String(opportunity.name || '(no name)')}${emails[0] ? ` <${emails[0]}>` : ''}`,
				value: opportunity.id as string,
				url: (opportunity.urls as IDataObject | undefined)?.show as string | undefined,
			};
		});
	return { results, paginationToken: next };
}

export async function searchPostings(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const { data, next } = await page.call(this, '/postings', {}, paginationToken);
	const results = data
		.filter((posting) => contains(posting.text, filter))
		.map((posting) => {
			const location = (posting.categories as IDataObject | undefined)?.location;
			return {
				name: `${String(posting.text)} (${String(posting.state)}${location ? `, ${String(location)}` : ''})`,
				value: posting.id as string,
				url: (posting.urls as IDataObject | undefined)?.show as string | undefined,
			};
		});
	return { results, paginationToken: next };
}

export async function searchStages(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const stages = await leverApiRequestAllItems.call(this, '/stages');
	return {
		results: stages.filter((stage) => contains(stage.text, filter)).map((stage) => ({ name: String(stage.text), value: stage.id as string })),
	};
}

export async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const email = filter?.trim() && LOOKS_LIKE_EMAIL.test(filter.trim()) ? filter.trim() : undefined;
	const { data, next } = await page.call(this, '/users', email ? { email } : {}, paginationToken);
	const results = data
		.filter((user) => email || contains(user.name, filter) || contains(user.email, filter))
		.map((user) => ({ name: `${String(user.name)} <${String(user.email)}>`, value: user.id as string }));
	return { results, paginationToken: next };
}
