/** The shared `paginate` with each ATS page style: the vendor's cursor followed, the limit never exceeded. */
import type { IDataObject } from 'n8n-workflow';

import {
	leverCursorPages,
	nextPageIdPages,
	offsetPages,
	paginate,
	searchPage,
} from '../../nodes/shared/transport/pagination';

const records = Array.from({ length: 250 }, (_, i) => ({ id: i }));

/** A fake list endpoint that records the queries it got. */
function endpoint(answer: (query: IDataObject) => IDataObject) {
	const queries: IDataObject[] = [];
	return { queries, getPage: async (query: IDataObject) => (queries.push(query), answer(query)) };
}

describe('paginate', () => {
	it("follows Lever's opaque next token while hasNext is true", async () => {
		const lever = endpoint((q) => {
			const start = q.offset ? Number(String(q.offset).slice(1)) : 0;
			const data = records.slice(start, start + Number(q.limit));
			const end = start + data.length;
			return { data, hasNext: end < records.length, next: `t${end}` };
		});
		expect(await paginate(lever.getPage, leverCursorPages, undefined, { tag: 'x' })).toEqual(
			records,
		);
		expect(lever.queries).toEqual([
			{ tag: 'x', limit: 100 },
			{ tag: 'x', limit: 100, offset: 't100' },
			{ tag: 'x', limit: 100, offset: 't200' },
		]);
	});

	it("follows SmartRecruiters' nextPageId and asks for no more than the limit", async () => {
		const sr = endpoint((q) => {
			const start = q.pageId ? Number(q.pageId) : 0;
			const content = records.slice(start, start + Number(q.limit));
			return {
				content,
				nextPageId:
					start + content.length < records.length ? String(start + content.length) : undefined,
			};
		});
		expect(await paginate(sr.getPage, nextPageIdPages, 130)).toEqual(records.slice(0, 130));
		expect(sr.queries).toEqual([{ limit: 100 }, { limit: 30, pageId: '100' }]);
	});

	it('steps offset lists until totalFound', async () => {
		const offsets = endpoint((q) => ({
			content: records.slice(Number(q.offset), Number(q.offset) + Number(q.limit)),
			totalFound: records.length,
		}));
		expect(await paginate(offsets.getPage, offsetPages)).toEqual(records);
		expect(offsets.queries.map((q) => q.offset)).toEqual([0, 100, 200]);
	});

	it("gives a list search one page and the next page's cursor as a string token", async () => {
		const sr = endpoint(() => ({ content: records.slice(0, 50), nextPageId: 'abc' }));
		expect(await searchPage(sr.getPage, nextPageIdPages, 50)).toEqual({
			items: records.slice(0, 50),
			paginationToken: 'abc',
		});
		const last = endpoint(() => ({ content: [], nextPageId: '' }));
		expect(await searchPage(last.getPage, nextPageIdPages, 50, 'abc')).toEqual({
			items: [],
			paginationToken: undefined,
		});
		expect(last.queries).toEqual([{ limit: 50, pageId: 'abc' }]);
	});
});
