/**
 * Download File never fetches an internal address on behalf of an event (issue 13, item 1): the address classifier
 * range by range, then the node through n8n's engine against local servers — loopback URLs, DNS names that resolve
 * to loopback, redirects to internal addresses, DNS answers that change between check and connect — and the
 * options that allow an on-premises file server.
 */
import { lookup as systemLookup } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';

import type { INodeParameters } from 'n8n-workflow';

import {
	classifyAddress,
	HostAllowList,
	parseIpAddress,
} from '../../packages/toolkit/nodes/shared/networkAddress';
import { MAX_REDIRECTS } from '../../packages/toolkit/nodes/shared/publicFetch';
import { Container, OutboundHttp } from '../../runner/src/n8nServices';
import { runNode } from '../harness';

describe('address classifier', () => {
	it.each([
		['8.8.8.8', 'public'],
		['93.184.216.34', 'public'],
		['0.0.0.0', 'unspecified'],
		['0.1.2.3', 'unspecified'],
		['127.0.0.1', 'loopback'],
		['127.255.255.254', 'loopback'],
		['10.0.0.5', 'private'],
		['172.16.0.1', 'private'],
		['172.31.255.255', 'private'],
		['172.32.0.1', 'public'],
		['192.168.1.10', 'private'],
		['100.64.0.1', 'shared'],
		['100.127.255.255', 'shared'],
		['100.128.0.1', 'public'],
		['169.254.10.20', 'link-local'],
		['169.254.169.254', 'metadata'],
		['169.254.170.2', 'metadata'],
		['100.100.100.200', 'metadata'],
		['168.63.129.16', 'metadata'],
		['224.0.0.1', 'multicast'],
		['239.255.255.250', 'multicast'],
		['240.0.0.1', 'reserved'],
		['255.255.255.255', 'broadcast'],
		['192.0.2.1', 'reserved'],
		['198.18.0.1', 'reserved'],
		['::', 'unspecified'],
		['::1', 'loopback'],
		['[::1]', 'loopback'],
		['0:0:0:0:0:0:0:1', 'loopback'],
		['fe80::1%eth0', 'link-local'],
		['fc00::1', 'unique-local'],
		['fd12:3456::1', 'unique-local'],
		['fd00:ec2::254', 'metadata'],
		['fec0::1', 'private'],
		['ff02::1', 'multicast'],
		['2001:db8::1', 'reserved'],
		['2606:4700::1111', 'public'],
		['2a00:1450:4001::200e', 'public'],
	])('%s is %s', (address, kind) => {
		expect(classifyAddress(address)?.kind).toBe(kind);
	});

	it.each([
		['::ffff:127.0.0.1', 'loopback', '127.0.0.1'],
		['::ffff:7f00:1', 'loopback', '127.0.0.1'],
		['[::ffff:a00:5]', 'private', '10.0.0.5'],
		['::ffff:169.254.169.254', 'metadata', '169.254.169.254'],
		['::ffff:8.8.8.8', 'public', '8.8.8.8'],
		['64:ff9b::c0a8:101', 'private', '192.168.1.1'],
		['64:ff9b::8.8.8.8', 'public', '8.8.8.8'],
		['2002:7f00:1::', 'loopback', '127.0.0.1'],
		['::127.0.0.1', 'loopback', '127.0.0.1'],
	])('%s carries %s IPv4 address %s', (address, kind, embedded) => {
		expect(classifyAddress(address)).toEqual({ kind, embeddedIpv4: embedded });
	});

	it('is undefined for anything that is not an IP literal', () => {
		for (const text of [
			'localhost',
			'files.example.com',
			'1.2.3',
			'1.2.3.256',
			'01.2.3.4.5',
			'::1::2',
			'1:2:3:4:5:6:7:8:9',
			'fe80::g',
			'',
		]) {
			expect(parseIpAddress(text)).toBeUndefined();
		}
	});

	it('reads an allow-list of names, wildcards, addresses and ranges, and names a bad entry', () => {
		const list = new HostAllowList(
			'files.corp.example, *.intranet.example\n10.20.0.0/16 fd12::/16 192.168.1.7',
		);
		expect(list.allowsName('FILES.corp.example.')).toBe(true);
		expect(list.allowsName('cv.intranet.example')).toBe(true);
		expect(list.allowsName('intranet.example')).toBe(false);
		expect(list.allowsName('evil-files.corp.example')).toBe(false);
		expect(list.allowsAddress('10.20.3.4')).toBe(true);
		expect(list.allowsAddress('10.21.0.1')).toBe(false);
		expect(list.allowsAddress('fd12:1::5')).toBe(true);
		expect(list.allowsAddress('192.168.1.7')).toBe(true);
		expect(list.allowsAddress('192.168.1.8')).toBe(false);
		expect(() => new HostAllowList('10.0.0.0/33')).toThrow(
			'"10.0.0.0/33" is not an address or CIDR range',
		);
		expect(() => new HostAllowList('http://files.example')).toThrow(
			'"http://files.example" is not a host name',
		);
	});
});

