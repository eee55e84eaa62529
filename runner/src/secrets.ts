/**
 * Every message the runner prints goes through one Masker, so a secret from a credentials file, an environment
 * variable or a refreshed OAuth token never reaches stdout/stderr — not in errors, summaries, --verbose or --json.
 */
const MASK = '***';

/** Field names whose values are secret even when we did not load them as credentials (request bodies, headers, URLs). */
const SECRET_KEY =
	/key|secret|token|password|passwd|authorization|signature|credential|cookie|session/i;

export class Masker {
	private readonly secrets = new Set<string>();

	/** Remembers every string (of 4+ characters) inside `value` as a secret. */
	add(value: unknown) {
		if (typeof value === 'string') {
			if (value.length >= 4) this.secrets.add(value);
		} else if (typeof value === 'number' && String(value).length >= 6) {
			this.secrets.add(String(value));
		} else if (Array.isArray(value)) {
			value.forEach((entry) => this.add(entry));
		} else if (value !== null && typeof value === 'object') {
			Object.values(value).forEach((entry) => this.add(entry));
		}
	}

	/** Replaces every known secret in a string; longest first so a secret containing another is fully hidden. */
	text(message: string): string {
		let masked = message;
		for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) {
			masked = masked.split(secret).join(MASK);
		}
		return masked;
	}

	/** A deep copy with known secrets and values of secret-looking keys masked. */
	value(data: unknown, key = ''): unknown {
		if (SECRET_KEY.test(key) && data !== null && data !== undefined && typeof data !== 'object')
			return MASK;
		if (typeof data === 'string') return this.text(data);
		if (Array.isArray(data)) return data.map((entry) => this.value(entry));
		if (data !== null && typeof data === 'object') {
			return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, this.value(v, k)]));
		}
		return data;
	}

	/** A URL without secrets: known secrets and secret-looking query parameters masked. */
	url(raw: string): string {
		try {
			const url = new URL(raw);
			if (url.username || url.password) {
				url.username = url.username ? MASK : '';
				url.password = url.password ? MASK : '';
			}
			for (const name of [...url.searchParams.keys()]) {
				if (SECRET_KEY.test(name)) url.searchParams.set(name, MASK);
			}
			return this.text(decodeURI(url.toString()));
		} catch {
			return this.text(raw);
		}
	}
}
