import type { CandidateProfile, ProfileField } from '../../../../nodes/shared/candidate';
import {
	candidateProfileSchema,
	describeProfileIssues,
	linksFromUrls,
	missingMandatoryFields,
} from '../../../../nodes/shared/candidate';
import { MandatoryFieldsMissingError } from '../../../../nodes/shared/upsert';

import { isHttpUrl, parseJson } from '../shared/parse';

/**
 * Builds the canonical candidate profile from mapped values. Pure (no n8n context), so both ATS recipes and the
 * tests use the exact same mapping rules.
 */

/** Profile fields that hold one text value; `links.*` are the named link slots. */
export const TEXT_TARGETS = [
	'email',
	'firstName',
	'lastName',
	'name',
	'headline',
	'company',
	'location',
] as const;
export const LINK_TARGETS = [
	'links.linkedin',
	'links.github',
	'links.twitter',
	'links.facebook',
	'links.website',
] as const;
/** Profile fields that hold a list. */
export const LIST_TARGETS = [
	'additionalEmails',
	'phones',
	'tags',
	'sources',
	'links.other',
] as const;

type TextTarget = (typeof TEXT_TARGETS)[number] | (typeof LINK_TARGETS)[number];
type ListTarget = (typeof LIST_TARGETS)[number];
export type MappingTarget = TextTarget | ListTarget;

export interface TextMapping {
	target: TextTarget;
	value: unknown;
}

export interface ListMapping {
	target: MappingTarget;
	value: unknown;
	/** Splits a text value into entries; empty = the whole text is one entry. */
	separator: string;
	/** Which entries of the list go to this target: all, the first, or all but the first. */
	take: 'all' | 'first' | 'rest';
}

export interface CustomFieldMapping {
	fieldId: string;
	value: unknown;
	/** `source = target` per line, e.g. `Senior = 6f1e…` for a SINGLE_SELECT value id. Empty = no translation. */
	translations: string;
	onUnmatched: 'error' | 'keep' | 'skip';
}

export interface CandidateMappingSettings {
	base?: unknown;
	text: TextMapping[];
	lists: ListMapping[];
	socialUrls?: unknown;
	customFields: CustomFieldMapping[];
	mandatory: ProfileField[];
}

export class MappingError extends Error {}

const isBlank = (value: unknown) =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

function asText(value: unknown, target: string): string | undefined {
	if (isBlank(value)) return undefined;
	if (typeof value === 'string') return value.trim();
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (Array.isArray(value) && value.length === 1) return asText(value[0], target);
	throw new MappingError(
		`"${target}" needs one text value, got ${Array.isArray(value) ? `a list of ${value.length}` : 'an object'}`,
	);
}

/** A list source: a list as is, a text split by the separator, or a single value as a one-entry list. */
export function toEntries(value: unknown, separator: string): unknown[] {
	if (isBlank(value)) return [];
	const list = Array.isArray(value)
		? value
		: typeof value === 'string' && separator
			? value.split(separator)
			: [value];
	return list
		.map((entry) => (typeof entry === 'string' ? entry.trim() : entry))
		.filter((entry) => !isBlank(entry));
}

function pick(entries: unknown[], take: ListMapping['take']): unknown[] {
	if (take === 'first') return entries.slice(0, 1);
	if (take === 'rest') return entries.slice(1);
	return entries;
}

function setText(profile: Record<string, unknown>, target: TextTarget, value: string) {
	if (target.startsWith('links.')) {
		const links = (profile.links ??= {}) as Record<string, unknown>;
		links[target.slice('links.'.length)] = value;
	} else {
		profile[target] = value;
	}
}

function appendList(profile: Record<string, unknown>, target: ListTarget, entries: unknown[]) {
	if (target === 'links.other') {
		const links = (profile.links ??= {}) as Record<string, unknown>;
		links.other = [
			...((links.other as unknown[]) ?? []),
			...entries.map((entry) => asText(entry, target)),
		];
		return;
	}
	const converted =
		target === 'phones'
			? entries.map((entry) =>
					typeof entry === 'object' && entry !== null ? entry : { value: asText(entry, target) },
				)
			: entries.map((entry) => asText(entry, target));
	profile[target] = [...((profile[target] as unknown[]) ?? []), ...converted];
}

