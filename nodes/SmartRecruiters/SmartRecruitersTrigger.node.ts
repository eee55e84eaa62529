import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { fieldsCollection } from '../shared/descriptions';
import { splitKeys } from '../shared/parameters';
import { seenIds } from '../shared/seenIds';
import { authenticationProperty } from './helpers/authentication';
import { CANDIDATE_STATUSES } from './helpers/constants';
import { getApplication } from './helpers/lookups';
import { credentialTest } from './methods';
import { API, getAuthentication, smartRecruitersApiRequest } from './transport';
import { EVENT_NAMES, eventOptions, isApplicationEvent } from './trigger/events';
import type { SecretKeyEntry } from './trigger/secretKeys';
import { activeSecretKeys, withRotatedKey } from './trigger/secretKeys';
import { matchingSignature } from './trigger/signature';
import {
	isFreshUnixSeconds,
	refuseDelivery,
	signatureToleranceOption,
} from '../shared/webhookDelivery';
import { assertDeliverableWebhookUrl } from '../shared/webhookUrl';

/** What the trigger keeps between activation and deliveries (n8n persists node static data). */
interface TriggerState extends IDataObject {
	subscriptionId?: string;
	/** Keys this subscription signs with. A new key deprecates the previous one, which stays valid for 24 hours. */
	secretKeys?: SecretKeyEntry[];
	/**
	 * Recently processed deliveries: the `event-id` (SmartRecruiters re-delivers with the same id), or the verified
	 * v1 digest when a delivery has no event-id. A repeat is acknowledged and dropped. Kept in static data, so the
	 * memory lasts as long as n8n (or ats-sync's state file) keeps it, for the last REMEMBERED_EVENT_IDS deliveries.
	 */
	recentEventIds?: string[];
}

const REMEMBERED_EVENT_IDS = 500;

