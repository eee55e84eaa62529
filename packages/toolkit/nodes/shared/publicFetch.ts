import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { AddressKind } from './networkAddress';
import {
	ADDRESS_KIND_LABELS,
	classifyAddress,
	HostAllowList,
	METADATA_HOST_NAMES,
	normalizeHostName,
	parseIpAddress,
	PRIVATE_KINDS,
} from './networkAddress';

/**
 * GET of a URL taken from item data (an event's `cvUrl`, an interview's `reportUrl`) that never reaches an internal
 * address on behalf of the sender of that data:
 *
 * - the host name is resolved first, and the request refused if ANY address it resolves to is loopback, private,
 *   link-local, shared (CGNAT), unique-local, unspecified, multicast, broadcast, reserved or a cloud metadata service
 *   (IPv6 forms carrying an IPv4 address are judged by that address);
 * - the request then goes to the address that was checked (the URL's host replaced by it, the name kept in the
 *   `Host` header and as the TLS server name), so a second DNS answer cannot point it elsewhere (DNS rebinding);
 * - redirects are followed here, at most {@link MAX_REDIRECTS}, each hop checked the same way.
 *
 * The name is resolved with the lookup n8n gives nodes (`helpers.getSecureEgressFilter().createSecureLookup()`:
 * node code may not import `node:dns`), which also applies the instance's own SSRF policy when that is switched on
 * (N8N_SSRF_PROTECTION_ENABLED); the request goes through `helpers.httpRequest`, so n8n's proxy settings apply.
 */

export const MAX_REDIRECTS = 5;

/** What a node allows besides public addresses, from its "Allow Private Network Addresses" / "Allowed Private Hosts". */
export interface AddressPolicy {
	allowPrivateNetwork: boolean;
	allowedHosts: HostAllowList;
}

/** The two options of every node that fetches URLs from item data. */
export const addressPolicyOptions: INodeProperties[] = [
	{
		displayName: 'Allow Private Network Addresses',
		name: 'allowPrivateNetwork',
		type: 'boolean',
		default: false,
		description:
			'Whether to download from loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local and shared (100.64/10) addresses too, e.g. an on-premises file server. Off: such URLs fail the item, so an event cannot make n8n read internal systems. Cloud metadata, multicast, broadcast and reserved addresses are always refused.',
	},
	{
		displayName: 'Allowed Private Hosts',
		name: 'allowedPrivateHosts',
		type: 'string',
		default: '',
		placeholder: 'files.corp.example, *.intranet.example, 10.20.0.0/16',
		description:
			'Private hosts that may be downloaded from while "Allow Private Network Addresses" is off: host names, *.domain wildcards, addresses or CIDR ranges, separated by commas',
	},
];

/** The node's address policy for one item; a malformed "Allowed Private Hosts" fails the item, naming the entry. */
export function readAddressPolicy(
	this: IExecuteFunctions,
	options: IDataObject,
	itemIndex: number,
): AddressPolicy {
	try {
		return {
			allowPrivateNetwork: options.allowPrivateNetwork === true,
			allowedHosts: new HostAllowList(String(options.allowedPrivateHosts ?? '')),
		};
	} catch (error) {
		throw new NodeOperationError(
			this.getNode(),
			`"Allowed Private Hosts": ${(error as Error).message}`,
			{ itemIndex },
		);
	}
}

/** Signed download links carry their token in the query: messages show a URL without it. */
export function safeUrl(url: URL): string {
	return `${url.origin}${url.pathname}`;
}

export interface FetchedFile {
	body: Buffer;
	headers: Record<string, string | undefined>;
	/** The URL the file came from, after redirects. */
	url: URL;
}

interface ResolvedAddress {
	address: string;
	family: number;
}

/** A refusal: the item fails with this message, and nothing was sent to the refused address. */
function refusal(this: IExecuteFunctions, itemIndex: number, message: string) {
	return new NodeOperationError(this.getNode(), message, {
		itemIndex,
		description:
			'Download File refuses addresses inside your network unless the node allows them (docs/security.md in the n8n-nodes-ats-sync repository)',
	});
}

/** "10.0.0.5 is a private address", or for a name "files.example resolves to 10.0.0.5, a private address". */
function describeAddress(
	address: string,
	kind: AddressKind,
	embeddedIpv4: string | undefined,
	name?: string,
): string {
	const label = ADDRESS_KIND_LABELS[kind];
	const shown = embeddedIpv4 ? `${address} (the IPv6 form of ${embeddedIpv4})` : address;
	return name ? `${name} resolves to ${shown}, ${label}` : `${shown} is ${label}`;
}

/** The host's addresses: the literal itself, or every address DNS gives for the name. */
async function addressesOf(this: IExecuteFunctions, host: string): Promise<ResolvedAddress[]> {
	const literal = parseIpAddress(host);
	if (literal) return [{ address: host.replace(/^\[|\]$/g, ''), family: literal.family }];
	if (typeof this.helpers.getSecureEgressFilter !== 'function') {
		throw new Error(
			'this n8n version gives nodes no DNS lookup to check where the host points (n8n 2.x does)',
		);
	}
	const lookup = this.helpers.getSecureEgressFilter().createSecureLookup();
	return await new Promise<ResolvedAddress[]>((resolve, reject) => {
		lookup(host, { all: true }, (error: Error | null, addresses: unknown) => {
			if (error) reject(error);
			else
				resolve(
					(Array.isArray(addresses)
						? addresses
						: [{ address: addresses, family: 0 }]) as ResolvedAddress[],
				);
		});
	});
}

