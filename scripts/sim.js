#!/usr/bin/env node
/**
 * Starts a local ATS simulator for manual runs and demos:
 *   node scripts/sim.js lever [--port N] [--allow-http-webhooks]
 * Prints the base URL and the sample credentials, then serves until Ctrl+C. Like the real services, the simulators
 * only take https webhook URLs; --allow-http-webhooks also takes plain http to 127.0.0.1/localhost, for an n8n or
 * `ats-sync serve` on this machine (whose credential then needs "Allow Plain-HTTP Webhook URLs" on).
 * Each simulator adds one `case` below (Lever-simulator and SR-simulator helpers); keep this file tiny.
 */
const path = require('node:path');

require('ts-node').register({
	transpileOnly: true,
	project: path.join(__dirname, '..', 'tsconfig.test.json'),
});

function parseArgs(argv) {
	const [name, ...rest] = argv;
	const portIndex = rest.indexOf('--port');
	const port = portIndex === -1 ? 0 : Number(rest[portIndex + 1]);
	if (!Number.isInteger(port) || port < 0 || port > 65535)
		throw new Error('--port must be a number from 0 to 65535');
	return { name, port, allowInsecureWebhookUrls: rest.includes('--allow-http-webhooks') };
}

async function start({ name, port, allowInsecureWebhookUrls }) {
	switch (name) {
		case 'lever': {
			const { startLeverSimulator } = require('../test/simulators/lever');
			const sim = await startLeverSimulator({ port, allowInsecureWebhookUrls });
			console.log(`Lever simulator listening: ${sim.baseUrl}`);
			console.log(`  API key (Basic, blank password): ${sim.apiKey}`);
			console.log(`  limited key (no opportunity writes): ${sim.limitedApiKey}`);
			console.log(
				`  OAuth: authorize ${sim.oauth.authorizeUrl}  token ${sim.oauth.tokenUrl}  client ${sim.oauth.clientId}`,
			);
			console.log(
				`  webhook URLs: ${allowInsecureWebhookUrls ? 'https, or http to 127.0.0.1/localhost' : 'https only (--allow-http-webhooks for a local receiver)'}`,
			);
			return sim;
		}
		case 'smartrecruiters': {
			const { startSmartRecruitersSimulator } = require('../test/simulators/smartrecruiters');
			const sim = await startSmartRecruitersSimulator({ port, allowInsecureWebhookUrls });
			console.log(`SmartRecruiters simulator listening: ${sim.baseUrl}`);
			console.log(`  API key (X-SmartToken): ${sim.apiKey}`);
			console.log(
				`  OAuth client credentials: token ${sim.oauthClient.tokenUrl}  client ${sim.oauthClient.clientId}`,
			);
			console.log(
				'  APIs: / (candidates, jobs, configuration, messages, offers), /webhooks-api/v201907, /interviews-api/v201904, /reviews-api/v201910, /user-api/v201804',
			);
			console.log(
				`  callback URLs: ${allowInsecureWebhookUrls ? 'https, or http to 127.0.0.1/localhost' : 'https only (--allow-http-webhooks for a local receiver)'}`,
			);
			return sim;
		}
		default:
			throw new Error(
				`Unknown simulator "${name ?? ''}". Usage: node scripts/sim.js <lever|smartrecruiters> [--port N] [--allow-http-webhooks]`,
			);
	}
}

start(parseArgs(process.argv.slice(2)))
	.then((sim) => {
		const stop = () => sim.close().then(() => process.exit(0));
		process.on('SIGINT', stop);
		process.on('SIGTERM', stop);
	})
	.catch((error) => {
		console.error(error.message);
		process.exit(1);
	});
