import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { CONTACT_EVENT_TYPES, parseContactEvent, parseContactEventBatch } from './event';
import { isValidSignature } from '../shared/bodySignature';
import { isFreshUnixSeconds } from '../../../../nodes/shared/webhookDelivery';
import { failedItem } from '../../../../nodes/shared/failedItem';
import { seenIds } from '../../../../nodes/shared/seenIds';
import { headerNameProblem, isBlank, valuesTest } from '../shared/credentialTest';

interface TriggerState extends IDataObject {
	/** Ids of events webhook() accepted, so a sender's retry of a delivered event does not start a second run. */
	recentEventIds?: string[];
	/**
	 * Ids of events a run was fed with (not by a delivery), so the same event replayed from a file
	 * (`ats-sync run --input`) runs once.
	 */
	processedEventIds?: string[];
}

const REMEMBERED_EVENT_IDS = 1000;

const EVENT_LABELS: Record<(typeof CONTACT_EVENT_TYPES)[number], string> = {
	'contact.added': 'Contact Added to Campaign',
	'contact.replied': 'Contact Replied',
	'contact.interested': 'Contact Interested',
	'contact.bounced': 'Contact Bounced',
	'contact.unsubscribed': 'Contact Unsubscribed',
	'interview.completed': 'Interview Completed',
};

const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{
			name: 'HMAC Signature',
			value: 'signature',
			description:
				'Refuse deliveries without a valid signature of the body (and of the time, when the credential names a Timestamp Header)',
		},
		{ name: 'None', value: 'none', description: 'Accept any delivery to this URL' },
	],
	default: 'signature',
};

