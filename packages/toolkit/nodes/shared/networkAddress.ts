/**
 * Which network an IP address belongs to, for nodes that fetch URLs taken from item data: an event's `cvUrl` must
 * not make the workflow read the n8n host, the office network or the cloud's metadata service. Written out here
 * because node code may not import `node:net` (n8n's community-node rules), and because the ranges are the point.
 */

/** What an address is, as the error message names it ("10.0.0.5 is a private address"). */
export type AddressKind =
	| 'public'
	| 'loopback'
	| 'private'
	| 'link-local'
	| 'shared'
	| 'unique-local'
	| 'unspecified'
	| 'multicast'
	| 'broadcast'
	| 'reserved'
	| 'metadata';

export const ADDRESS_KIND_LABELS: Record<AddressKind, string> = {
	public: 'a public address',
	loopback: 'a loopback address',
	private: 'a private address',
	'link-local': 'a link-local address',
	shared: 'a carrier-grade NAT (shared) address',
	'unique-local': 'a unique-local IPv6 address',
	unspecified: 'the unspecified address',
	multicast: 'a multicast address',
	broadcast: 'the broadcast address',
	reserved: 'a reserved address',
	metadata: 'a cloud metadata address',
};

/** Kinds an on-premises file server may have: fetched only when the node allows private network addresses. */
export const PRIVATE_KINDS: ReadonlySet<AddressKind> = new Set([
	'loopback',
	'private',
	'link-local',
	'shared',
	'unique-local',
]);

/**
 * Cloud metadata services, refused even when private addresses are allowed: AWS/GCP/Azure/OpenStack IMDS, AWS ECS
 * task metadata, Alibaba Cloud, Azure's wire server, and AWS's IPv6 IMDS.
 */
const METADATA_IPV4 = ['169.254.169.254', '169.254.170.2', '100.100.100.200', '168.63.129.16'];
const METADATA_IPV6 = 'fd00:ec2::254';
/** Host names of metadata services that resolve only inside the cloud (GCP). */
export const METADATA_HOST_NAMES: ReadonlySet<string> = new Set([
	'metadata.google.internal',
	'metadata.goog',
	'metadata',
]);

export interface ParsedAddress {
	family: 4 | 6;
	/** 4 or 16 bytes, network order. */
	bytes: number[];
}

export interface AddressClass {
	kind: AddressKind;
	/** For IPv6 forms that carry an IPv4 address (mapped, NAT64, 6to4, compatible): that address, in dotted form. */
	embeddedIpv4?: string;
}

/** A dotted-quad IPv4 address (what DNS answers and what URL parsing makes of other IPv4 notations). */
function parseIpv4(text: string): number[] | undefined {
	const parts = text.split('.');
	if (parts.length !== 4) return undefined;
	const bytes = parts.map((part) => (/^\d{1,3}$/.test(part) ? Number(part) : NaN));
	return bytes.every((byte) => byte >= 0 && byte <= 255) ? bytes : undefined;
}

/** An IPv6 address with `::` compression and an optional dotted IPv4 tail; brackets and a zone id are ignored. */
function parseIpv6(input: string): number[] | undefined {
	const text = input.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
	if (!text.includes(':')) return undefined;
	const halves = text.split('::');
	if (halves.length > 2) return undefined;
	const groupsOf = (half: string): number[] | undefined => {
		if (half === '') return [];
		const groups: number[] = [];
		const parts = half.split(':');
		for (const [index, part] of parts.entries()) {
			if (index === parts.length - 1 && part.includes('.')) {
				const ipv4 = parseIpv4(part);
				if (!ipv4) return undefined;
				groups.push((ipv4[0] << 8) | ipv4[1], (ipv4[2] << 8) | ipv4[3]);
			} else if (/^[0-9a-f]{1,4}$/i.test(part)) {
				groups.push(parseInt(part, 16));
			} else {
				return undefined;
			}
		}
		return groups;
	};
	const head = groupsOf(halves[0]);
	const tail = halves.length === 2 ? groupsOf(halves[1]) : [];
	if (!head || !tail) return undefined;
	const missing = 8 - head.length - tail.length;
	if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
	const groups = [...head, ...new Array<number>(missing).fill(0), ...tail];
	return groups.flatMap((group) => [group >> 8, group & 0xff]);
}

/** An IPv4 or IPv6 literal (bracketed IPv6 as in URLs too), or undefined for anything else, e.g. a host name. */
export function parseIpAddress(text: string): ParsedAddress | undefined {
	const ipv4 = parseIpv4(text);
	if (ipv4) return { family: 4, bytes: ipv4 };
	const ipv6 = parseIpv6(text);
	return ipv6 ? { family: 6, bytes: ipv6 } : undefined;
}

/** Whether `bytes` start with the first `prefixLength` bits of `prefix` (both the same family). */
export function inPrefix(bytes: number[], prefix: number[], prefixLength: number): boolean {
	for (let bit = 0; bit < prefixLength; bit++) {
		const mask = 0x80 >> bit % 8;
		if ((bytes[bit >> 3] & mask) !== (prefix[bit >> 3] & mask)) return false;
	}
	return true;
}

const IPV4_RANGES: Array<[string, number, AddressKind]> = [
	['255.255.255.255', 32, 'broadcast'],
	['0.0.0.0', 8, 'unspecified'],
	['127.0.0.0', 8, 'loopback'],
	['10.0.0.0', 8, 'private'],
	['172.16.0.0', 12, 'private'],
	['192.168.0.0', 16, 'private'],
	['100.64.0.0', 10, 'shared'],
	['169.254.0.0', 16, 'link-local'],
	['224.0.0.0', 4, 'multicast'],
	['240.0.0.0', 4, 'reserved'],
	// IETF protocol assignments, documentation and benchmarking ranges: never a file server.
	['192.0.0.0', 24, 'reserved'],
	['192.0.2.0', 24, 'reserved'],
	['198.18.0.0', 15, 'reserved'],
	['198.51.100.0', 24, 'reserved'],
	['203.0.113.0', 24, 'reserved'],
];

