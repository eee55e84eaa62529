/** Parsing user text without exceptions, so that a node can report what is wrong in its own words. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

export function parseJson(text: string): Parsed<unknown> {
	try {
		return { ok: true, value: JSON.parse(text) as unknown };
	} catch (error) {
		return { ok: false, message: (error as Error).message };
	}
}

/** Whether `text` is an absolute http(s) URL. */
export function isHttpUrl(text: string): boolean {
	try {
		return /^https?:$/.test(new URL(text).protocol);
	} catch {
		return false;
	}
}