export class ContactEventTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Contact Event Trigger',
		name: 'contactEventTrigger',
		icon: { light: 'file:contactEvent.svg', dark: 'file:contactEvent.dark.svg' },
		group: ['trigger'],
		// 1.1: Authentication defaults to HMAC Signature (version 1 keeps "None", which it stored by leaving it out).
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{ $parameter["events"].join(", ") }}',
		description:
			'Starts the workflow when an outreach tool reports a contact event (added, replied, interested…) or an interview platform reports a completed interview',
		defaults: { name: 'Contact Event Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'contactEventWebhookApi',
				required: true,
				testedBy: 'contactEventWebhook',
				displayOptions: { show: { authentication: ['signature'] } },
			},
		],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'contact-events' },
		],
		properties: [
			{
				displayName:
					"Paste this node's webhook URL into the outreach tool or interview platform. Each delivery is one event, or a JSON array of events, of the documented shape (see docs/nodes.md in the n8n-nodes-ats-sync repository).",
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{ ...authenticationProperty, default: 'none', displayOptions: { show: { '@version': [1] } } },
			{
				...authenticationProperty,
				default: 'signature',
				displayOptions: { hide: { '@version': [1] } },
			},
			{
				displayName:
					'With Authentication "None", anyone who learns this URL can start the workflow with events of their own: create candidates, write notes, and make Download File fetch the URLs in them. Choose HMAC Signature unless the sender cannot sign and the URL is reachable only from your network.',
				name: 'noAuthenticationNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { authentication: ['none'] } },
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: CONTACT_EVENT_TYPES.map((type) => ({ name: EVENT_LABELS[type], value: type })),
				default: [...CONTACT_EVENT_TYPES],
				required: true,
				description:
					'Event types that start the workflow. Other valid events are acknowledged and counted as ignored.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Ignore Repeated Event IDs',
						name: 'dedupe',
						type: 'boolean',
						default: true,
						description:
							"Whether an event whose eventId was already received (a sender's retry, or the same event replayed from a file) is acknowledged without running the workflow again",
					},
					{
						displayName: 'Signature Tolerance (Seconds)',
						name: 'toleranceSeconds',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 300,
						displayOptions: { show: { '/authentication': ['signature'] } },
						description:
							'When the credential names a Timestamp Header: deliveries signed further than this from now (in the past or the future) are refused',
					},
				],
			},
		],
	};

	/** There is nothing to register: the URL is pasted into the sending tool. */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return false;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				const state = this.getWorkflowStaticData('node') as TriggerState;
				delete state.recentEventIds;
				delete state.processedEventIds;
				return true;
			},
		},
	};

	methods = {
		credentialTest: {
			contactEventWebhook: valuesTest(
				(data) =>
					[
						isBlank(data.signingSecret)
							? '"Signing Secret" is empty: every delivery would be refused'
							: undefined,
						headerNameProblem('Signature Header', data.signatureHeader),
						headerNameProblem('Timestamp Header', data.timestampHeader),
					].filter((problem) => problem !== undefined),
				'The signing secret is set and the header names are valid',
			),
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const response = this.getResponseObject();
		const reply = (status: number, body: IDataObject): IWebhookResponseData => {
			response.status(status).json(body);
			return { noWebhookResponse: true };
		};

		// Fail closed: anything but an explicit "None" is checked.
		if (this.getNodeParameter('authentication', 'signature') !== 'none') {
			const credentials = await this.getCredentials('contactEventWebhookApi');
			const headers = this.getHeaderData();
			const headerName = String(credentials.signatureHeader || 'x-signature').toLowerCase();
			const header = headers[headerName];
			const rawBody = this.getRequestObject().rawBody as Buffer | undefined;
			if (!rawBody)
				return reply(401, {
					message: 'The signature cannot be checked: the raw request body is not available',
				});
			const timestampName = String(credentials.timestampHeader ?? '')
				.trim()
				.toLowerCase();
			let timestamp: string | undefined;
			if (timestampName) {
				const value = headers[timestampName];
				const tolerance = this.getNodeParameter('options.toleranceSeconds', 300) as number;
				if (typeof value !== 'string' || !isFreshUnixSeconds(value, Date.now(), tolerance)) {
					return reply(401, {
						message: `Missing, malformed or expired timestamp in header "${timestampName}" (Unix seconds, at most ${tolerance} s from now)`,
					});
				}
				timestamp = value;
			}
			if (
				!isValidSignature(
					String(credentials.signingSecret),
					rawBody,
					typeof header === 'string' ? header : undefined,
					timestamp,
				)
			) {
				return reply(401, { message: `Missing or invalid signature in header "${headerName}"` });
			}
		}

		const parsed = parseContactEventBatch(this.getBodyData());
		if (!parsed.ok) return reply(400, { message: `Invalid event: ${parsed.message}` });

		const wanted = this.getNodeParameter('events', []) as string[];
		const dedupe = this.getNodeParameter('options.dedupe', true) as boolean;
		const state = this.getWorkflowStaticData('node') as TriggerState;
		const recent = seenIds(state, 'recentEventIds', REMEMBERED_EVENT_IDS);
		let ignored = 0;
		let duplicates = 0;
		const accepted: IDataObject[] = [];
		for (const item of parsed.items) {
			if (!wanted.includes(item.type)) {
				ignored++;
			} else if (dedupe && recent.has(item.eventId)) {
				duplicates++;
			} else {
				if (dedupe) recent.remember(item.eventId);
				accepted.push(item as unknown as IDataObject);
			}
		}

		response
			.status(200)
			.json({ received: parsed.items.length, accepted: accepted.length, ignored, duplicates });
		if (accepted.length === 0) return { noWebhookResponse: true };
		return { noWebhookResponse: true, workflowData: [this.helpers.returnJsonArray(accepted)] };
	}

	/**
	 * Validates the items that start a run. After a webhook these are the items webhook() emitted (parsing them
	 * again gives the same items); when the headless runner starts the workflow from an input file they are the
	 * raw events, which get exactly the webhook's validation — a bad one is an error naming the field.
	 */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		// A run started by a delivery was deduplicated by webhook(), which remembered its event ids. It must not write
		// static data: n8n saves a run's changed static data whole, from the copy it loaded when the run started —
		// possibly before the webhook call's own save landed — and that copy would overwrite the ids webhook()
		// remembered, so the sender's retry would be taken as new. Only runs fed with raw events dedupe here.
		const dedupe =
			this.getMode() !== 'webhook' && (this.getNodeParameter('options.dedupe', 0, true) as boolean);
		const processed = dedupe
			? seenIds(
					this.getWorkflowStaticData('node') as TriggerState,
					'processedEventIds',
					REMEMBERED_EVENT_IDS,
				)
			: undefined;
		const output: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			const result = parseContactEvent(items[itemIndex].json);
			if (result.ok) {
				if (processed?.has(result.item.eventId)) continue;
				processed?.remember(result.item.eventId);
				output.push({
					json: result.item as unknown as IDataObject,
					pairedItem: { item: itemIndex },
				});
				continue;
			}
			const error = new NodeOperationError(
				this.getNode(),
				`Invalid contact event: ${result.message}`,
				{
					itemIndex,
					description:
						'Items that start this workflow must have the shape of a webhook event (see docs/nodes.md in the n8n-nodes-ats-sync repository)',
				},
			);
			if (!this.continueOnFail()) throw error;
			output.push(failedItem.call(this, error, itemIndex));
		}
		// Static data is kept only when the run succeeds (in n8n and in ats-sync), so a failed run's events are retried.
		return [output];
	}
}
