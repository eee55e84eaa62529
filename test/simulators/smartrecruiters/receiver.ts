/**
 * A webhook receiver for tests: answers the X-Hook-Secret handshake and records deliveries with their raw bytes.
 * `respond` decides each delivery's status (default 202) so retries can be provoked.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedCall {
	headers: IncomingHttpHeaders;
	rawBody: string;
}

export interface TestReceiver {
	url: string;
	handshakes: ReceivedCall[];
	deliveries: ReceivedCall[];
	close(): Promise<void>;
}

export interface ReceiverBehaviour {
	/** 'echo' (correct), 'wrong-secret', 'no-header', or an HTTP status to answer without the header */
	handshake?: 'echo' | 'wrong-secret' | 'no-header' | number;
	/** status for the n-th delivery (0-based); default 202 */
	respond?: (call: ReceivedCall, index: number) => number;
}

export async function startTestReceiver(behaviour: ReceiverBehaviour = {}): Promise<TestReceiver> {
	const handshakes: ReceivedCall[] = [];
	const deliveries: ReceivedCall[] = [];
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const call = { headers: req.headers, rawBody: Buffer.concat(chunks).toString('utf8') };
			const secret = req.headers['x-hook-secret'];
			if (typeof secret === 'string') {
				handshakes.push(call);
				const mode = behaviour.handshake ?? 'echo';
				if (typeof mode === 'number') res.writeHead(mode);
				else if (mode === 'echo') res.writeHead(200, { 'X-Hook-Secret': secret });
				else if (mode === 'wrong-secret') res.writeHead(200, { 'X-Hook-Secret': `${secret}x` });
				else res.writeHead(200);
				res.end();
				return;
			}
			deliveries.push(call);
			res.writeHead(behaviour.respond ? behaviour.respond(call, deliveries.length - 1) : 202);
			res.end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/smartrecruiters`,
		handshakes,
		deliveries,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
