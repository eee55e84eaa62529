import type { IDataObject } from 'n8n-workflow';

/** Appends a JSON-shaped body to multipart form data the way Lever reads it: `emails[]` per element, `archived[reason]`. */
export function appendMultipart(form: FormData, body: IDataObject) {
	for (const [key, value] of Object.entries(body)) {
		if (value === undefined || value === null) continue;
		if (Array.isArray(value)) {
			// Phones are objects; Lever's multipart form takes each as a JSON string element.
			for (const entry of value) form.append(`${key}[]`, typeof entry === 'object' ? JSON.stringify(entry) : String(entry));
		} else if (typeof value === 'object') {
			for (const [child, childValue] of Object.entries(value)) {
				if (childValue !== undefined && childValue !== null) form.append(`${key}[${child}]`, String(childValue));
			}
		} else {
			form.append(key, String(value));
		}
	}
}
