/**
 * Webhook URL rules shared by the Lever and SmartRecruiters simulators. Both vendors only deliver to https (Lever: "We
 * only support HTTPS endpoints"; SmartRecruiters: `callbackUrl` is an https URL, 422 otherwise). Test receivers have no
 * TLS certificate, so a simulator started with `allowInsecureWebhookUrls: true` also takes plain http to a loopback
 * host — never by default, and never to any other host.
 */
const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

function parse(value: string): URL | undefined {
	try {
		return new URL(value);
	} catch {
		return undefined;
	}
}

export function isHttpsUrl(value: string): boolean {
	return parse(value)?.protocol === 'https:';
}

export function isLoopbackHttpUrl(value: string): boolean {
	const url = parse(value);
	return url?.protocol === 'http:' && LOOPBACK_HOSTS.includes(url.hostname);
}

/** Whether a simulator takes `value` as a webhook / callback URL. */
export function isAcceptedWebhookUrl(value: string, allowInsecureWebhookUrls: boolean): boolean {
	return isHttpsUrl(value) || (allowInsecureWebhookUrls && isLoopbackHttpUrl(value));
}
