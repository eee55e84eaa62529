/**
 * The small generic nodes the recipes need (Mapping Table, Pseudonymize, Download File), run through n8n's engine.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { runNode } from '../harness';
import { normalizeIdentifier, pseudonymHash, redact, redactionTerms } from '../../packages/toolkit/nodes/Pseudonymize/pseudonym';
import { fileNameOf } from '../../packages/toolkit/nodes/DownloadFile/DownloadFile.node';

const SECRET = 'test-pseudonym-secret-0123456789';

describe('Mapping Table', () => {
	const rows = { mapping: [{ from: 'camp-1', to: 'posting-A' }, { from: 'Camp-2', to: 'posting-B' }] };

	it('writes the mapped value and sends unmapped and keyless items to the Unmapped output with a reason', async () => {
		const { outputs } = await runNode({
			type: 'mappingTable',
			parameters: {
				key: '={{ $json.campaign.id }}',
				tableSource: 'rows',
				mappings: rows,
				outputField: 'ats.postingId',
				options: { keyLabel: 'campaign' },
			},
			input: [{ campaign: { id: 'CAMP-1 ' } }, { campaign: { id: 'camp-9' } }, { campaign: {} }, { campaign: { id: 'camp-2' } }],
		});
		expect(outputs[0].map((item) => item.json)).toEqual([
			{ campaign: { id: 'CAMP-1 ' }, ats: { postingId: 'posting-A' } },
			{ campaign: { id: 'camp-2' }, ats: { postingId: 'posting-B' } },
		]);
		expect(outputs[0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 3 }]);
		expect(outputs[1].map((item) => item.json)).toEqual([
			{ campaign: { id: 'camp-9' }, skipped: { reason: 'No mapping for campaign "camp-9" in "Node"', node: 'Node', campaign: 'camp-9' } },
			{ campaign: {}, skipped: { reason: 'The campaign is empty, so "Node" cannot map it', node: 'Node' } },
		]);
	});

	it('takes a JSON table with object values and a default for keys it does not list', async () => {
		const { outputs } = await runNode({
			type: 'mappingTable',
			parameters: {
				key: '={{ $json.type }}',
				tableSource: 'json',
				tableJson: JSON.stringify({ 'contact.interested': { status: 'IN_REVIEW', subStatus: 'Interested' } }),
				outputField: 'status',
				whenUnmapped: 'defaultValue',
				defaultValueJson: JSON.stringify({ status: 'LEAD' }),
				options: { caseSensitive: true },
			},
			input: [{ type: 'contact.interested' }, { type: 'Contact.Interested' }],
		});
		expect(outputs[0].map((item) => item.json.status)).toEqual([{ status: 'IN_REVIEW', subStatus: 'Interested' }, { status: 'LEAD' }]);
		expect(outputs[1]).toEqual([]);
	});

	it('names the row of a repeated "From" value', async () => {
		const { error } = await runNode({
			type: 'mappingTable',
			parameters: {
				key: 'x',
				tableSource: 'rows',
				mappings: { mapping: [{ from: 'a', to: '1' }, { from: ' A', to: '2' }] },
				outputField: 'mapped',
			},
		});
		expect(error?.message).toBe('"Mappings" row 2: "From" value " A" is already in the table (row 1), keys ignore case');
	});

	it('names the broken JSON table', async () => {
		const { error } = await runNode({
			type: 'mappingTable',
			parameters: { key: 'x', tableSource: 'json', tableJson: '["a"]', outputField: 'mapped' },
		});
		expect(error?.message).toMatch(/^"Mapping Table \(JSON\)" must be one JSON object/);
	});
});

describe('Pseudonymize', () => {
	const parameters = {
		identifier: '={{ $json.contact.email }}',
		fieldsToRemove: 'contact, candidate, interview.reportUrl',
		pseudonymField: 'pseudonym',
		prefix: 'Candidate ',
		options: { emailDomain: 'pseudonym.invalid' },
	};
	const event = (email: string) => ({
		type: 'interview.completed',
		contact: { email, firstName: 'Grace', lastName: 'Hopper', phones: ['+1 555 0100'], links: ['https://github.com/ghopper'] },
		candidate: { email, name: 'Grace Hopper' },
		interview: { result: 'failed', score: 41, feedback: 'Grace Hopper struggled; grace.hopper@example.com asked for notes.', reportUrl: 'https://interviews.example/r/1' },
	});

	it('gives the same person the same pseudonym whatever the email case, and nothing identifying survives', async () => {
		const { outputs } = await runNode({
			type: 'pseudonymize',
			parameters,
			credentials: { pseudonymSecretApi: { secret: SECRET } },
			input: [event('grace.hopper@example.com'), event('  Grace.Hopper@Example.COM ')],
		});
		const id = pseudonymHash(SECRET, 'grace.hopper@example.com', 12);
		expect(id).toMatch(/^[0-9a-f]{12}$/);
		const expected = {
			type: 'interview.completed',
			interview: { result: 'failed', score: 41, feedback: `Candidate ${id} struggled; Candidate ${id} asked for notes.` },
			pseudonym: { id, name: `Candidate ${id}`, email: `${id}@pseudonym.invalid` },
		};
		expect(outputs[0].map((item) => item.json)).toEqual([expected, expected]);
		const text = JSON.stringify(outputs[0]);
		for (const pii of ['Grace', 'Hopper', 'example.com', '555', 'github', 'interviews.example']) expect(text).not.toContain(pii);
	});

	it('differs with another secret and refuses a short secret without showing it', async () => {
		expect(pseudonymHash('another-secret-abcdefghijkl', 'a@b.co', 12)).not.toBe(pseudonymHash(SECRET, 'a@b.co', 12));
		const { error } = await runNode({
			type: 'pseudonymize',
			parameters,
			credentials: { pseudonymSecretApi: { secret: 'short-key' } },
			input: [event('a@b.co')],
		});
		expect(error?.message).toBe('The "Secret Key" of the Pseudonym Secret credential must have at least 16 characters');
		expect(JSON.stringify(error)).not.toContain('short-key');
	});

	it('fails an item without an identifier by name', async () => {
		const { error } = await runNode({
			type: 'pseudonymize',
			parameters,
			credentials: { pseudonymSecretApi: { secret: SECRET } },
			input: [{ contact: {} }],
		});
		expect(error?.message).toBe('"Identifier" is empty: there is nothing to derive a pseudonym from');
	});

	it('redacts whole words only, longest term first', () => {
		expect(normalizeIdentifier(' A@B.CO ')).toBe('a@b.co');
		const terms = redactionTerms(['Ada Lovelace', 'Al', 'https://x.example/ada']);
		expect(terms).toEqual(['https://x.example/ada', 'Ada Lovelace', 'Lovelace', 'Ada']);
		expect(redact({ note: 'Ada Lovelace met Adam; ada was early. Al too.' }, terms, 'P')).toEqual({ note: 'P met Adam; P was early. Al too.' });
		expect(redact(['Omar  Null and Omar'], ['Omar', 'Null'], 'P')).toEqual(['P and P']);
	});
});

describe('Download File', () => {
	let server: http.Server;
	let base = '';
	beforeAll(async () => {
		server = http.createServer((req, res) => {
			if (req.url?.startsWith('/cv.pdf')) {
				res.writeHead(200, { 'content-type': 'application/pdf', 'content-disposition': 'attachment; filename="Ada CV.pdf"' });
				res.end(Buffer.from('%PDF-1.4 ada'));
			} else {
				res.writeHead(404).end();
			}
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(async () => await new Promise<void>((resolve) => server.close(() => resolve())));

	it('downloads into the binary field and sends items without a URL to "No URL" unchanged', async () => {
		const { outputs } = await runNode({
			type: 'downloadFile',
			// The test server is on loopback: an on-premises file server, allowed explicitly.
			parameters: { url: '={{ $json.cvUrl }}', binaryPropertyName: 'cv', options: { allowPrivateNetwork: true } },
			input: [{ cvUrl: `${base}/cv.pdf?token=s3cr3t` }, { other: 1 }],
		});
		expect(outputs[0]).toHaveLength(1);
		expect(outputs[0][0].binary?.cv).toMatchObject({ fileName: 'Ada CV.pdf', mimeType: 'application/pdf' });
		expect(Buffer.from(outputs[0][0].binary!.cv.data, 'base64').toString()).toBe('%PDF-1.4 ada');
		expect(outputs[1]).toEqual([{ json: { other: 1 }, pairedItem: { item: 1 } }]);
	});

	it('reports a failed download without the URL\'s query (signed links carry tokens there)', async () => {
		const { outputs } = await runNode({
			type: 'downloadFile',
			parameters: { url: '={{ $json.cvUrl }}', binaryPropertyName: 'data', options: { allowPrivateNetwork: true } },
			input: [{ cvUrl: `${base}/missing.pdf?token=s3cr3t` }, { cvUrl: 'ftp://x.example/cv.pdf' }],
			continueOnFail: true,
		});
		expect(outputs[0].map((item) => item.json.error)).toEqual([
			`Could not download ${base}/missing.pdf: the server answered 404`,
			'"URL" must start with https:// or http://, not ftp:',
		]);
	});

	it('names files from Content-Disposition or the URL', () => {
		expect(fileNameOf(new URL('https://x.example/a/r%C3%A9sum%C3%A9.pdf'), undefined)).toBe('résumé.pdf');
		expect(fileNameOf(new URL('https://x.example/a'), "attachment; filename*=UTF-8''n%C3%B6te.txt")).toBe('nöte.txt');
	});
});

describe('Onboarding Push: "Any JSON Object"', () => {
	let server: http.Server;
	let url = '';
	const received: Array<{ key: unknown; auth: unknown; body: unknown }> = [];
	beforeAll(async () => {
		server = http.createServer((req, res) => {
			let body = '';
			req.on('data', (chunk) => (body += chunk));
			req.on('end', () => {
				received.push({ key: req.headers['idempotency-key'], auth: req.headers.authorization, body: JSON.parse(body) });
				res.writeHead(202, { 'content-type': 'application/json' }).end('{"accepted":true}');
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ats-status`;
	});
	afterAll(async () => await new Promise<void>((resolve) => server.close(() => resolve())));

	it('posts the object with the chosen idempotency key and the credential\'s header', async () => {
		const { outputs } = await runNode({
			type: 'onboardingPush',
			parameters: {
				url,
				authentication: 'onboardingApi',
				payload: 'json',
				body: '={{ { candidate: $json.id, stage: $json.stage } }}',
				idempotencyKey: '={{ "lever:" + $json.id + ":" + $json.stage }}',
				options: { outputField: 'postBack' },
			},
			credentials: { onboardingApi: { authType: 'header', headerName: 'Authorization', headerValue: 'Bearer t0ken' } },
			input: [{ id: 'opp-1', stage: 'onsite' }],
		});
		expect(received).toEqual([{ key: 'lever:opp-1:onsite', auth: 'Bearer t0ken', body: { candidate: 'opp-1', stage: 'onsite' } }]);
		expect(outputs[0][0].json.postBack).toEqual({
			action: 'created',
			idempotencyKey: 'lever:opp-1:onsite',
			statusCode: 202,
			replayed: false,
			response: { accepted: true },
		});
	});

	it('refuses a body that is not one object and an empty key, naming the field', async () => {
		const run = (body: string, idempotencyKey: string) =>
			runNode({ type: 'onboardingPush', parameters: { url, authentication: 'none', payload: 'json', body, idempotencyKey }, continueOnFail: true });
		expect((await run('[1]', 'k')).outputs[0][0].json.error).toBe('"JSON Body" must be one JSON object');
		expect((await run('{"a":1}', ' ')).outputs[0][0].json.error).toBe('"Idempotency Key" is empty');
	});
});
