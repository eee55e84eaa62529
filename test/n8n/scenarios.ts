/**
 * Each shipped recipe as a scenario that can be played against any host of the workflow — `ats-sync serve` or a real
 * n8n — with the inputs of the runner's recipe tests (test/recipes/inputs.ts), against fresh simulators started from
 * the same seed on fixed ports (so credentials imported into n8n once stay valid), ending in a comparable end state.
 */

import {
	allowingLocalFiles,
	editedRecipe,
	postSigned,
	startFileServer,
	startReceiver,
	type RecipeWorkflow,
} from '../recipes/helpers';
import {
	exportLever,
	exportSmartRecruiters,
	hireLever,
	hireSmartRecruiters,
	INTERVIEW_SIGNING_SECRET,
	ONBOARDING_TOKEN,
	OUTREACH_SIGNING_SECRET,
	PLATFORM_TOKEN,
	PSEUDONYM_SECRET,
	pushLever,
	pushSmartRecruiters,
} from '../recipes/inputs';
import { leverByEmail, leverView, moveLeverStage } from '../recipes/leverState';
import { setSrStatus, srByEmail, srView } from '../recipes/srState';
import { LEVER_SEED, startLeverSimulator, type LeverSimulator } from '../simulators/lever';
import { startOnboardingSimulator, type OnboardingSimulator } from '../simulators/onboarding';
import {
	SMARTRECRUITERS_SEED,
	startSmartRecruitersSimulator,
	type SmartRecruitersSimulator,
} from '../simulators/smartrecruiters';

export interface Ports {
	lever: number;
	smartRecruiters: number;
	onboarding: number;
	files: number;
	receiver: number;
}

/** Where the host of the workflow receives webhooks: by trigger node name. */
export interface WorkflowHost {
	urlOf(nodeName: string): string;
}

export type Workflow = RecipeWorkflow;

export interface CredentialEntry {
	type: string;
	data: Record<string, unknown>;
}

/**
 * Credentials by the name the recipes use, pointing at the simulators on `ports`. The host of the workflow listens on
 * plain http on loopback, so the ATS credentials opt in to http webhook URLs (as the registering simulators do).
 */
export function credentialsFor(ports: Ports): Record<string, CredentialEntry> {
	const onboardingHeader = (value: string) => ({
		type: 'onboardingApi',
		data: { authType: 'header', headerName: 'Authorization', headerValue: value },
	});
	return {
		'Lever account': {
			type: 'leverApi',
			data: {
				apiKey: LEVER_SEED.apiKey,
				environment: 'custom',
				customUrl: `http://127.0.0.1:${ports.lever}/v1`,
				allowHttpWebhookUrls: true,
				// By email, as the recipes' setup notes ask for it (resolved to LEVER_SEED.users.recruiter).
				defaultPerformAs: LEVER_SEED.userEmails.recruiter,
			},
		},
		'SmartRecruiters account': {
			type: 'smartRecruitersApi',
			data: {
				apiKey: SMARTRECRUITERS_SEED.apiKey,
				environment: 'custom',
				customUrl: `http://127.0.0.1:${ports.smartRecruiters}`,
				allowHttpWebhookUrls: true,
			},
		},
		'Outreach webhook': {
			type: 'contactEventWebhookApi',
			data: { signingSecret: OUTREACH_SIGNING_SECRET },
		},
		'Interview platform webhook': {
			type: 'contactEventWebhookApi',
			data: { signingSecret: INTERVIEW_SIGNING_SECRET },
		},
		'Pseudonym secret': { type: 'pseudonymSecretApi', data: { secret: PSEUDONYM_SECRET } },
		'Interview platform API': onboardingHeader(PLATFORM_TOKEN),
		'Onboarding API': onboardingHeader(ONBOARDING_TOKEN),
	};
}

