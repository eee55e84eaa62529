import { createHmac } from 'crypto';
import get from 'lodash/get';
import unset from 'lodash/unset';

/**
 * Stable pseudonyms: HMAC-SHA256 of the normalised identifier under a secret key. The same person (whatever the case
 * or spacing of their email) always gets the same pseudonym, nobody without the key can recompute it from an email,
 * and the pseudonym reveals nothing about the person.
 */

/** Emails differ in case and spacing between tools; Unicode forms are unified too ("é" typed two ways). */
export function normalizeIdentifier(value: string): string {
	return value.normalize('NFKC').trim().toLowerCase();
}

export function pseudonymHash(secret: string, identifier: string, length: number): string {
	return createHmac('sha256', secret)
		.update(normalizeIdentifier(identifier))
		.digest('hex')
		.slice(0, length);
}

/** Every string inside a value (the leaves of objects and lists). */
function stringLeaves(value: unknown, into: string[] = []): string[] {
	if (typeof value === 'string') into.push(value);
	else if (Array.isArray(value)) value.forEach((entry) => stringLeaves(entry, into));
	else if (value !== null && typeof value === 'object')
		Object.values(value).forEach((entry) => stringLeaves(entry, into));
	return into;
}

/**
 * Deletes the given dot paths from `json` (in place) and returns the text they held, so that text can also be
 * redacted where it reappears elsewhere (a name quoted in the interviewer's feedback).
 */
export function removeFields(json: object, paths: string[]): string[] {
	const removed: string[] = [];
	for (const path of paths) {
		const value = get(json, path) as unknown;
		if (value === undefined) continue;
		stringLeaves(value, removed);
		unset(json, path);
	}
	return removed;
}

/** Shorter fragments ("Al", "UK") would redact ordinary words. */
const MIN_REDACTED_LENGTH = 3;

/** The removed values plus the words of multi-word names, longest first so "Ada Lovelace" wins over "Ada". */
export function redactionTerms(removed: string[]): string[] {
	const terms = new Set<string>();
	for (const value of removed) {
		const trimmed = value.trim();
		if (trimmed.length >= MIN_REDACTED_LENGTH) terms.add(trimmed);
		if (!/[@/:]/.test(trimmed)) {
			for (const word of trimmed.split(/\s+/))
				if (word.length >= MIN_REDACTED_LENGTH) terms.add(word);
		}
	}
	return [...terms].sort((a, b) => b.length - a.length);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Replaces whole-word, case-insensitive occurrences of `terms` in every string of `value` with `replacement`;
 * neighbouring ones become one ("Ada Lovelace" from first and last name is one replacement, not two).
 */
export function redact<T>(value: T, terms: string[], replacement: string): T {
	if (terms.length === 0) return value;
	const term = `(?:${terms.map(escapeRegExp).join('|')})`;
	const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${term}(?:\\s+${term})*(?![\\p{L}\\p{N}])`, 'giu');
	const walk = (entry: unknown): unknown => {
		if (typeof entry === 'string') return entry.replace(pattern, replacement);
		if (Array.isArray(entry)) return entry.map(walk);
		if (entry !== null && typeof entry === 'object') {
			return Object.fromEntries(Object.entries(entry).map(([key, child]) => [key, walk(child)]));
		}
		return entry;
	};
	return walk(value) as T;
}
