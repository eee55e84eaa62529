/** Small axios clients for the simulator tests; every status is returned, never thrown. */
import axios, { type AxiosInstance } from 'axios';

import type { LeverSimulator } from '..';

export type Credentials = { key: string } | { bearer: string } | 'none';

export function client(
	sim: LeverSimulator,
	credentials: Credentials = { key: sim.apiKey },
): AxiosInstance {
	const instance = axios.create({ baseURL: sim.baseUrl, validateStatus: () => true });
	if (credentials !== 'none' && 'key' in credentials)
		instance.defaults.auth = { username: credentials.key, password: '' };
	if (credentials !== 'none' && 'bearer' in credentials)
		instance.defaults.headers.common.Authorization = `Bearer ${credentials.bearer}`;
	return instance;
}

/** Query string with repeated keys (`?tag=a&tag=b`), the form Lever documents for multi-value filters. */
export function query(params: Record<string, string | number | Array<string | number>>): string {
	const search = new URLSearchParams();
	for (const [key, value] of Object.entries(params)) {
		for (const entry of Array.isArray(value) ? value : [value]) search.append(key, String(entry));
	}
	return `?${search.toString()}`;
}