function classifyIpv4(bytes: number[]): AddressKind {
	if (
		METADATA_IPV4.some((address) =>
			parseIpv4(address)!.every((byte, index) => byte === bytes[index]),
		)
	)
		return 'metadata';
	for (const [prefix, length, kind] of IPV4_RANGES)
		if (inPrefix(bytes, parseIpv4(prefix)!, length)) return kind;
	return 'public';
}

const v6 = (text: string) => parseIpv6(text)!;
const dotted = (bytes: number[]) => bytes.join('.');

/** IPv6 prefixes whose addresses carry an IPv4 address, and where its 4 bytes sit. */
const IPV4_CARRYING: Array<[number[], number, number]> = [
	[v6('::ffff:0:0'), 96, 12], // IPv4-mapped
	[v6('64:ff9b::'), 96, 12], // NAT64 well-known prefix
	[v6('64:ff9b:1::'), 48, 12], // NAT64 local-use prefix
	[v6('2002::'), 16, 2], // 6to4
];

const IPV6_RANGES: Array<[number[], number, AddressKind]> = [
	[v6('fe80::'), 10, 'link-local'],
	[v6('fec0::'), 10, 'private'], // deprecated site-local
	[v6('fc00::'), 7, 'unique-local'],
	[v6('ff00::'), 8, 'multicast'],
	[v6('2001:db8::'), 32, 'reserved'], // documentation
	[v6('100::'), 64, 'reserved'], // discard-only
];

function classifyIpv6(bytes: number[]): AddressClass {
	if (bytes.every((byte) => byte === 0)) return { kind: 'unspecified' };
	if (bytes.slice(0, 15).every((byte) => byte === 0) && bytes[15] === 1)
		return { kind: 'loopback' };
	if (bytes.every((byte, index) => byte === v6(METADATA_IPV6)[index])) return { kind: 'metadata' };
	for (const [prefix, length, offset] of IPV4_CARRYING) {
		if (inPrefix(bytes, prefix, length)) {
			const ipv4 = bytes.slice(offset, offset + 4);
			return { kind: classifyIpv4(ipv4), embeddedIpv4: dotted(ipv4) };
		}
	}
	// Deprecated IPv4-compatible form (::a.b.c.d): treated as the IPv4 address it names.
	if (bytes.slice(0, 12).every((byte) => byte === 0)) {
		const ipv4 = bytes.slice(12);
		return { kind: classifyIpv4(ipv4), embeddedIpv4: dotted(ipv4) };
	}
	for (const [prefix, length, kind] of IPV6_RANGES)
		if (inPrefix(bytes, prefix, length)) return { kind };
	return { kind: 'public' };
}

/** The kind of an IP literal (IPv4, IPv6, bracketed IPv6); undefined when `address` is not one. */
export function classifyAddress(address: string): AddressClass | undefined {
	const parsed = parseIpAddress(address);
	if (!parsed) return undefined;
	return parsed.family === 4 ? { kind: classifyIpv4(parsed.bytes) } : classifyIpv6(parsed.bytes);
}

/** Host names compare without case and without the trailing dot of a fully qualified name. */
export function normalizeHostName(host: string): string {
	return host.toLowerCase().replace(/\.$/, '');
}

/**
 * Hosts an operator allows although they are private: host names (`files.corp.example`), subdomain wildcards
 * (`*.corp.example`), addresses and CIDR ranges (`10.20.0.0/16`, `fd12:3456::/48`).
 */
export class HostAllowList {
	private readonly names: string[] = [];
	private readonly suffixes: string[] = [];
	private readonly ranges: Array<{ address: ParsedAddress; prefixLength: number }> = [];

	/** Parses comma-, space- or line-separated entries; throws a message naming the first entry it cannot read. */
	constructor(text: string) {
		for (const entry of text.split(/[\s,]+/).filter(Boolean)) {
			const [addressPart, lengthPart, extra] = entry.split('/');
			const address = parseIpAddress(addressPart);
			if (address) {
				const maximum = address.family === 4 ? 32 : 128;
				const prefixLength =
					lengthPart === undefined
						? maximum
						: /^\d{1,3}$/.test(lengthPart)
							? Number(lengthPart)
							: NaN;
				if (extra !== undefined || !(prefixLength >= 0 && prefixLength <= maximum))
					throw new Error(`"${entry}" is not an address or CIDR range`);
				this.ranges.push({ address, prefixLength });
			} else if (/^\*\.[a-z0-9.-]+$/i.test(entry)) {
				this.suffixes.push(normalizeHostName(entry.slice(1)));
			} else if (/^[a-z0-9-]+(\.[a-z0-9-]+)*\.?$/i.test(entry)) {
				this.names.push(normalizeHostName(entry));
			} else {
				throw new Error(
					`"${entry}" is not a host name, a *.domain wildcard, an address or a CIDR range`,
				);
			}
		}
	}

	allowsName(host: string): boolean {
		const name = normalizeHostName(host);
		return this.names.includes(name) || this.suffixes.some((suffix) => name.endsWith(suffix));
	}

	allowsAddress(address: string): boolean {
		const parsed = parseIpAddress(address);
		return (
			parsed !== undefined &&
			this.ranges.some(
				(range) =>
					range.address.family === parsed.family &&
					inPrefix(parsed.bytes, range.address.bytes, range.prefixLength),
			)
		);
	}
}
