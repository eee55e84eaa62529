#!/usr/bin/env node
/**
 * Load driver for the webhook section, in its own process: POSTs pre-signed contact events to one URL on a fixed
 * schedule (open loop: request i leaves at start + i / rate, whether or not earlier ones were answered) and writes,
 * as JSON on stdout, each request's time to acknowledgement (request sent → response status received) in ms.
 *
 *   node webhook-driver.js <url> <bodies.ndjson> <rate per second>
 * Each line of bodies.ndjson is {"body": "<raw JSON>", "signature": "sha256=…"}.
 */
const http = require('node:http');
const { readFileSync } = require('node:fs');

const [url, bodiesFile, rateArg] = process.argv.slice(2);
const rate = Number(rateArg);
const requests = readFileSync(bodiesFile, 'utf8')
	.split('\n')
	.filter(Boolean)
	.map((line) => JSON.parse(line));
const target = new URL(url);
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

const results = new Array(requests.length);
let answered = 0;
let maxLateMs = 0;

function send(index) {
	const { body, signature } = requests[index];
	const sentAt = process.hrtime.bigint();
	const request = http.request(
		{
			agent,
			host: target.hostname,
			port: target.port,
			path: target.pathname + target.search,
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				'content-length': Buffer.byteLength(body),
				'x-signature': signature,
			},
		},
		(response) => {
			const ackMs = Number(process.hrtime.bigint() - sentAt) / 1e6;
			response.resume();
			response.on('end', () => {
				results[index] = { status: response.statusCode, ackMs };
				if (++answered === requests.length) finish();
			});
		},
	);
	request.on('error', (error) => {
		results[index] = {
			status: 0,
			ackMs: Number(process.hrtime.bigint() - sentAt) / 1e6,
			error: error.message,
		};
		if (++answered === requests.length) finish();
	});
	request.end(body);
}

function finish() {
	agent.destroy();
	process.stdout.write(JSON.stringify({ results, maxLateMs }));
}

const start = performance.now();
let next = 0;
function tick() {
	const now = performance.now();
	while (next < requests.length && start + (next * 1000) / rate <= now) {
		maxLateMs = Math.max(maxLateMs, now - (start + (next * 1000) / rate));
		send(next++);
	}
	if (next < requests.length)
		setTimeout(tick, Math.max(0, start + (next * 1000) / rate - performance.now()));
}
tick();
