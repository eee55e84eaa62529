/**
 * RFC 6902 JSON Patch, as `PATCH /jobs/{id}` (and users) take it: add, remove, replace, move, copy and test on a copy
 * of a JSON document, all or nothing. Pointers are RFC 6901 (`/a/b~1c/0`, `-` appends to an array).
 */
export interface JsonPatchOperation {
	op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
	path: string;
	value?: unknown;
	from?: string;
}

export class JsonPatchError extends Error {}

type Container = Record<string, unknown> | unknown[];

function tokens(pointer: string): string[] {
	if (pointer === '') return [];
	if (!pointer.startsWith('/')) throw new JsonPatchError(`"${pointer}" is not a JSON pointer`);
	return pointer
		.slice(1)
		.split('/')
		.map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The container of the pointer's target and the target's key in it. */
function locate(document: unknown, pointer: string): { parent: Container; key: string } {
	const path = tokens(pointer);
	if (path.length === 0) throw new JsonPatchError('The whole document cannot be patched');
	let parent: unknown = document;
	for (const token of path.slice(0, -1)) {
		const next = Array.isArray(parent)
			? parent[Number(token)]
			: parent && typeof parent === 'object'
				? (parent as Record<string, unknown>)[token]
				: undefined;
		if (next === undefined || next === null || typeof next !== 'object')
			throw new JsonPatchError(`Path "${pointer}" does not exist`);
		parent = next;
	}
	return { parent: parent as Container, key: path[path.length - 1] };
}

function read(document: unknown, pointer: string): unknown {
	const { parent, key } = locate(document, pointer);
	const value = Array.isArray(parent) ? parent[Number(key)] : parent[key];
	if (value === undefined) throw new JsonPatchError(`Path "${pointer}" does not exist`);
	return value;
}

function add(document: unknown, pointer: string, value: unknown): void {
	const { parent, key } = locate(document, pointer);
	if (!Array.isArray(parent)) {
		parent[key] = value;
		return;
	}
	const index = key === '-' ? parent.length : Number(key);
	if (!Number.isInteger(index) || index < 0 || index > parent.length)
		throw new JsonPatchError(`Index "${key}" of "${pointer}" is out of range`);
	parent.splice(index, 0, value);
}

function remove(document: unknown, pointer: string): unknown {
	const value = read(document, pointer);
	const { parent, key } = locate(document, pointer);
	if (Array.isArray(parent)) parent.splice(Number(key), 1);
	else delete parent[key];
	return value;
}

/** The patched copy of `document`; throws JsonPatchError (and leaves `document` as it was) when an operation fails. */
export function applyJsonPatch<T>(document: T, operations: JsonPatchOperation[]): T {
	const result = structuredClone(document);
	for (const operation of operations) {
		switch (operation.op) {
			case 'add':
				add(result, operation.path, structuredClone(operation.value));
				break;
			case 'remove':
				remove(result, operation.path);
				break;
			case 'replace':
				read(result, operation.path);
				remove(result, operation.path);
				add(result, operation.path, structuredClone(operation.value));
				break;
			case 'move':
				add(result, operation.path, remove(result, operation.from ?? ''));
				break;
			case 'copy':
				add(result, operation.path, structuredClone(read(result, operation.from ?? '')));
				break;
			case 'test':
				if (JSON.stringify(read(result, operation.path)) !== JSON.stringify(operation.value)) {
					throw new JsonPatchError(`Test of "${operation.path}" failed`);
				}
				break;
			default:
				throw new JsonPatchError(
					`Unknown operation "${String((operation as { op: unknown }).op)}"`,
				);
		}
	}
	return result;
}
