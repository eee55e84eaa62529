import type { IDataObject } from 'n8n-workflow';

export type PageCursor = string | number;

/** How one vendor list endpoint pages: what to ask for, where the items are, and where the next page starts. */
export interface PageStyle {
	/** The largest page the vendor serves. */
	maxPageSize: number;
	/** Query parameters for a page of `size` items starting at `cursor` (undefined: the first page). */
	query(size: number, cursor: PageCursor | undefined): IDataObject;
	items(page: IDataObject): IDataObject[];
	/** The cursor of the page after this one, or undefined when this was the last. */
	next(
		page: IDataObject,
		items: IDataObject[],
		cursor: PageCursor | undefined,
		size: number,
	): PageCursor | undefined;
}

/** Lever: `?limit&offset=<token>`, items in `data`, and an opaque `next` token while `hasNext` is true. */
export const leverCursorPages: PageStyle = {
	maxPageSize: 100,
	query: (size, cursor) => ({ limit: size, ...(cursor !== undefined ? { offset: cursor } : {}) }),
	items: (page) =>
		Array.isArray(page.data)
			? (page.data as IDataObject[])
			: page.data
				? [page.data as IDataObject]
				: [],
	next: (page) =>
		page.hasNext === true && typeof page.next === 'string' && page.next !== ''
			? page.next
			: undefined,
};

/** SmartRecruiters' cursor lists: `?limit&pageId=<id>`, items in `content`, the next page's id in `nextPageId`. */
export const nextPageIdPages: PageStyle = {
	maxPageSize: 100,
	query: (size, cursor) => ({ limit: size, ...(cursor !== undefined ? { pageId: cursor } : {}) }),
	items: (page) => (Array.isArray(page.content) ? (page.content as IDataObject[]) : []),
	next: (page) =>
		typeof page.nextPageId === 'string' && page.nextPageId !== '' ? page.nextPageId : undefined,
};

/** SmartRecruiters' configuration lists: `?limit&offset=<n>`, items in `content`, `totalFound` in all. */
export const offsetPages: PageStyle = {
	maxPageSize: 100,
	query: (size, cursor) => ({ limit: size, offset: cursor ?? 0 }),
	items: (page) => (Array.isArray(page.content) ? (page.content as IDataObject[]) : []),
	next: (page, items, cursor, size) => {
		const fetched = Number(cursor ?? 0) + items.length;
		return items.length < size || fetched >= Number(page.totalFound ?? fetched)
			? undefined
			: fetched;
	},
};

/**
 * SmartRecruiters' job-property values: `?pageSize&pageId=<id>`, items in `content`, the next page's id in
 * `nextPageId`. The API serves up to 20,000 values a page; 1,000 keeps each answer small.
 */
export const pageSizeCursorPages: PageStyle = {
	maxPageSize: 1000,
	query: (size, cursor) => ({
		pageSize: size,
		...(cursor !== undefined ? { pageId: cursor } : {}),
	}),
	items: nextPageIdPages.items,
	next: nextPageIdPages.next,
};

/** A list the vendor answers in one response (`{content}` without paging): Limit cuts it. */
export const singlePage: PageStyle = {
	maxPageSize: Number.MAX_SAFE_INTEGER,
	query: () => ({}),
	items: nextPageIdPages.items,
	next: () => undefined,
};

/** One page of a list and the cursor of the next (undefined on the last), e.g. for a resource locator's search. */
export async function fetchPage(
	getPage: (query: IDataObject) => Promise<IDataObject>,
	style: PageStyle,
	size: number,
	cursor?: PageCursor,
): Promise<{ items: IDataObject[]; next: PageCursor | undefined }> {
	const pageSize = Math.min(size, style.maxPageSize);
	const page = await getPage(style.query(pageSize, cursor));
	const items = style.items(page);
	return { items, next: style.next(page, items, cursor, pageSize) };
}

/** One page for a resource locator's list search, with the next page's cursor as n8n's pagination token. */
export async function searchPage(
	getPage: (query: IDataObject) => Promise<IDataObject>,
	style: PageStyle,
	size: number,
	paginationToken?: string,
): Promise<{ items: IDataObject[]; paginationToken?: string }> {
	const { items, next } = await fetchPage(getPage, style, size, paginationToken);
	return { items, paginationToken: next === undefined ? undefined : String(next) };
}

/**
 * Every item of a list, page by page, or the first `limit` items: asks for no more than are still wanted and stops
 * as soon as the limit is reached. `query` (the list's filters) goes with every page.
 */
export async function paginate(
	getPage: (query: IDataObject) => Promise<IDataObject>,
	style: PageStyle,
	limit?: number,
	query: IDataObject = {},
): Promise<IDataObject[]> {
	const results: IDataObject[] = [];
	let cursor: PageCursor | undefined;
	do {
		const size =
			limit === undefined ? style.maxPageSize : Math.min(style.maxPageSize, limit - results.length);
		const page = await fetchPage(
			async (pageQuery) => await getPage({ ...query, ...pageQuery }),
			style,
			size,
			cursor,
		);
		results.push(...page.items);
		cursor = page.next;
	} while (cursor !== undefined && (limit === undefined || results.length < limit));
	return limit === undefined ? results : results.slice(0, limit);
}

/**
 * A list page by page, as the pages arrive: for a caller that keeps less than the whole list (a capped poll keeps the
 * oldest records of a window it reads to the end). `query` (the list's filters) goes with every page.
 */
export async function* listPages(
	getPage: (query: IDataObject) => Promise<IDataObject>,
	style: PageStyle,
	query: IDataObject = {},
): AsyncGenerator<IDataObject[]> {
	let cursor: PageCursor | undefined;
	do {
		const page = await fetchPage(
			async (pageQuery) => await getPage({ ...query, ...pageQuery }),
			style,
			style.maxPageSize,
			cursor,
		);
		yield page.items;
		cursor = page.next;
	} while (cursor !== undefined);
}
