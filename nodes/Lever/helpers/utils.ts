import type { IDataObject } from 'n8n-workflow';

function appendFields(form: FormData, prefix: string, value: IDataObject) {
	for (const [child, childValue] of Object.entries(value)) {
		if (childValue !== undefined && childValue !== null)
			form.append(`${prefix}[${child}]`, String(childValue));
	}
}

/**
 * Appends a JSON-shaped body to multipart form data in Lever's documented form: `emails[]` per element, nested values
 * as `archived[reason]`, and array elements that are objects by index: `phones[0][value]`, `phones[0][type]`.
 */
export function appendMultipart(form: FormData, body: IDataObject) {
	for (const [key, value] of Object.entries(body)) {
		if (value === undefined || value === null) continue;
		if (Array.isArray(value)) {
			value.forEach((entry, index) => {
				if (entry !== null && typeof entry === 'object')
					appendFields(form, `${key}[${index}]`, entry as IDataObject);
				else form.append(`${key}[]`, String(entry));
			});
		} else if (typeof value === 'object') {
			appendFields(form, key, value as IDataObject);
		} else {
			form.append(key, String(value));
		}
	}
}

/**
 * The record of a create response. Sandbox recordings show `{data: {…}}`, Lever's docs `{data: {data: {…}}}` for
 * webhooks and panels (lever.md §6.10); the records themselves have no `data` object field, so every level is unwrapped.
 */
export function unwrapData(response: unknown): IDataObject {
	let body = (response ?? {}) as IDataObject;
	while (body.data !== null && typeof body.data === 'object' && !Array.isArray(body.data))
		body = body.data as IDataObject;
	return body;
}