/** One run of a scenario: its simulators, the steps that feed the host, and what the run left behind. */
export interface ScenarioRun {
	/** Every step's observable answer (HTTP statuses of deliveries), compared like the end state. */
	steps: Array<(host: WorkflowHost) => Promise<unknown>>;
	/** Requests the simulators have seen so far: the run has settled when this stops moving. */
	activity(): number;
	/** Webhooks registered with the ATS simulator (Lever webhooks, active SmartRecruiters subscriptions). */
	registeredWebhooks(): number;
	/** Records before any step, to tell seed ids from created ones. */
	seedState: unknown;
	endState(): unknown;
	close(): Promise<void>;
}

export interface Scenario {
	name: string;
	recipe: string;
	/** Nodes whose trigger registers a webhook with the ATS when served or activated. */
	registeringTriggers: string[];
	/** The workflow as an ops person imports it: the shipped recipe with only the URLs they fill in changed. */
	workflow(ports: Ports): Workflow;
	start(ports: Ports): Promise<ScenarioRun>;
}

/**
 * The workflow as shipped, or with the one URL an ops person fills in; the test file server on loopback is allowed
 * in the Download File nodes, as an on-premises file server would be.
 */
function recipeWithUrl(recipe: string, nodeName?: string, url?: string): Workflow {
	return allowingLocalFiles(nodeName ? editedRecipe(recipe, nodeName, 'url', url) : recipe);
}

const leverState = (sim: LeverSimulator) => leverView(sim);
const srState = (sim: SmartRecruitersSimulator) => srView(sim);
const employees = (onboarding: OnboardingSimulator) =>
	[...onboarding.employees.values()].map((employee) => ({
		key: employee.idempotencyKey,
		...employee.record,
	}));

const activeSubscriptions = (sim: SmartRecruitersSimulator) =>
	sim.state.subscriptions.filter((subscription) => subscription.status === 'active').length;

/** A status change in SmartRecruiters, and the webhook deliveries it sets off. */
async function setSrStatusSettled(
	sim: SmartRecruitersSimulator,
	candidateId: string,
	jobId: string,
	body: object,
) {
	const status = await setSrStatus(sim, candidateId, jobId, body);
	await sim.settled();
	return status;
}

/** An unsigned copy of a signed outreach delivery: must be refused by any host. */
async function postUnsigned(url: string, body: unknown) {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	return response.status;
}

