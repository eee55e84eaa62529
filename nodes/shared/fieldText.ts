/**
 * What text may be written to an ATS, checked before any request so that a bad value fails its item with the field
 * named (and, at the Contact Event Trigger, refuses the delivery before it is acknowledged):
 *
 * - no control characters: C0 (NUL included), DEL and C1 are refused, never silently removed, because a stripped
 *   value is a changed value nobody asked for, and a NUL usually means a sender bug worth seeing. Text that may
 *   span lines (notes, reply text, interview feedback, custom fields) keeps tab, line feed and carriage return;
 * - no unpaired UTF-16 surrogates (they cannot be encoded as UTF-8, so the ATS would store a replacement character);
 * - email addresses in RFC 5321/5322 form, or internationalised per RFC 6531 (UTF-8 in the local part and domain);
 *   whether a vendor takes the internationalised form is decided per vendor (SmartRecruiters: see
 *   `smartRecruitersEmail`).
 */

const hex = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

const CONTROL_NAMES: Record<number, string> = {
	0: 'NUL',
	9: 'tab',
	10: 'line feed',
	13: 'carriage return',
	0x7f: 'DEL',
};

/** Why `text` cannot be written as it is (control character or unpaired surrogate, with its position), or undefined. */
export function controlCharacterProblem(text: string, multiline: boolean): string | undefined {
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (code >= 0xd800 && code <= 0xdbff) {
			const next = text.charCodeAt(index + 1);
			if (next >= 0xdc00 && next <= 0xdfff) {
				index++;
				continue;
			}
		}
		if (code >= 0xd800 && code <= 0xdfff)
			return `contains an unpaired surrogate (${hex(code)} at position ${index + 1})`;
		const lineBreakOrTab = code === 9 || code === 10 || code === 13;
		if ((code < 0x20 && !(multiline && lineBreakOrTab)) || (code >= 0x7f && code <= 0x9f)) {
			const name = CONTROL_NAMES[code] ? ` ${CONTROL_NAMES[code]}` : '';
			const hint = lineBreakOrTab ? '; this field takes one line' : '';
			return `contains a control character (${hex(code)}${name} at position ${index + 1})${hint}`;
		}
	}
	return undefined;
}

/** Every string inside `value` with its path (`contact.firstName`, `phones.0.value`), for checks over whole objects. */
export function* stringsIn(
	value: unknown,
	path: string[] = [],
): Generator<{ path: string[]; text: string }> {
	if (typeof value === 'string') yield { path, text: value };
	else if (Array.isArray(value))
		for (const [index, entry] of value.entries()) yield* stringsIn(entry, [...path, String(index)]);
	else if (value !== null && typeof value === 'object')
		for (const [key, entry] of Object.entries(value)) yield* stringsIn(entry, [...path, key]);
}

/** Length as JSON Schema's maxLength counts it (and as people do): in characters (code points), not UTF-16 units. */
export function characterCount(text: string): number {
	return [...text].length;
}

/** RFC 5322 atext, plus (RFC 6531) any non-ASCII letter, mark or number. */
const ATOM = /^[\p{L}\p{M}\p{N}!#$%&'*+/=?^_`{|}~-]+$/u;
const DOMAIN_LABEL = /^[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]*[\p{L}\p{M}\p{N}])?$/u;

/**
 * Whether `text` is an email address: a dot-atom local part (quoted local parts are not taken) of at most 64
 * characters, `@`, a domain of at least two labels with a non-numeric top level, at most 254 characters in all
 * (RFC 5321's path limit). Internationalised addresses (RFC 6531) such as `ünïcødé@exämple.de` pass.
 */
export function isEmailAddress(text: string): boolean {
	const at = text.lastIndexOf('@');
	if (at < 1 || characterCount(text) > 254) return false;
	const local = text.slice(0, at);
	const domain = text.slice(at + 1);
	if (characterCount(local) > 64 || !local.split('.').every((atom) => ATOM.test(atom)))
		return false;
	const labels = domain.split('.');
	if (
		labels.length < 2 ||
		labels.some((label) => characterCount(label) > 63 || !DOMAIN_LABEL.test(label))
	)
		return false;
	return !/^\d+$/.test(labels[labels.length - 1]);
}

const isAscii = (text: string) => /^[\x20-\x7e]*$/.test(text);

/**
 * An address as SmartRecruiters takes it. Its OpenAPI description types candidate emails `format: email`, the
 * RFC 5321 (ASCII) form, not `idn-email`: so an internationalised domain is sent in its ASCII (punycode) form, which
 * is the same address, and a non-ASCII local part cannot be sent at all. Returns the address or why not.
 */
export function smartRecruitersEmail(
	email: string,
): { ok: true; email: string } | { ok: false; message: string } {
	const at = email.lastIndexOf('@');
	const local = email.slice(0, at);
	const domain = email.slice(at + 1);
	if (!isAscii(local)) {
		return {
			ok: false,
			message: `${email} has non-ASCII characters before the @, which SmartRecruiters does not accept (its API takes RFC 5321 addresses; only the domain may be international)`,
		};
	}
	if (isAscii(domain)) return { ok: true, email };
	try {
		return { ok: true, email: `${local}@${new URL(`http://${domain}`).hostname}` };
	} catch {
		return { ok: false, message: `${email} has a domain that cannot be written in ASCII (IDNA)` };
	}
}