/** URLs from a list or from text separated by commas, semicolons or white space; each must be an absolute URL. */
export function parseSocialUrls(value: unknown): string[] {
	const urls = toEntries(value, ',').flatMap((entry) =>
		typeof entry === 'string' ? entry.split(/[\s;]+/) : [entry],
	);
	return urls
		.filter((url) => !isBlank(url))
		.map((url) => {
			const text = String(url).trim();
			if (!isHttpUrl(text))
				throw new MappingError(`"Social URLs" contains "${text}", which is not an http(s) URL`);
			return text;
		});
}

export function parseTranslations(table: string, fieldId: string): Map<string, string> {
	const translations = new Map<string, string>();
	table
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter((line) => line !== '')
		.forEach((line, index) => {
			const separator = line.indexOf('=');
			if (separator <= 0) {
				throw new MappingError(
					`Custom field "${fieldId}": translation line ${index + 1} ("${line}") must look like "source value = ATS value"`,
				);
			}
			translations.set(
				line.slice(0, separator).trim().toLowerCase(),
				line.slice(separator + 1).trim(),
			);
		});
	return translations;
}

function translate(mapping: CustomFieldMapping): unknown {
	if (!mapping.translations.trim()) return mapping.value;
	const table = parseTranslations(mapping.translations, mapping.fieldId);
	const translateOne = (value: unknown): unknown => {
		const found = table.get(String(value).trim().toLowerCase());
		if (found !== undefined) return found;
		if (mapping.onUnmatched === 'keep') return value;
		if (mapping.onUnmatched === 'skip') return undefined;
		throw new MappingError(
			`Custom field "${mapping.fieldId}": no translation for "${String(value)}" (the table knows ${[...table.keys()].map((key) => `"${key}"`).join(', ')})`,
		);
	};
	if (Array.isArray(mapping.value)) {
		return mapping.value.map(translateOne).filter((value) => value !== undefined);
	}
	return translateOne(mapping.value);
}

function baseProfile(base: unknown): Record<string, unknown> {
	if (isBlank(base)) return {};
	let value = base;
	if (typeof base === 'string') {
		const parsed = parseJson(base);
		if (!parsed.ok) throw new MappingError('"Start From Profile" is not a JSON object');
		value = parsed.value;
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw new MappingError(
			'"Start From Profile" must be an object such as the trigger\'s candidate',
		);
	}
	return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}

/** Applies the mappings over the base profile, then checks mandatory fields and the profile's schema. */
export function mapCandidate(settings: CandidateMappingSettings): CandidateProfile {
	const profile = baseProfile(settings.base);

	for (const mapping of settings.text) {
		const value = asText(mapping.value, mapping.target);
		if (value !== undefined) setText(profile, mapping.target, value);
	}

	for (const mapping of settings.lists) {
		const entries = pick(toEntries(mapping.value, mapping.separator), mapping.take);
		if (entries.length === 0) continue;
		if ((LIST_TARGETS as readonly string[]).includes(mapping.target)) {
			appendList(profile, mapping.target as ListTarget, entries);
		} else {
			setText(profile, mapping.target as TextTarget, asText(entries[0], mapping.target)!);
		}
	}

	const urls = parseSocialUrls(settings.socialUrls);
	if (urls.length > 0) {
		const known = new Set(Object.values((profile.links as Record<string, unknown>) ?? {}).flat());
		const sorted = linksFromUrls(urls.filter((url) => !known.has(url)));
		const links = (profile.links ??= {}) as Record<string, unknown>;
		for (const [network, url] of Object.entries(sorted)) {
			if (network === 'other')
				links.other = [...((links.other as string[]) ?? []), ...(url as string[])];
			else if (links[network] === undefined) links[network] = url;
			else links.other = [...((links.other as string[]) ?? []), url as string];
		}
	}

	for (const mapping of settings.customFields) {
		const fieldId = mapping.fieldId.trim();
		if (!fieldId) throw new MappingError('A custom field mapping has no field ID');
		if (isBlank(mapping.value) || (Array.isArray(mapping.value) && mapping.value.length === 0))
			continue;
		const value = translate({ ...mapping, fieldId });
		if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
		const customFields = (profile.customFields ??= {}) as Record<string, unknown>;
		customFields[fieldId] = value;
	}

	const parsed = candidateProfileSchema.safeParse(profile);
	if (!parsed.success)
		throw new MappingError(`The mapped profile is invalid: ${describeProfileIssues(parsed.error)}`);
	const missing = missingMandatoryFields(parsed.data, settings.mandatory);
	if (missing.length > 0) throw new MandatoryFieldsMissingError(missing);
	return parsed.data;
}
