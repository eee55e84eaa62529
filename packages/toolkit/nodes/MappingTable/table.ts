/**
 * A from → to lookup table as an ops person edits it (rows on the canvas, or one JSON object), with the problems a
 * table can have named in words: an empty or repeated "From" value is a configuration error, not a silent winner.
 */

export interface TableRow {
	from?: unknown;
	to?: unknown;
}

export type LookupTable = Map<string, unknown>;

/** How keys compare: exact text, or ignoring case and surrounding spaces. */
export function normalizeKey(key: unknown, caseSensitive: boolean): string {
	const text = typeof key === 'string' ? key : JSON.stringify(key);
	return caseSensitive ? text : text.trim().toLowerCase();
}

/** Whether a lookup key counts as "not given" (the item is then unmapped with its own reason). */
export function isEmptyKey(key: unknown): boolean {
	return key === undefined || key === null || (typeof key === 'string' && key.trim() === '');
}

export class TableError extends Error {}

function addEntry(
	table: LookupTable,
	firstSeen: Map<string, string>,
	from: unknown,
	to: unknown,
	where: string,
	caseSensitive: boolean,
) {
	if (isEmptyKey(from)) throw new TableError(`${where}: "From" is empty`);
	const key = normalizeKey(from, caseSensitive);
	const earlier = firstSeen.get(key);
	if (earlier !== undefined) {
		throw new TableError(
			`${where}: "From" value ${JSON.stringify(from)} is already in the table (${earlier})${caseSensitive ? '' : ', keys ignore case'}`,
		);
	}
	firstSeen.set(key, where);
	table.set(key, to);
}

/** Rows from the canvas (fixed collection): `to` stays the text the person typed. */
export function tableFromRows(rows: TableRow[], caseSensitive: boolean): LookupTable {
	const table: LookupTable = new Map();
	const firstSeen = new Map<string, string>();
	rows.forEach((row, index) =>
		addEntry(table, firstSeen, row.from, row.to ?? '', `row ${index + 1}`, caseSensitive),
	);
	return table;
}

/** A JSON object `{ "from": to }`; values keep their JSON type (objects for SmartRecruiters status + sub-status). */
export function tableFromObject(value: unknown, caseSensitive: boolean): LookupTable {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		throw new TableError(
			'must be one JSON object of "from": to pairs, e.g. {"campaign-42": "6bf017d8-…"}',
		);
	}
	const table: LookupTable = new Map();
	const firstSeen = new Map<string, string>();
	for (const [from, to] of Object.entries(value as Record<string, unknown>)) {
		addEntry(table, firstSeen, from, to, `key ${JSON.stringify(from)}`, caseSensitive);
	}
	return table;
}

/** `found: false` when the key is not in the table (the value then comes from the default, if any). */
export function lookUp(
	table: LookupTable,
	key: unknown,
	caseSensitive: boolean,
): { found: true; value: unknown } | { found: false } {
	const normalized = normalizeKey(key, caseSensitive);
	return table.has(normalized) ? { found: true, value: table.get(normalized) } : { found: false };
}
