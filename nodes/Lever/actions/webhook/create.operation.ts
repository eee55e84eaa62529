import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requiredLocatorValue } from '../../../shared/parameters';
import { createOnce } from '../../../shared/upsert';
import { assertDeliverableWebhookUrl } from '../../../shared/webhookUrl';
import { unwrapData } from '../../helpers/utils';
import { leverApiRequest, leverApiRequestAllItems, leverCredentialType } from '../../transport';
import {
	EVENTS_WITH_ORIGIN_CONDITIONS,
	eventOptions,
	originOptions,
	type LeverWebhookEvent,
} from '../../trigger/events';

const properties: INodeProperties[] = [
	{
		displayName: 'URL',
		name: 'url',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://hooks.example.com/lever',
		description:
			'Where Lever sends the events. Lever only delivers to https URLs with a certificate from a public CA.',
	},
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		options: eventOptions,
		default: 'candidateHired',
		required: true,
	},
	{
		displayName: 'Origins',
		name: 'origins',
		type: 'multiOptions',
		options: originOptions,
		default: [],
		description:
			'Only candidates who came in this way. Empty: all. Lever takes origins only for application, archive, hired and stage events.',
		displayOptions: { show: { event: [...EVENTS_WITH_ORIGIN_CONDITIONS] } },
	},
	{
		displayName:
			"Lever returns the signature token once, in this operation's output: keep it to verify deliveries. A Super Admin may still have to switch the webhook group on in Lever's settings. To receive events in n8n, use the Lever Trigger instead, which registers and verifies its own webhooks.",
		name: 'tokenNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['webhook'], operation: ['create'] } },
	properties,
);

/**
 * `POST /webhooks`, with the trigger's rule that the URL is https (nodes/shared/webhookUrl.ts). A URL+event pair
 * already registered is found instead of being registered twice after a lost answer.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const url = requiredLocatorValue.call(this, 'url', 'URL', itemIndex);
	const event = this.getNodeParameter('event', itemIndex) as LeverWebhookEvent;
	assertDeliverableWebhookUrl(
		this.getNode(),
		'Lever',
		url,
		await this.getCredentials(await leverCredentialType.call(this)),
	);
	const origins = EVENTS_WITH_ORIGIN_CONDITIONS.includes(event)
		? (this.getNodeParameter('origins', itemIndex, []) as string[])
		: [];
	const body: IDataObject = {
		url,
		event,
		...(origins.length > 0 ? { configuration: { conditions: { origins } } } : {}),
	};
	return await createOnce(
		async (confirmNotApplied) =>
			unwrapData(
				await leverApiRequest.call(this, 'POST', '/webhooks', {
					body,
					confirmNotApplied,
					itemIndex,
				}),
			),
		async () => {
			// The list never shows the signature token: a webhook found this way is reported without it.
			const live = await leverApiRequestAllItems.call(this, '/webhooks', { itemIndex });
			const found = live.find((webhook) => webhook.url === url && webhook.event === event);
			return found && { ...found, signatureTokenUnavailable: true };
		},
	);
}
