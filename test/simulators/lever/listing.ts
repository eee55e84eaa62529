/**
 * Query parsing, cursor pagination and response shaping (include / expand) shared by every list endpoint.
 */
import type { Request } from 'express';

import { badRequest } from './errors';

type Query = Request['query'];

/** Multi-value filters repeat the key (`?tag=a&tag=b`); `tag[]=a` parses the same way. */
export function many(query: Query, key: string): string[] {
	const value = query[key];
	if (value === undefined) return [];
	const values = Array.isArray(value) ? value : [value];
	return values.map((entry) => {
		if (typeof entry !== 'string') throw badRequest(`Invalid value for query parameter ${key}`);
		return entry;
	});
}

export function single(query: Query, key: string): string | undefined {
	const values = many(query, key);
	if (values.length > 1) throw badRequest(`Query parameter ${key} may only be given once`);
	return values[0];
}

export function booleanParam(query: Query, key: string): boolean | undefined {
	const value = single(query, key);
	if (value === undefined) return undefined;
	if (value !== 'true' && value !== 'false')
		throw badRequest(`Invalid value for ${key}: expected true or false`);
	return value === 'true';
}

export function timestampParam(query: Query, key: string): number | undefined {
	const value = single(query, key);
	if (value === undefined) return undefined;
	if (!/^\d+$/.test(value))
		throw badRequest(`Invalid value for ${key}: expected a timestamp in milliseconds`);
	return Number(value);
}

/** How a list is ordered: by a numeric key (createdAt, position…), ties broken by id; both form the cursor. */
export interface SortKey<T> {
	value: (item: T) => number;
	id: (item: T) => string;
}

export interface Page<T> {
	data: T[];
	hasNext: boolean;
	next?: string;
}

/**
 * Issued cursors, keyed by their decoded text, remember which list (path + filters) they belong to. Lever:
 * "You can only pass in an offset that was returned to you via a previously paginated request."
 */
export class CursorRegistry {
	private readonly issued = new Map<string, string>();

	issue(listKey: string, cursor: [number, number, string]): string {
		const text = JSON.stringify(cursor);
		this.issued.set(text, listKey);
		// Same format as real Lever `next` values: a URL-encoded JSON array such as %5B0%2C1767603600000%2C%22…%22%5D
		return encodeURIComponent(text);
	}

	resolve(listKey: string, offset: string): [number, number, string] {
		// Clients may send the token exactly as received (still percent-encoded after query decoding) or decoded once.
		let text = offset;
		if (/^%5B/i.test(text)) {
			try {
				text = decodeURIComponent(text);
			} catch {
				throw badRequest('Invalid offset token: Offset token is invalid');
			}
		}
		const owner = this.issued.get(text);
		if (owner === undefined) throw badRequest('Invalid offset token: Offset token is invalid');
		if (owner !== listKey)
			throw badRequest('Invalid offset token: Offset token is invalid for sort');
		return JSON.parse(text) as [number, number, string];
	}

	clear() {
		this.issued.clear();
	}
}

/** The list a request addresses: its path plus every filter except the paging parameters. */
function listKeyOf(req: Request): string {
	const filters = Object.keys(req.query)
		.filter((key) => key !== 'offset' && key !== 'limit')
		.sort()
		.map((key) => [key, req.query[key]]);
	return `${req.baseUrl}${req.path}?${JSON.stringify(filters)}`;
}

/**
 * `limit` 1–100, default 100. Lever's behaviour outside the range is undocumented: ⚠ we answer 400 so a client that
 * sends 0 or 500 is caught in tests.
 */
export function parseLimit(query: Query): number {
	const raw = single(query, 'limit');
	if (raw === undefined) return 100;
	if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 100) {
		throw badRequest(`Invalid limit: ${raw}. limit must be an integer between 1 and 100`);
	}
	return Number(raw);
}

export function paginate<T, R>(
	req: Request,
	cursors: CursorRegistry,
	items: T[],
	sortKey: SortKey<T>,
	render: (item: T) => R,
): Page<R> {
	const limit = parseLimit(req.query);
	const listKey = listKeyOf(req);
	const keyed = items
		.map((item) => ({ item, value: sortKey.value(item), id: sortKey.id(item) }))
		.sort((a, b) => a.value - b.value || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	const offset = single(req.query, 'offset');
	let start = 0;
	if (offset !== undefined) {
		const [, afterValue, afterId] = cursors.resolve(listKey, offset);
		// Resume strictly after the cursor position, so records created or deleted meanwhile neither repeat nor shift the walk.
		start = keyed.findIndex(
			(entry) => entry.value > afterValue || (entry.value === afterValue && entry.id > afterId),
		);
		if (start === -1) start = keyed.length;
	}
	const pageEntries = keyed.slice(start, start + limit);
	const hasNext = start + limit < keyed.length;
	const page: Page<R> = { data: pageEntries.map((entry) => render(entry.item)), hasNext };
	if (hasNext) {
		const last = pageEntries[pageEntries.length - 1];
		page.next = cursors.issue(listKey, [SORT_CODE, last.value, last.id]);
	}
	return page;
}

/** First element of Lever's cursor array; opaque to clients. */
const SORT_CODE = 3;

export type Expanders = Record<string, (value: unknown) => unknown>;

/**
 * `include=f` (repeatable) keeps only those fields (plus id); `expand=f` inlines referenced objects and overrides include.
 * Fields a resource does not mark "Expandable" are refused with 400.
 */
export function shape(
	req: Request,
	object: Record<string, unknown>,
	expanders: Expanders,
): Record<string, unknown> {
	const include = many(req.query, 'include');
	const expand = many(req.query, 'expand');
	for (const field of expand) {
		if (!expanders[field]) {
			const allowed = Object.keys(expanders);
			throw badRequest(
				`Invalid expand field: ${field}. ${allowed.length ? `Expandable fields are ${allowed.join(', ')}` : 'This resource has no expandable fields'}`,
			);
		}
	}
	let result: Record<string, unknown> = object;
	if (include.length > 0) {
		result = { id: object.id };
		for (const field of [...include, ...expand]) if (field in object) result[field] = object[field];
	} else {
		result = { ...object };
	}
	for (const field of expand) result[field] = expanders[field](object[field]);
	return result;
}