export class SmartRecruitersTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SmartRecruiters Trigger',
		name: 'smartRecruitersTrigger',
		icon: { light: 'file:smartrecruiters.svg', dark: 'file:smartrecruiters.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["events"].join(", ") }}',
		description:
			'Starts the workflow when SmartRecruiters sends a webhook event (e.g. a candidate was hired)',
		defaults: { name: 'SmartRecruiters Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'smartRecruitersApi',
				required: true,
				testedBy: 'smartRecruitersApiCredentialTest',
				displayOptions: { show: { authentication: ['apiKey'] } },
			},
			{
				name: 'smartRecruitersOAuth2Api',
				required: true,
				testedBy: 'smartRecruitersOAuth2ApiCredentialTest',
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
		],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: [
			authenticationProperty,
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: eventOptions,
				default: ['application.status.updated'],
				required: true,
				description:
					'SmartRecruiters events that start the workflow. There is no "hired" event: use Application: Status Updated with the "Only When Status Becomes" option.',
			},
			fieldsCollection('options', [
				{
					displayName: 'Only When Status Becomes',
					name: 'onlyStatuses',
					type: 'multiOptions',
					options: CANDIDATE_STATUSES,
					default: [],
					description:
						'For application events: read the application and start only when its status is one of these (e.g. Hired). Other events are not filtered.',
				},
				signatureToleranceOption(
					'Deliveries whose signed timestamp is further than this from now (in the past or the future) are refused, so a captured request cannot be replayed later',
				),
			]),
		],
	};

	methods = { credentialTest };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const state = this.getWorkflowStaticData('node') as TriggerState;
				if (!state.subscriptionId) return false;
				const response = await smartRecruitersApiRequest.call(
					this,
					'GET',
					`${API.webhooks}/subscriptions/{id}`,
					{
						params: { id: state.subscriptionId },
						acceptStatus: [404],
					},
				);
				const callbackUrl = this.getNodeWebhookUrl('default');
				if (
					response.id === state.subscriptionId &&
					response.callbackUrl === callbackUrl &&
					response.status === 'active'
				) {
					await learnRotatedKey.call(this, state);
					return true;
				}
				// Gone, pointing elsewhere or not active: start over with a fresh subscription.
				if (response.id === state.subscriptionId)
					await deleteSubscription.call(this, state.subscriptionId);
				delete state.subscriptionId;
				return false;
			},

			async create(this: IHookFunctions): Promise<boolean> {
				const state = this.getWorkflowStaticData('node') as TriggerState;
				const events = this.getNodeParameter('events') as string[];
				if (events.length === 0)
					throw new NodeOperationError(
						this.getNode(),
						'"Events" is empty: choose at least one event',
					);
				const unknown = events.filter((event) => !EVENT_NAMES.includes(event));
				if (unknown.length > 0) {
					throw new NodeOperationError(
						this.getNode(),
						`"Events" has event(s) SmartRecruiters does not send: ${unknown.map((e) => `"${e}"`).join(', ')}`,
					);
				}
				const callbackUrl = String(this.getNodeWebhookUrl('default') ?? '');
				assertDeliverableWebhookUrl(
					this.getNode(),
					'SmartRecruiters',
					callbackUrl,
					(await getAuthentication.call(this)).credentials,
				);
				const subscription = await smartRecruitersApiRequest.call(
					this,
					'POST',
					`${API.webhooks}/subscriptions`,
					{
						body: { callbackUrl, events },
					},
				);
				const id = String(subscription.id);
				state.subscriptionId = id;
				// The key comes before activation: events are delivered from activation on, and an unsigned one is refused.
				const { secretKey } = await smartRecruitersApiRequest.call(
					this,
					'POST',
					`${API.webhooks}/subscriptions/{id}/secret-key`,
					{ params: { id } },
				);
				// A new subscription signs with its own key only: keys of a replaced subscription are never valid again.
				state.secretKeys = [{ key: String(secretKey), createdAt: Date.now() }];
				// SmartRecruiters now POSTs X-Hook-Secret to the webhook URL; webhook() echoes it, then the call returns.
				await smartRecruitersApiRequest.call(
					this,
					'PUT',
					`${API.webhooks}/subscriptions/{id}/activation`,
					{ params: { id } },
				);
				return true;
			},

			async delete(this: IHookFunctions): Promise<boolean> {
				const state = this.getWorkflowStaticData('node') as TriggerState;
				if (state.subscriptionId) await deleteSubscription.call(this, state.subscriptionId);
				delete state.subscriptionId;
				delete state.secretKeys;
				delete state.recentEventIds;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const headers = this.getHeaderData() as IDataObject;
		const response = this.getResponseObject();
		const hookSecret = headers['x-hook-secret'];
		if (typeof hookSecret === 'string') {
			// Activation handshake: answer 200 echoing the secret, within SmartRecruiters' 20 s.
			response.set('X-Hook-Secret', hookSecret);
			response.status(200).end();
			return { noWebhookResponse: true };
		}

		const state = this.getWorkflowStaticData('node') as TriggerState;
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const header = (name: string) =>
			typeof headers[name] === 'string' ? (headers[name] as string) : '';
		const delivery = {
			timestamp: header('smartrecruiters-timestamp'),
			rawBody: this.getRequestObject().rawBody ?? Buffer.alloc(0),
			eventId: header('event-id'),
			eventName: header('event-name'),
			eventVersion: header('event-version'),
			link: header('link'),
		};
		const reject = (reason: string) => refuseDelivery(this, reason);

		const { credentials } = await getAuthentication.call(this);
		const pastedKeys = splitKeys(credentials.webhookSecretKeys);
		// Pasted keys have no known age: they verify until they are removed from the credential.
		const keys = [
			...activeSecretKeys(state.secretKeys ?? [], Date.now()).map((entry) => entry.key),
			...pastedKeys,
		];
		const signature = header('smartrecruiters-signature');
		if (keys.length === 0)
			return reject(
				'No webhook secret key is known: re-activate the workflow or add the key to the credential',
			);
		if (!signature || !delivery.timestamp)
			return reject('Missing smartrecruiters-signature or smartrecruiters-timestamp header');
		// SmartRecruiters states no replay window: the node's tolerance is the window.
		if (
			!isFreshUnixSeconds(delivery.timestamp, Date.now(), Number(options.toleranceSeconds ?? 300))
		) {
			return reject('smartrecruiters-timestamp is outside the accepted tolerance');
		}
		const verified = matchingSignature(signature, keys, delivery);
		if (!verified) return reject('Invalid smartrecruiters-signature');

		// SmartRecruiters wants a 202 within 5 s. It is sent once the event is decided (after the status lookup below):
		// if the lookup fails, the error answers 500 and SmartRecruiters delivers the event again.
		const accepted = (): IWebhookResponseData => {
			response.status(202).end();
			return { noWebhookResponse: true };
		};
		// event-id is a required header, but a delivery without one must not be replayable within the tolerance either.
		const deliveryKey = delivery.eventId || `v1:${verified}`;
		const deliveries = seenIds(state, 'recentEventIds', REMEMBERED_EVENT_IDS);
		if (deliveries.has(deliveryKey)) return accepted();

		const payload = this.getBodyData();
		const item: IDataObject = {
			event: delivery.eventName,
			eventId: delivery.eventId,
			eventVersion: delivery.eventVersion,
			...(delivery.link ? { link: delivery.link } : {}),
			payload,
		};
		const onlyStatuses = (options.onlyStatuses as string[] | undefined) ?? [];
		if (onlyStatuses.length > 0 && isApplicationEvent(delivery.eventName)) {
			const ids = applicationIds(payload, delivery.link);
			if (!ids) return accepted();
			const application = await getApplication.call(this, ids.candidateId, ids.jobId);
			if (!onlyStatuses.includes(String(application.status))) return accepted();
			item.application = application;
		}
		// Remembered only when the event starts the workflow: a delivery that failed above is still run when it comes again.
		deliveries.remember(deliveryKey);
		accepted();
		return { noWebhookResponse: true, workflowData: [this.helpers.returnJsonArray([item])] };
	}
}

