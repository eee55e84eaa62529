/**
 * What a recipe run leaves behind in the simulators, made comparable between two runs from the same seed (the runner
 * and a real n8n): ids the run created become `<new-1>`, `<new-2>`… in order of first appearance, and timestamps become
 * `<time>`. Everything else must be identical.
 */

const ISO_TIMESTAMP = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?/g;
/** Epoch milliseconds (13 digits) on their own or inside a string, e.g. an idempotency key `lever:<id>:<stage>:<ms>`. */
const EPOCH_MS = /(?<!\d)1\d{12}(?!\d)/g;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** Keys whose string values are record ids. */
const ID_KEY = /^(id|contact|.*Id|.*_id)$/;

function collectNewIds(value: unknown, seedIds: ReadonlySet<string>, found: string[], key = ''): void {
	if (Array.isArray(value)) {
		for (const entry of value) collectNewIds(entry, seedIds, found, key);
	} else if (value !== null && typeof value === 'object') {
		for (const [childKey, child] of Object.entries(value)) collectNewIds(child, seedIds, found, childKey);
	} else if (typeof value === 'string') {
		// A field named like an id, or a UUID anywhere (e.g. an event id inside an idempotency key), not in the seed.
		const candidates = ID_KEY.test(key) ? [value] : (value.match(UUID) ?? []);
		for (const id of candidates) if (!seedIds.has(id) && !found.includes(id)) found.push(id);
	}
}

function rewrite(value: unknown, replaceString: (text: string) => string): unknown {
	if (Array.isArray(value)) return value.map((entry) => rewrite(entry, replaceString));
	if (value !== null && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, rewrite(child, replaceString)]));
	}
	if (typeof value === 'string') return replaceString(value);
	if (typeof value === 'number' && Number.isInteger(value) && String(value).match(EPOCH_MS)) return '<time>';
	return value;
}

/** The record ids in a state (values of id-named fields), e.g. of the seed before a run. */
export function idsIn(state: unknown): Set<string> {
	const ids = new Set<string>();
	const visit = (value: unknown, key: string): void => {
		if (Array.isArray(value)) value.forEach((entry) => visit(entry, key));
		else if (value !== null && typeof value === 'object') Object.entries(value).forEach(([childKey, child]) => visit(child, childKey));
		else if (typeof value === 'string' && ID_KEY.test(key)) ids.add(value);
	};
	visit(state, '');
	return ids;
}

/** `state` with created ids and timestamps replaced; `seedIds` are the ids that existed before the run. */
export function normaliseEndState(state: unknown, seedIds: ReadonlySet<string>): unknown {
	const newIds: string[] = [];
	collectNewIds(state, seedIds, newIds);
	// An id is replaced only as a whole token, never inside a longer word or id.
	const replacements = newIds.map((id, index) => ({
		pattern: new RegExp(`(?<![\\w-])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`, 'g'),
		label: `<new-${index + 1}>`,
	}));
	return rewrite(state, (text) => {
		let result = text;
		for (const { pattern, label } of replacements) result = result.replace(pattern, label);
		return result.replace(ISO_TIMESTAMP, '<time>').replace(EPOCH_MS, '<time>');
	});
}

/** One line per difference, `path: a ≠ b`, empty when both are the same. */
export function endStateDifferences(a: unknown, b: unknown, labels: [string, string], path = '$'): string[] {
	if (Object.is(a, b)) return [];
	const bothArrays = Array.isArray(a) && Array.isArray(b);
	const bothObjects = !bothArrays && a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b);
	if (bothArrays) {
		const lines: string[] = [];
		if (a.length !== b.length) lines.push(`${path}.length: ${labels[0]} ${a.length} ≠ ${labels[1]} ${b.length}`);
		for (let index = 0; index < Math.max(a.length, b.length); index++) lines.push(...endStateDifferences(a[index], b[index], labels, `${path}[${index}]`));
		return lines;
	}
	if (bothObjects) {
		const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
		return keys.flatMap((key) =>
			endStateDifferences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], labels, `${path}.${key}`),
		);
	}
	return [`${path}: ${labels[0]} ${JSON.stringify(a)} ≠ ${labels[1]} ${JSON.stringify(b)}`];
}
