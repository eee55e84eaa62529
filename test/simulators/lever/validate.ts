/**
 * Body validation with messages that name the field, the way Lever answers a malformed parameter with 400.
 */
import { badRequest } from './errors';

export type Body = Record<string, unknown>;

export function objectBody(body: unknown): Body {
	if (
		body === undefined ||
		body === null ||
		(typeof body === 'object' && Object.keys(body).length === 0)
	)
		return {};
	if (typeof body !== 'object' || Array.isArray(body))
		throw badRequest('Request body must be a JSON object');
	return body as Body;
}

const invalid = (field: string, expected: string) =>
	badRequest(`Invalid value for field "${field}": expected ${expected}`);

export function optionalString(body: Body, field: string): string | undefined {
	const value = body[field];
	if (value === undefined) return undefined;
	if (typeof value !== 'string') throw invalid(field, 'a string');
	return value;
}

export function requiredString(body: Body, field: string): string {
	const value = optionalString(body, field);
	if (value === undefined || value === '') throw badRequest(`Missing required field "${field}"`);
	return value;
}

export function optionalStringArray(body: Body, field: string): string[] | undefined {
	const value = body[field];
	if (value === undefined) return undefined;
	if (!Array.isArray(value) || value.some((entry) => typeof entry !== 'string'))
		throw invalid(field, 'an array of strings');
	return value as string[];
}

export function requiredStringArray(body: Body, field: string): string[] {
	const value = optionalStringArray(body, field);
	if (value === undefined) throw badRequest(`Missing required field "${field}"`);
	return value;
}

export function optionalBoolean(body: Body, field: string): boolean | undefined {
	const value = body[field];
	if (value === undefined) return undefined;
	if (typeof value !== 'boolean') throw invalid(field, 'true or false');
	return value;
}

export function optionalInteger(
	body: Body,
	field: string,
	min: number,
	max: number,
): number | undefined {
	const value = body[field];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
		throw invalid(field, `an integer from ${min} to ${max}`);
	}
	return value;
}

/** Timestamps are integer milliseconds; Lever refuses dates in the future for historical fields. */
export function optionalPastTimestamp(body: Body, field: string, now: number): number | undefined {
	const value = body[field];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
		throw invalid(field, 'a timestamp in milliseconds');
	if (value > now)
		throw badRequest(`Invalid value for field "${field}": must not be in the future`);
	return value;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmail(value: string): boolean {
	return EMAIL.test(value.trim());
}

/** Lever matches emails canonicalized; we canonicalize as trimmed lower case. */
export function canonicalEmail(value: string): string {
	return value.trim().toLowerCase();
}

export function unique<T>(values: T[]): T[] {
	return [...new Set(values)];
}