interface CheckedTarget {
	/** The URL with its host replaced by the checked address. */
	requestUrl: string;
	hostHeader?: string;
	serverName?: string;
}

/**
 * Resolves and checks one URL (the first, or a redirect's when `redirected`), returning where to send the request.
 * Refusals read "Refusing to download <original>: [it redirects to <hop>, and ]<host> is a private address. …".
 */
async function checkedTarget(
	this: IExecuteFunctions,
	url: URL,
	policy: AddressPolicy,
	itemIndex: number,
	original: string,
	redirected: boolean,
): Promise<CheckedTarget> {
	const context = `Refusing to download ${original}: ${redirected ? `it redirects to ${safeUrl(url)}, and ` : ''}`;
	const host = url.hostname;
	const bare = host.replace(/^\[|\]$/g, '');
	const hint = `Turn on "Allow Private Network Addresses", or add the host to "Allowed Private Hosts", to download from an on-premises file server.`;
	if (METADATA_HOST_NAMES.has(normalizeHostName(bare))) {
		throw refusal.call(
			this,
			itemIndex,
			`${context}${bare} is a cloud metadata service, which is never downloaded from.`,
		);
	}
	let addresses: ResolvedAddress[];
	try {
		addresses = await addressesOf.call(this, host);
	} catch (error) {
		const code = (error as { code?: string }).code;
		throw new NodeOperationError(
			this.getNode(),
			`Could not download ${original}: ${bare} could not be resolved (${code ?? (error as Error).message})`,
			{
				itemIndex,
			},
		);
	}
	if (addresses.length === 0)
		throw new NodeOperationError(
			this.getNode(),
			`Could not download ${original}: ${bare} resolves to no address`,
			{ itemIndex },
		);
	const isLiteral = parseIpAddress(host) !== undefined;
	const nameAllowed = !isLiteral && policy.allowedHosts.allowsName(bare);
	for (const { address } of addresses) {
		const { kind, embeddedIpv4 } = classifyAddress(address) ?? { kind: 'reserved' as AddressKind };
		if (kind === 'public') continue;
		const what = describeAddress(address, kind, embeddedIpv4, isLiteral ? undefined : bare);
		if (!PRIVATE_KINDS.has(kind))
			throw refusal.call(this, itemIndex, `${context}${what}, which is never downloaded from.`);
		const allowed =
			policy.allowPrivateNetwork ||
			nameAllowed ||
			policy.allowedHosts.allowsAddress(address) ||
			(embeddedIpv4 !== undefined && policy.allowedHosts.allowsAddress(embeddedIpv4));
		if (!allowed) throw refusal.call(this, itemIndex, `${context}${what}. ${hint}`);
	}
	if (isLiteral) return { requestUrl: url.toString() };
	const [{ address, family }] = addresses;
	const pinned = new URL(url.toString());
	pinned.hostname = family === 6 || address.includes(':') ? `[${address}]` : address;
	return {
		requestUrl: pinned.toString(),
		hostHeader: url.host,
		serverName: url.protocol === 'https:' ? bare : undefined,
	};
}

/**
 * Downloads `url` under `policy`, following redirects itself. A 4xx/5xx answer fails with the status; a refused
 * address (first URL or any redirect) fails with the host and the reason, before anything is sent there.
 */
export async function fetchPublicFile(
	this: IExecuteFunctions,
	url: URL,
	policy: AddressPolicy,
	itemIndex: number,
): Promise<FetchedFile> {
	const original = safeUrl(url);
	let current = url;
	for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
		if (current.protocol !== 'https:' && current.protocol !== 'http:') {
			throw refusal.call(
				this,
				itemIndex,
				`Refusing to download ${original}: it redirects to a ${current.protocol} URL, not http(s).`,
			);
		}
		const target = await checkedTarget.call(this, current, policy, itemIndex, original, hop > 0);
		let response: {
			body: unknown;
			headers: Record<string, string | undefined>;
			statusCode: number;
		};
		try {
			response = await this.helpers.httpRequest({
				method: 'GET',
				url: target.requestUrl,
				headers: target.hostHeader ? { host: target.hostHeader } : {},
				...(target.serverName ? { agentOptions: { servername: target.serverName } } : {}),
				encoding: 'arraybuffer',
				returnFullResponse: true,
				disableFollowRedirect: true,
				ignoreHttpStatusErrors: true,
			});
		} catch (error) {
			throw new NodeOperationError(
				this.getNode(),
				`Could not download ${original}: ${(error as Error).message}`,
				{ itemIndex },
			);
		}
		const location = response.headers.location;
		if (response.statusCode >= 300 && response.statusCode < 400 && location) {
			try {
				current = new URL(location, current);
			} catch {
				throw new NodeOperationError(
					this.getNode(),
					`Could not download ${original}: it redirects to an invalid URL`,
					{ itemIndex },
				);
			}
			continue;
		}
		if (response.statusCode >= 300) {
			throw new NodeOperationError(
				this.getNode(),
				`Could not download ${original}: the server answered ${response.statusCode}`,
				{ itemIndex },
			);
		}
		return {
			body: Buffer.from(response.body as ArrayBuffer),
			headers: response.headers,
			url: current,
		};
	}
	throw new NodeOperationError(
		this.getNode(),
		`Could not download ${original}: more than ${MAX_REDIRECTS} redirects`,
		{ itemIndex },
	);
}