export const scenarios: Scenario[] = [
	{
		name: 'push-on-interested (Lever)',
		recipe: 'push-on-interested.lever.json',
		registeringTriggers: [],
		workflow: () => recipeWithUrl('push-on-interested.lever.json'),
		async start(ports) {
			const sim = await startLeverSimulator({ port: ports.lever });
			const files = await startFileServer(pushLever.files, ports.files);
			const url = (host: WorkflowHost) => host.urlOf('Contact Event');
			return {
				seedState: leverState(sim),
				steps: [
					async (host) =>
						postSigned(url(host), OUTREACH_SIGNING_SECRET, pushLever.events(files.baseUrl)),
					async (host) => postSigned(url(host), OUTREACH_SIGNING_SECRET, pushLever.served),
					// The sender retries a delivered event, then someone forges one without the secret.
					async (host) => postSigned(url(host), OUTREACH_SIGNING_SECRET, pushLever.served),
					async (host) =>
						postSigned(url(host), 'not-the-secret-of-the-outreach-tool', {
							...pushLever.served,
							eventId: 'e-11',
						}),
					async (host) => postUnsigned(url(host), { ...pushLever.served, eventId: 'e-12' }),
				],
				activity: () => sim.requests.length,
				registeredWebhooks: () => sim.state.webhooks.length,
				endState: () => ({ lever: leverState(sim) }),
				close: async () => {
					await sim.close();
					await files.close();
				},
			};
		},
	},
	{
		name: 'push-on-interested (SmartRecruiters)',
		recipe: 'push-on-interested.smartrecruiters.json',
		registeringTriggers: [],
		workflow: () => recipeWithUrl('push-on-interested.smartrecruiters.json'),
		async start(ports) {
			const sim = await startSmartRecruitersSimulator({ port: ports.smartRecruiters });
			const files = await startFileServer(pushSmartRecruiters.files, ports.files);
			return {
				seedState: srState(sim),
				steps: [
					async (host) =>
						postSigned(
							host.urlOf('Contact Event'),
							OUTREACH_SIGNING_SECRET,
							pushSmartRecruiters.events(files.baseUrl),
						),
				],
				activity: () => sim.requests.length,
				registeredWebhooks: () => activeSubscriptions(sim),
				endState: () => ({
					smartRecruiters: srState(sim),
					contractViolations: sim.contractViolations,
				}),
				close: async () => {
					await sim.close();
					await files.close();
				},
			};
		},
	},
	{
		name: 'export-on-interview-feedback (Lever)',
		recipe: 'export-on-interview-feedback.lever.json',
		registeringTriggers: ['Stage Changed'],
		workflow: (ports) =>
			recipeWithUrl(
				'export-on-interview-feedback.lever.json',
				'Post Stage Back',
				`http://127.0.0.1:${ports.receiver}/api/ats-status`,
			),
		async start(ports) {
			// autoWebhooks: stage changes made through the API are delivered to registered webhooks, as Lever does.
			const sim = await startLeverSimulator({
				port: ports.lever,
				autoWebhooks: true,
				allowInsecureWebhookUrls: true,
			});
			const files = await startFileServer(exportLever.files, ports.files);
			const platform = await startReceiver(ports.receiver);
			const onsite = LEVER_SEED.stages.onsite;
			return {
				seedState: leverState(sim),
				steps: [
					async (host) =>
						postSigned(
							host.urlOf('Interview Completed'),
							INTERVIEW_SIGNING_SECRET,
							exportLever.events(files.baseUrl),
						),
					// A later stage change of an exported candidate is posted back; one of a candidate not exported is not.
					async () =>
						moveLeverStage(sim, leverByEmail(sim, 'mira.stack@example.com')[0].id, onsite),
					async () =>
						moveLeverStage(sim, leverByEmail(sim, LEVER_SEED.contactEmails.ada)[1].id, onsite),
				],
				activity: () => sim.requests.length + platform.received.length,
				registeredWebhooks: () => sim.state.webhooks.length,
				endState: () => ({ lever: leverState(sim), platform: platform.received }),
				close: async () => {
					await sim.close();
					await files.close();
					await platform.close();
				},
			};
		},
	},
	{
		name: 'export-on-interview-feedback (SmartRecruiters)',
		recipe: 'export-on-interview-feedback.smartrecruiters.json',
		registeringTriggers: ['Status Changed'],
		workflow: (ports) =>
			recipeWithUrl(
				'export-on-interview-feedback.smartrecruiters.json',
				'Post Status Back',
				`http://127.0.0.1:${ports.receiver}/api/ats-status`,
			),
		async start(ports) {
			const sim = await startSmartRecruitersSimulator({
				port: ports.smartRecruiters,
				autoEvents: true,
				allowInsecureWebhookUrls: true,
			});
			const files = await startFileServer(exportSmartRecruiters.files, ports.files);
			const platform = await startReceiver(ports.receiver);
			const S = SMARTRECRUITERS_SEED;
			return {
				seedState: srState(sim),
				steps: [
					async (host) =>
						postSigned(
							host.urlOf('Interview Completed'),
							INTERVIEW_SIGNING_SECRET,
							exportSmartRecruiters.events(files.baseUrl),
						),
					async () =>
						setSrStatusSettled(
							sim,
							srByEmail(sim, 'mira.stack@example.com')[0].id,
							S.jobs.backendEngineer,
							{ status: 'INTERVIEW', subStatus: 'Technical interview' },
						),
					async () =>
						setSrStatusSettled(sim, S.candidates.maria, S.jobs.productDesigner, {
							status: 'IN_REVIEW',
						}),
				],
				activity: () => sim.requests.length + platform.received.length,
				registeredWebhooks: () => activeSubscriptions(sim),
				endState: () => ({
					smartRecruiters: srState(sim),
					platform: platform.received,
					contractViolations: sim.contractViolations,
				}),
				close: async () => {
					await sim.close();
					await files.close();
					await platform.close();
				},
			};
		},
	},
	{
		name: 'hire-to-onboarding (Lever)',
		recipe: 'hire-to-onboarding.lever.json',
		registeringTriggers: ['Hired (Webhook)'],
		workflow: (ports) =>
			recipeWithUrl(
				'hire-to-onboarding.lever.json',
				'Onboarding Push',
				`http://127.0.0.1:${ports.onboarding}/employees`,
			),
		async start(ports) {
			const sim = await startLeverSimulator({
				port: ports.lever,
				webhookRetryDelaysMs: [10, 20, 40, 80, 160],
				allowInsecureWebhookUrls: true,
			});
			const onboarding = await startOnboardingSimulator({
				port: ports.onboarding,
				auth: { header: 'authorization', value: ONBOARDING_TOKEN },
			});
			const deliveryStatuses = (results: Array<{ status?: number; attempts: number }>) =>
				results.map(({ status, attempts }) => ({ status, attempts }));
			return {
				seedState: leverState(sim),
				steps: [
					async () => deliveryStatuses(await sim.sendWebhook('candidateHired', hireLever.hired)),
					// Someone re-sends the hire (a new delivery): the push is idempotent.
					async () => deliveryStatuses(await sim.sendWebhook('candidateHired', hireLever.hired)),
					// A forged delivery: Lever's body shape, but no signature.
					async (host) =>
						postUnsigned(host.urlOf('Hired (Webhook)'), {
							triggeredAt: Date.now(),
							event: 'candidateHired',
							data: hireLever.hired,
						}),
				],
				activity: () => sim.requests.length + onboarding.requests.length,
				registeredWebhooks: () => sim.state.webhooks.length,
				endState: () => ({ lever: leverState(sim), employees: employees(onboarding) }),
				close: async () => {
					await sim.close();
					await onboarding.close();
				},
			};
		},
	},
	{
		name: 'hire-to-onboarding (SmartRecruiters)',
		recipe: 'hire-to-onboarding.smartrecruiters.json',
		registeringTriggers: ['Hired (Webhook)'],
		workflow: (ports) =>
			recipeWithUrl(
				'hire-to-onboarding.smartrecruiters.json',
				'Onboarding Push',
				`http://127.0.0.1:${ports.onboarding}/employees`,
			),
		async start(ports) {
			const sim = await startSmartRecruitersSimulator({
				port: ports.smartRecruiters,
				autoEvents: true,
				allowInsecureWebhookUrls: true,
			});
			const onboarding = await startOnboardingSimulator({
				port: ports.onboarding,
				auth: { header: 'authorization', value: ONBOARDING_TOKEN },
			});
			const S = SMARTRECRUITERS_SEED;
			return {
				seedState: srState(sim),
				steps: [
					async () =>
						(
							await sim.deliverEvent('application.status.updated', hireSmartRecruiters.johnHired)
						).map(({ status }) => status),
					async () =>
						setSrStatusSettled(
							sim,
							S.candidates.maria,
							S.jobs.productDesigner,
							hireSmartRecruiters.mariaHired,
						),
				],
				activity: () => sim.requests.length + onboarding.requests.length,
				registeredWebhooks: () => activeSubscriptions(sim),
				endState: () => ({
					smartRecruiters: srState(sim),
					employees: employees(onboarding),
					contractViolations: sim.contractViolations,
				}),
				close: async () => {
					await sim.close();
					await onboarding.close();
				},
			};
		},
	},
];