interface TestServer {
	base: string;
	port: number;
	hits: Array<{ url: string; host: string | undefined }>;
	close(): Promise<void>;
}

/** A file server; `routes` answer by path (redirects included), anything else is /cv.pdf or 404. */
async function startServer(
	host: string,
	routes: Record<
		string,
		(port: number) => { status: number; headers?: Record<string, string>; body?: string }
	> = {},
): Promise<TestServer> {
	const hits: TestServer['hits'] = [];
	let port = 0;
	const server = http.createServer((req, res) => {
		hits.push({ url: req.url ?? '', host: req.headers.host });
		const path = (req.url ?? '').split('?')[0];
		const route = routes[path];
		if (route) {
			const answer = route(port);
			res.writeHead(answer.status, answer.headers).end(answer.body ?? '');
		} else if (path === '/cv.pdf') {
			res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4 cv');
		} else {
			res.writeHead(404).end();
		}
	});
	await new Promise<void>((resolve) => server.listen(0, host, resolve));
	port = (server.address() as AddressInfo).port;
	return {
		base: `http://${host}:${port}`,
		port,
		hits,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

type Answer = Array<{ address: string; family: number }>;

/**
 * Stands in for DNS: n8n gives nodes their lookup through `helpers.getSecureEgressFilter()`, which comes from the
 * OutboundHttp service. Names in `answers` resolve as given (a function answers per call), others as usual.
 */
function fakeDns(answers: Record<string, Answer | ((call: number) => Answer)>) {
	const calls: string[] = [];
	const outbound = Container.get<{ egressFilter: (...args: unknown[]) => unknown }>(OutboundHttp);
	const real = outbound.egressFilter.bind(outbound);
	const spy = jest.spyOn(outbound, 'egressFilter').mockImplementation((...args: unknown[]) => ({
		...(real(...args) as object),
		createSecureLookup:
			() =>
			(
				host: string,
				options: object,
				callback: (error: Error | null, addresses?: Answer) => void,
			) => {
				calls.push(host);
				const answer = answers[host];
				if (answer === undefined) return systemLookup(host, options as { all: true }, callback);
				callback(
					null,
					typeof answer === 'function'
						? answer(calls.filter((name) => name === host).length)
						: answer,
				);
			},
	}));
	return { calls, restore: () => spy.mockRestore() };
}

async function download(url: string, options: INodeParameters = {}) {
	const { outputs, error } = await runNode({
		type: 'downloadFile',
		parameters: { url: '={{ $json.cvUrl }}', binaryPropertyName: 'cv', options },
		input: [{ cvUrl: url }],
		continueOnFail: true,
	});
	const [item] = outputs[0];
	return {
		error: (item?.json.error as string | undefined) ?? error?.message,
		file: item?.binary?.cv,
	};
}

const HINT =
	'Turn on "Allow Private Network Addresses", or add the host to "Allowed Private Hosts", to download from an on-premises file server.';

describe('Download File refuses internal addresses', () => {
	let files: TestServer;
	let other: TestServer;
	let dns: ReturnType<typeof fakeDns> | undefined;
	beforeAll(async () => {
		other = await startServer('127.0.0.2');
		files = await startServer('127.0.0.1', {
			'/to-metadata': () => ({
				status: 302,
				headers: { location: 'http://169.254.169.254/latest/meta-data/iam/security-credentials/' },
			}),
			'/to-other-loopback': () => ({ status: 301, headers: { location: `${other.base}/cv.pdf` } }),
			'/to-name': () => ({
				status: 307,
				headers: { location: `http://internal.files.test:${other.port}/cv.pdf` },
			}),
			'/to-file': () => ({ status: 302, headers: { location: 'file:///etc/passwd' } }),
			'/to-cv': () => ({ status: 302, headers: { location: '/cv.pdf?sig=2' } }),
			'/loop': () => ({ status: 302, headers: { location: '/loop' } }),
		});
	});
	afterAll(async () => {
		await files.close();
		await other.close();
	});
	beforeEach(() => {
		files.hits.length = 0;
		other.hits.length = 0;
	});
	afterEach(() => {
		dns?.restore();
		dns = undefined;
	});

	it('refuses a loopback URL by default, naming the host and what to turn on, and sends nothing', async () => {
		const { error, file } = await download(`${files.base}/cv.pdf?token=s3cr3t`);
		expect(error).toBe(
			`Refusing to download ${files.base}/cv.pdf: 127.0.0.1 is a loopback address. ${HINT}`,
		);
		expect(file).toBeUndefined();
		expect(files.hits).toEqual([]);
	});

	it.each([
		['http://10.0.0.5/cv.pdf', '10.0.0.5 is a private address'],
		['http://100.64.1.1/cv.pdf', '100.64.1.1 is a carrier-grade NAT (shared) address'],
		['http://[fd12::5]/cv.pdf', 'fd12::5 is a unique-local IPv6 address'],
		['http://[fe80::1]/cv.pdf', 'fe80::1 is a link-local address'],
		[
			'http://[::ffff:127.0.0.1]/cv.pdf',
			'::ffff:7f00:1 (the IPv6 form of 127.0.0.1) is a loopback address',
		],
		['http://2130706433/cv.pdf', '127.0.0.1 is a loopback address'],
		['http://0x7f.1/cv.pdf', '127.0.0.1 is a loopback address'],
	])('refuses %s: %s', async (url, reason) => {
		expect((await download(url)).error).toMatch(`: ${reason}. ${HINT}`);
	});

	it.each([
		[
			'http://169.254.169.254/latest/meta-data/',
			'169.254.169.254 is a cloud metadata address, which is never downloaded from.',
		],
		[
			'http://[fd00:ec2::254]/latest/meta-data/',
			'fd00:ec2::254 is a cloud metadata address, which is never downloaded from.',
		],
		[
			'http://metadata.google.internal/computeMetadata/v1/',
			'metadata.google.internal is a cloud metadata service, which is never downloaded from.',
		],
		[
			'http://0.0.0.0/cv.pdf',
			'0.0.0.0 is the unspecified address, which is never downloaded from.',
		],
		['http://[::]/cv.pdf', ':: is the unspecified address, which is never downloaded from.'],
		[
			'http://224.0.0.1/cv.pdf',
			'224.0.0.1 is a multicast address, which is never downloaded from.',
		],
		[
			'http://255.255.255.255/cv.pdf',
			'255.255.255.255 is the broadcast address, which is never downloaded from.',
		],
	])('refuses %s even with private addresses allowed', async (url, reason) => {
		expect(
			(
				await download(url, {
					allowPrivateNetwork: true,
					allowedPrivateHosts: '169.254.0.0/16, metadata.google.internal',
				})
			).error,
		).toMatch(`: ${reason}`);
	});

	it('refuses a public-looking name that resolves to loopback, and one with any internal address among its answers', async () => {
		dns = fakeDns({
			'cv.files-cdn.test': [{ address: '127.0.0.1', family: 4 }],
			'mixed.files-cdn.test': [
				{ address: '93.184.216.34', family: 4 },
				{ address: '::1', family: 6 },
			],
		});
		expect((await download(`http://cv.files-cdn.test:${files.port}/cv.pdf`)).error).toBe(
			`Refusing to download http://cv.files-cdn.test:${files.port}/cv.pdf: cv.files-cdn.test resolves to 127.0.0.1, a loopback address. ${HINT}`,
		);
		expect((await download(`http://mixed.files-cdn.test:${files.port}/cv.pdf`)).error).toMatch(
			'mixed.files-cdn.test resolves to ::1, a loopback address.',
		);
		expect((await download(`http://localhost:${files.port}/cv.pdf`)).error).toMatch(
			/localhost resolves to (127\.0\.0\.1|::1), a loopback address/,
		);
		expect(files.hits).toEqual([]);
	});

	it('checks every redirect: an allowed host cannot redirect to metadata, another internal address or an internal name', async () => {
		dns = fakeDns({ 'internal.files.test': [{ address: '127.0.0.2', family: 4 }] });
		const allowOnly = { allowedPrivateHosts: '127.0.0.1' };
		expect((await download(`${files.base}/to-metadata`, allowOnly)).error).toBe(
			`Refusing to download ${files.base}/to-metadata: it redirects to http://169.254.169.254/latest/meta-data/iam/security-credentials/, and 169.254.169.254 is a cloud metadata address, which is never downloaded from.`,
		);
		expect((await download(`${files.base}/to-other-loopback`, allowOnly)).error).toBe(
			`Refusing to download ${files.base}/to-other-loopback: it redirects to ${other.base}/cv.pdf, and 127.0.0.2 is a loopback address. ${HINT}`,
		);
		expect((await download(`${files.base}/to-name`, allowOnly)).error).toMatch(
			`it redirects to http://internal.files.test:${other.port}/cv.pdf, and internal.files.test resolves to 127.0.0.2, a loopback address.`,
		);
		expect((await download(`${files.base}/to-file`, allowOnly)).error).toBe(
			`Refusing to download ${files.base}/to-file: it redirects to a file: URL, not http(s).`,
		);
		expect(other.hits).toEqual([]);
		expect(files.hits.map((hit) => hit.url)).toEqual([
			'/to-metadata',
			'/to-other-loopback',
			'/to-name',
			'/to-file',
		]);
	});

	it('follows at most a bounded number of redirects', async () => {
		expect((await download(`${files.base}/loop`, { allowPrivateNetwork: true })).error).toBe(
			`Could not download ${files.base}/loop: more than ${MAX_REDIRECTS} redirects`,
		);
		expect(files.hits).toHaveLength(MAX_REDIRECTS + 1);
	});

	it('connects to the address it checked: a second DNS answer cannot move the request elsewhere', async () => {
		// First answer: the allowed file server. Any later lookup would point at the metadata service.
		dns = fakeDns({
			'files.rebind.test': (call) => [
				{ address: call === 1 ? '127.0.0.1' : '169.254.169.254', family: 4 },
			],
		});
		const { error, file } = await download(`http://files.rebind.test:${files.port}/cv.pdf`, {
			allowedPrivateHosts: '127.0.0.1',
		});
		expect(error).toBeUndefined();
		expect(file).toMatchObject({ fileName: 'cv.pdf', mimeType: 'application/pdf' });
		expect(dns.calls).toEqual(['files.rebind.test']);
		// The request went to 127.0.0.1 with the name in the Host header, as the server would expect.
		expect(files.hits).toEqual([{ url: '/cv.pdf', host: `files.rebind.test:${files.port}` }]);
	});
	it('over https, sends the host name (not the checked address) as the TLS server name, so certificates are verified for it', async () => {
		// A TLS server that records the server name of each handshake and has no certificate to offer.
		const serverNames: string[] = [];
		const tls = https.createServer({
			SNICallback: (name, callback) => (
				serverNames.push(name),
				callback(new Error('no certificate'), undefined)
			),
		});
		tls.on('tlsClientError', () => undefined);
		await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
		const { port } = tls.address() as AddressInfo;
		dns = fakeDns({ 'files.tls.test': [{ address: '127.0.0.1', family: 4 }] });
		try {
			const { error } = await download(`https://files.tls.test:${port}/cv.pdf`, {
				allowedPrivateHosts: 'files.tls.test',
			});
			expect(error).toMatch(`Could not download https://files.tls.test:${port}/cv.pdf: `);
			expect(serverNames).toEqual(['files.tls.test']);
		} finally {
			await new Promise<void>((resolve) => tls.close(() => resolve()));
		}
	});
});

describe('Download File allows an on-premises file server when told to', () => {
	let files: TestServer;
	beforeAll(async () => {
		files = await startServer('127.0.0.1', {
			'/to-cv': () => ({ status: 302, headers: { location: '/cv.pdf?sig=2' } }),
		});
	});
	afterAll(async () => await files.close());

	it('downloads from a private address with "Allow Private Network Addresses" on, redirects included', async () => {
		const { error, file } = await download(`${files.base}/to-cv`, { allowPrivateNetwork: true });
		expect(error).toBeUndefined();
		expect(file).toMatchObject({ fileName: 'cv.pdf', mimeType: 'application/pdf' });
		expect(Buffer.from(file!.data, 'base64').toString()).toBe('%PDF-1.4 cv');
	});

	it('downloads from a host listed in "Allowed Private Hosts", by address, range or name', async () => {
		const dns = fakeDns({ 'files.corp.test': [{ address: '127.0.0.1', family: 4 }] });
		try {
			for (const [url, allowed] of [
				[`${files.base}/cv.pdf`, '127.0.0.1'],
				[`${files.base}/cv.pdf`, '127.0.0.0/8'],
				[`http://files.corp.test:${files.port}/cv.pdf`, 'files.corp.test'],
				[`http://files.corp.test:${files.port}/cv.pdf`, '*.corp.test'],
			]) {
				expect(await download(url, { allowedPrivateHosts: allowed })).toMatchObject({
					error: undefined,
					file: { fileName: 'cv.pdf' },
				});
			}
		} finally {
			dns.restore();
		}
	});

	it('fails the item on a malformed "Allowed Private Hosts", naming the entry', async () => {
		expect(
			(await download(`${files.base}/cv.pdf`, { allowedPrivateHosts: '10.0.0.0/40' })).error,
		).toBe('"Allowed Private Hosts": "10.0.0.0/40" is not an address or CIDR range');
	});
});
