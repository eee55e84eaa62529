import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { fieldsCollection } from '../shared/descriptions';
import {
	isWithinTolerance,
	refuseDelivery,
	signatureToleranceOption,
} from '../shared/webhookDelivery';
import { expandOption } from './actions/common.descriptions';
import { authenticationProperty } from './helpers/authentication';
import { credentialTest } from './methods';
import { markHandled, wasHandled } from './trigger/deliveries';
import { eventOptions, originOptions } from './trigger/events';
import { filtersOf, passesStageFilters, resolveDelivery } from './trigger/filters';
import { getPostings, getStages } from './trigger/loadOptions';
import { createWebhooks, deleteWebhooks, webhooksExist } from './trigger/registration';
import { parseEnvelope, signatureMatchesAnyKey } from './trigger/signature';
import { knownSigningKeys } from './trigger/signingKeys';

const isManualRegistration = (context: IHookFunctions) =>
	context.getNodeParameter('registration', 'automatic') === 'manual';

export class LeverTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Lever Trigger',
		name: 'leverTrigger',
		icon: { light: 'file:lever.svg', dark: 'file:lever.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description:
			'Starts the workflow when Lever sends a webhook (candidate hired, stage change, new application, …)',
		defaults: { name: 'Lever Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'leverApi',
				required: true,
				testedBy: 'leverApiCredentialTest',
				displayOptions: { show: { authentication: ['apiKey'] } },
			},
			{
				name: 'leverOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
		],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: [
			authenticationProperty,
			{
				displayName:
					'Lever only starts sending an event after a Super Admin has switched its webhook group on once (Settings → Integrations and API → Webhooks)',
				name: 'superAdminNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Webhook Registration',
				name: 'registration',
				type: 'options',
				options: [
					{
						name: 'Automatically via the Lever API',
						value: 'automatic',
						description:
							'Registers one webhook per event when the workflow is activated and removes them when deactivated',
					},
					{
						name: 'Manually in Lever',
						value: 'manual',
						description:
							'For keys without the Webhooks permission: you add the webhooks in Lever yourself',
					},
				],
				default: 'automatic',
			},
			{
				displayName:
					"In Lever, add a webhook for each chosen event with this node's Production URL, then paste each webhook's Signature Token into the credential's Webhook Signature Tokens field. Deliveries without a valid signature are refused.",
				name: 'manualNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { registration: ['manual'] } },
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: eventOptions,
				default: [],
				required: true,
				description: 'Lever registers one webhook per event; each delivery starts one execution',
			},
			fieldsCollection('options', [
				{
					...expandOption,
					displayName: 'Expand Opportunity Fields',
					default: ['applications'],
					description:
						'IDs to replace by full objects in the fetched opportunity (used with Fetch Opportunity)',
				},
				{
					displayName: 'Fetch Opportunity',
					name: 'fetchOpportunity',
					type: 'boolean',
					default: false,
					description:
						'Whether to add the full opportunity to the output. Lever sends IDs only, and the payload is not covered by the signature, so the API is the trustworthy source.',
				},
				{
					displayName: 'From Stage Names or IDs',
					name: 'fromStageIds',
					type: 'multiOptions',
					typeOptions: { loadOptionsMethod: 'getStages' },
					default: [],
					description:
						'Only stage changes that leave one of these stages. Other events are not affected. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
				{
					displayName: 'Origins',
					name: 'origins',
					type: 'multiOptions',
					options: originOptions,
					default: [],
					description:
						'Only candidates with these origins (Lever applies this to Application Created, Candidate Hired, Candidate Stage Change and Candidate Archive Change; empty means all)',
				},
				{
					displayName: 'Posting Names or IDs',
					name: 'postingIds',
					type: 'multiOptions',
					typeOptions: { loadOptionsMethod: 'getPostings' },
					default: [],
					description:
						'Only events about an opportunity that applied to one of these postings (looks the opportunity up; events without an opportunity never match). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
				signatureToleranceOption(
					"Deliveries whose signed triggeredAt is further than this from now (in the past or the future) are refused, so a captured request cannot be replayed later. Lever's retries of a failed delivery keep the original time: raise this (e.g. 86400 for a day) to accept late retries.",
				),
				{
					displayName: 'To Stage Names or IDs',
					name: 'toStageIds',
					type: 'multiOptions',
					typeOptions: { loadOptionsMethod: 'getStages' },
					default: [],
					description:
						'Only stage changes into one of these stages. Other events are not affected. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
			]),
		],
	};

	methods = { credentialTest, loadOptions: { getStages, getPostings } };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				// Manual registration: the webhooks live in Lever's settings, there is nothing for n8n to create.
				if (isManualRegistration(this)) return true;
				return await webhooksExist.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				if (isManualRegistration(this)) return true;
				return await createWebhooks.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				if (isManualRegistration(this)) return true;
				return await deleteWebhooks.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const envelope = parseEnvelope(this.getBodyData());
		if (
			!envelope ||
			!signatureMatchesAnyKey(envelope, await knownSigningKeys.call(this, envelope.event))
		) {
			return refuseDelivery(this, 'Missing or invalid Lever signature');
		}
		const tolerance = this.getNodeParameter('options.toleranceSeconds', 300) as number;
		if (!isWithinTolerance(envelope.triggeredAt, Date.now(), tolerance)) {
			return refuseDelivery(this, 'Delivery is too old (triggeredAt outside the allowed window)');
		}

		// Lever's "test" button sends an empty data object: acknowledge it without running the workflow.
		if (Object.keys(envelope.data).length === 0)
			return { webhookResponse: { message: 'Test delivery received' } };

		const staticData = this.getWorkflowStaticData('node');
		if (wasHandled(staticData, envelope))
			return { webhookResponse: { message: 'Delivery already received' } };

		const events = this.getNodeParameter('events', []) as string[];
		const filters = filtersOf(this);
		let item: IDataObject | undefined;
		if (events.includes(envelope.event) && passesStageFilters(envelope, filters)) {
			item = await resolveDelivery.call(this, envelope, filters);
		}
		// Marked only after the lookups succeeded: if Lever's API failed, the 500 makes Lever retry the delivery.
		markHandled(staticData, envelope);
		if (!item)
			return { webhookResponse: { message: 'Delivery does not match the trigger filters' } };
		return { workflowData: [this.helpers.returnJsonArray([item])] };
	}
}
