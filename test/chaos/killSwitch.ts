/**
 * Deterministic kill points for crash tests: the runner talks to the simulators through counting proxies, and the
 * kill switch SIGKILLs the runner at the N-th request they see — either before that request reaches the simulator,
 * or after the simulator has handled it but before the runner gets the answer (the write happened, the runner never
 * learns). Counting requests instead of sleeping makes each seeded kill point land on the same step every time.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** `before`: request N never reaches the simulator. `after`: the simulator handles it, the answer is lost. */
export type KillMode = 'before' | 'after';

export interface KillPoint {
	atRequest: number;
	mode: KillMode;
}

/** Shared by every proxy of one scenario, so requests to several systems count on one scale. */
export class KillSwitch {
	/** Requests seen since the last arm(), across all proxies. */
	served = 0;

	private point?: KillPoint;

	private kill?: () => void;

	private fired = false;

	/** Optional hook run as request N arrives, before it is forwarded (e.g. a change arriving mid-run). */
	onRequest?: (index: number) => Promise<void> | void;

	/** Counts from zero again; `kill` is called once when the point is reached. Without a point nothing is killed. */
	arm(point: KillPoint | undefined, kill: () => void) {
		this.served = 0;
		this.point = point;
		this.kill = kill;
		this.fired = false;
	}

	get killed(): boolean {
		return this.fired;
	}

	/** Numbers an arriving request; says whether it may reach the simulator and whether to kill once it did. */
	admit(): { index: number; forward: boolean; killAfter: boolean } {
		const index = ++this.served;
		if (this.fired) return { index, forward: false, killAfter: false };
		if (this.point && index === this.point.atRequest) {
			if (this.point.mode === 'before') {
				this.fire();
				return { index, forward: false, killAfter: false };
			}
			return { index, forward: true, killAfter: true };
		}
		// Requests sent after the kill point was chosen but before the runner died never reach the simulator.
		if (this.point && index > this.point.atRequest)
			return { index, forward: false, killAfter: false };
		return { index, forward: true, killAfter: false };
	}

	fire() {
		if (this.fired) return;
		this.fired = true;
		this.kill?.();
	}
}

export interface CountingProxy {
	/** The upstream base URL with the proxy's origin, e.g. http://127.0.0.1:<port>/v1 */
	url: string;
	close(): Promise<void>;
}

/** A reverse proxy to `upstream` (an http://127.0.0.1 base URL) that numbers requests on `killSwitch`. */
export async function startCountingProxy(
	upstream: string,
	killSwitch: KillSwitch,
): Promise<CountingProxy> {
	const target = new URL(upstream);
	let proxyOrigin = '';
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			void (async () => {
				const { index, forward, killAfter } = killSwitch.admit();
				if (!forward) {
					res.destroy();
					return;
				}
				await killSwitch.onRequest?.(index);
				const headers = { ...req.headers, host: target.host };
				const upstreamReq = http.request(
					{ host: target.hostname, port: target.port, method: req.method, path: req.url, headers },
					(upstreamRes) => {
						const body: Buffer[] = [];
						upstreamRes.on('data', (chunk: Buffer) => body.push(chunk));
						upstreamRes.on('end', () => {
							if (killAfter) {
								killSwitch.fire();
								res.destroy();
								return;
							}
							const responseHeaders = { ...upstreamRes.headers };
							// Next-page links name the simulator's origin: keep the runner talking through the proxy.
							if (typeof responseHeaders.link === 'string')
								responseHeaders.link = responseHeaders.link.split(target.origin).join(proxyOrigin);
							res.writeHead(upstreamRes.statusCode ?? 502, responseHeaders);
							res.end(Buffer.concat(body));
						});
					},
				);
				upstreamReq.on('error', () => res.destroy());
				upstreamReq.end(Buffer.concat(chunks));
			})();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	proxyOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		url: `${proxyOrigin}${target.pathname.replace(/\/$/, '')}`,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

/**
 * `count` kill points over a run of `requests` requests: one drawn at random in each of `count` equal slices, so the
 * start, the middle and the last writes of a run are all hit whatever the seed; before or after the request at random.
 */
export function killPoints(random: () => number, count: number, requests: number): KillPoint[] {
	return Array.from({ length: count }, (_, slice) => ({
		atRequest: Math.min(requests, 1 + Math.floor(((slice + random()) * requests) / count)),
		mode: random() < 0.5 ? 'before' : 'after',
	}));
}
