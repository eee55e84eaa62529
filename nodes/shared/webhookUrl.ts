import type { ICredentialDataDecryptedObject, INode, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Lever ("We only support HTTPS endpoints") and SmartRecruiters (`callbackUrl` is an https URL; 422 otherwise) never
 * deliver to plain http, so a trigger registering an http URL would look active and never fire. Only a credential
 * pointed at a custom server (a test server or sandbox without TLS) may opt out, never Production or Sandbox.
 */
export const allowHttpWebhookUrlsProperty: INodeProperties = {
	displayName: 'Allow Plain-HTTP Webhook URLs',
	name: 'allowHttpWebhookUrls',
	type: 'boolean',
	default: false,
	description:
		'Whether the triggers may register an http:// webhook URL with this custom server. Only for a local test server or sandbox without TLS: the real service only delivers to https.',
	displayOptions: { show: { environment: ['custom'] } },
};

export function allowsHttpWebhookUrls(credentials: ICredentialDataDecryptedObject): boolean {
	return credentials.environment === 'custom' && credentials.allowHttpWebhookUrls === true;
}

/** Throws before anything is registered when `url` is not an https URL the vendor can deliver to. */
export function assertDeliverableWebhookUrl(
	node: INode,
	vendor: string,
	url: string,
	credentials: ICredentialDataDecryptedObject,
): void {
	let protocol = '';
	try {
		protocol = new URL(url).protocol;
	} catch {
		// An unparseable URL is reported like a plain-http one: the vendor cannot deliver to it either.
	}
	if (protocol === 'https:') return;
	if (protocol === 'http:' && allowsHttpWebhookUrls(credentials)) return;
	throw new NodeOperationError(
		node,
		`${vendor} only delivers to https URLs: set n8n's webhook URL to an https address`,
		{
			description:
				`This trigger's webhook URL is ${url}. Set n8n's WEBHOOK_URL (or ats-sync serve --public-url) to the https address ` +
				`${vendor} can reach; ${vendor} also refuses self-signed certificates. Only for a test server without TLS: choose the ` +
				'credential\'s Custom URL environment and turn on "Allow Plain-HTTP Webhook URLs".',
		},
	);
}
