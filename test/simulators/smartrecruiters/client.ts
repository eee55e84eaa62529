/** Minimal HTTP client for tests against the simulator (global fetch; JSON in, JSON or text out). */
export interface SrResponse<T = any> {
	status: number;
	body: T;
	headers: Headers;
}

export interface SrRequestOptions {
	body?: unknown;
	form?: FormData | URLSearchParams;
	query?: Record<string, string | number | Array<string | number>>;
	headers?: Record<string, string>;
	/** default: the simulator's API key as X-SmartToken; `null` = no credentials */
	apiKey?: string | null;
	bearer?: string;
}

export async function srRequest<T = any>(
	baseUrl: string,
	defaultKey: string,
	method: string,
	path: string,
	options: SrRequestOptions = {},
): Promise<SrResponse<T>> {
	const url = new URL(path, baseUrl);
	for (const [name, value] of Object.entries(options.query ?? {})) {
		for (const item of Array.isArray(value) ? value : [value])
			url.searchParams.append(name, String(item));
	}
	const headers: Record<string, string> = { ...options.headers };
	if (options.bearer) headers.Authorization = `Bearer ${options.bearer}`;
	else if (options.apiKey !== null) headers['X-SmartToken'] = options.apiKey ?? defaultKey;
	let body: string | FormData | URLSearchParams | undefined;
	if (options.form) body = options.form;
	else if (options.body !== undefined) {
		body = JSON.stringify(options.body);
		headers['Content-Type'] ??= 'application/json';
	}
	const response = await fetch(url, { method, headers, body });
	const text = await response.text();
	let parsed: unknown = text;
	if ((response.headers.get('content-type') ?? '').includes('json') && text)
		parsed = JSON.parse(text);
	return { status: response.status, body: parsed as T, headers: response.headers };
}

/** Bound to one simulator: `const api = client(sim); await api('GET', '/candidates')`. */
export function client(sim: { baseUrl: string; apiKey: string }) {
	return <T = any>(method: string, path: string, options?: SrRequestOptions) =>
		srRequest<T>(sim.baseUrl, sim.apiKey, method, path, options);
}
