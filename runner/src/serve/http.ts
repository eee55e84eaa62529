/**
 * serve's HTTP edge: bounded body reading (refused with 413 while streaming, before anything is parsed; a cap on bodies
 * read at once, beyond which 503), the express-like request n8n nodes read (body, rawBody, headers, query), and a
 * response that only records what the node answered, so the answer leaves after the delivery is stored.
 */
import type http from 'node:http';

export class HttpError extends Error {
	constructor(
		readonly statusCode: number,
		message: string,
		readonly headers: Record<string, string> = {},
	) {
		super(message);
	}
}

/** Sizes as `1048576`, `512kb`, `1mb`, `2MB`. */
export function parseSize(value: string): number | undefined {
	const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m)?\s*$/i.exec(value);
	if (!match) return undefined;
	const unit = (match[2] ?? 'b').toLowerCase();
	const factor = unit.startsWith('m') ? 1024 * 1024 : unit.startsWith('k') ? 1024 : 1;
	return Math.floor(Number(match[1]) * factor);
}

export const describeSize = (bytes: number) =>
	bytes % (1024 * 1024) === 0
		? `${bytes / (1024 * 1024)} MB`
		: bytes % 1024 === 0
			? `${bytes / 1024} KB`
			: `${bytes} bytes`;

/** How many request bodies are read at once (each at most its trigger's limit): memory stays bounded under a flood. */
export class BodyGate {
	private reading = 0;

	constructor(readonly capacity: number) {}

	/** Reads the body within `limit` bytes, or refuses (503 when the gate is full, 413 over the limit). */
	async read(req: http.IncomingMessage, limit: number): Promise<Buffer> {
		const declared = Number(req.headers['content-length']);
		if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
		if (this.reading >= this.capacity) {
			throw new HttpError(
				503,
				`Busy: ${this.capacity} request bodies are being read; try again shortly`,
				{ 'retry-after': '1' },
			);
		}
		this.reading++;
		try {
			return await new Promise<Buffer>((resolve, reject) => {
				const chunks: Buffer[] = [];
				let size = 0;
				const stop = (error: Error) => {
					req.off('data', onData);
					// Nothing more is read: the refusal goes out and the connection closes (see `answer`).
					req.pause();
					reject(error);
				};
				const onData = (chunk: Buffer) => {
					size += chunk.length;
					if (size > limit) stop(tooLarge(limit));
					else chunks.push(chunk);
				};
				req.on('data', onData);
				req.once('end', () => resolve(Buffer.concat(chunks)));
				req.once('error', (error) => stop(error));
				req.once('close', () =>
					stop(new HttpError(400, 'The request was closed before its body arrived')),
				);
			});
		} finally {
			this.reading--;
		}
	}
}

const tooLarge = (limit: number) =>
	new HttpError(413, `Request body is larger than this webhook's limit of ${describeSize(limit)}`);

function parseBody(raw: Buffer, contentType: string | undefined): unknown {
	if (raw.length === 0) return {};
	const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
	if (type === 'application/json' || type.endsWith('+json')) {
		try {
			return JSON.parse(raw.toString('utf8')) as unknown;
		} catch {
			throw new HttpError(400, 'Request body is not valid JSON');
		}
	}
	if (type === 'application/x-www-form-urlencoded')
		return Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
	if (type.startsWith('text/')) return raw.toString('utf8');
	return {};
}

export type WebhookRequest = http.IncomingMessage & {
	body: unknown;
	rawBody: Buffer;
	query: Record<string, string>;
	params: Record<string, string>;
	path: string;
};

/** The request as n8n's webhook nodes read it (express's surface, with the raw bytes for signatures). */
export function webhookRequest(req: http.IncomingMessage, url: URL, raw: Buffer): WebhookRequest {
	return Object.assign(req, {
		body: parseBody(raw, req.headers['content-type']),
		rawBody: raw,
		query: Object.fromEntries(url.searchParams),
		params: {},
		path: url.pathname,
	});
}

/**
 * The express-like response a node's webhook() writes its answer to (status, headers, body), kept until `sendTo`
 * replays it on the real response: serve answers only once the delivery is committed to the inbox.
 */
export class RecordedResponse {
	statusCode = 200;

	readonly headers: Record<string, string> = {};

	body?: Buffer | string;

	/** Whether the node answered at all (else serve answers for it). */
	ended = false;

	get headersSent() {
		return this.ended;
	}

	get writableEnded() {
		return this.ended;
	}

	status(code: number) {
		this.statusCode = code;
		return this;
	}

	setHeader(name: string, value: string | number | readonly string[]) {
		this.headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
		return this;
	}

	set(name: string, value: string) {
		return this.setHeader(name, value);
	}

	header(name: string, value: string) {
		return this.setHeader(name, value);
	}

	writeHead(code: number, headers: Record<string, string> = {}) {
		this.statusCode = code;
		for (const [name, value] of Object.entries(headers)) this.setHeader(name, value);
		return this;
	}

	json(body: unknown) {
		if (!('content-type' in this.headers)) this.setHeader('content-type', 'application/json');
		return this.end(JSON.stringify(body));
	}

	send(body?: unknown) {
		if (body === undefined || body === null) return this.end();
		if (Buffer.isBuffer(body) || typeof body === 'string') return this.end(body);
		return this.json(body);
	}

	sendStatus(code: number) {
		return this.status(code).send(String(code));
	}

	end(body?: Buffer | string) {
		if (this.ended) return this;
		this.ended = true;
		this.body = body;
		return this;
	}

	sendTo(res: http.ServerResponse) {
		if (res.headersSent) return;
		res.writeHead(this.statusCode, this.headers).end(this.body);
	}
}

/**
 * A JSON answer with `message`. `close`: the connection closes after it (a refusal the client may still be uploading
 * to, or a server that is stopping).
 */
export function answer(
	res: http.ServerResponse,
	statusCode: number,
	message: string,
	options: { headers?: Record<string, string>; close?: boolean } = {},
) {
	if (res.headersSent) {
		if (!res.writableEnded) res.end();
		return;
	}
	const body = JSON.stringify({ message });
	const headers = {
		'content-type': 'application/json',
		'content-length': String(Buffer.byteLength(body)),
		...options.headers,
		...(options.close ? { connection: 'close' } : {}),
	};
	res.writeHead(statusCode, headers).end(body);
}