/**
 * A key generated outside this node (an admin rotating it through the API) is learned when the workflow is activated
 * again: from then on it verifies, and the previous key only for SmartRecruiters' 24 h. The 24 h count from this
 * moment, as the node cannot know when the rotation happened.
 */
async function learnRotatedKey(this: IHookFunctions, state: TriggerState) {
	const { secretKey } = await smartRecruitersApiRequest.call(
		this,
		'GET',
		`${API.webhooks}/subscriptions/{id}/secret-key`,
		{
			params: { id: String(state.subscriptionId) },
			// 403: the credential may not read keys; 404: no key generated. Verification then uses what is already known.
			acceptStatus: [403, 404],
		},
	);
	if (typeof secretKey === 'string' && secretKey !== '')
		state.secretKeys = withRotatedKey(state.secretKeys ?? [], secretKey, Date.now());
}

async function deleteSubscription(this: IHookFunctions, id: string) {
	await smartRecruitersApiRequest.call(this, 'DELETE', `${API.webhooks}/subscriptions/{id}`, {
		params: { id },
		acceptStatus: [404],
	});
}

/** Candidate and job of an application event: from the thin payload, else from the `Link` to the application. */
function applicationIds(
	payload: IDataObject,
	link: string,
): { candidateId: string; jobId: string } | undefined {
	if (typeof payload.candidate_id === 'string' && typeof payload.job_id === 'string') {
		return { candidateId: payload.candidate_id, jobId: payload.job_id };
	}
	const match = /\/candidates\/([^/>?]+)\/jobs\/([^/>?]+)/.exec(link);
	return match
		? { candidateId: decodeURIComponent(match[1]), jobId: decodeURIComponent(match[2]) }
		: undefined;
}
