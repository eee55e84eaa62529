/**
 * The queue-mode proof of issue 17: this package in n8n's queue mode (test/n8n/queueMode.ts: one main, 2 workers,
 * Redis, PostgreSQL) running push-on-interested for Lever, then for SmartRecruiters, each fed 1,000 contacts through
 * its production webhook as an outreach tool delivers them (signed Contact Events, several deliveries in flight).
 *
 * Every 5th contact comes with a CV (binary data through n8n's database mode), and every 10th contact gets a second
 * event (contact.replied) delivered at the same moment as the first, so two executions, usually on two workers,
 * work on the same person at once. The simulators enforce the vendors' real limits.
 *
 * The burst is delivered while the workers are stopped (n8n queues every execution in Redis), then the workers start
 * on a full queue: what is measured is how the workers' requests share the vendor's allowance. Fed while they run,
 * the workers would only get what main's webhook intake lets through beside them (1.7 to 3.5 deliveries a second on
 * a busy 2-core machine: fewer contacts per second than Lever's limit allows), and the figure would measure the machine.
 *
 * Measured per ATS, on the simulator's side and from n8n's own executions (each read through n8n's REST API, as the
 * editor opens it; their ids come from the database, because n8n 2.41's executions list pages by start time with an
 * id cursor, which skips and repeats executions that workers started out of id order):
 *   contacts in the ATS   contacts with at least one record (Lever opportunity, SmartRecruiters candidate)
 *   duplicates            contacts with more than one record
 *   lost events           deliveries n8n acknowledged that no execution ran, or whose execution succeeded without
 *                         leaving a record and without a failed item (a failure shown in n8n is not lost)
 *   failed executions     executions n8n did not finish with success
 *   failed items          items on a node's error output, or nodes that failed, across all executions
 *   429s, requests        every request the simulator answered, 429s among them
 *   share of allowance    Lever: answered requests ÷ (20 + 10/s × seconds from first to last request);
 *                         SmartRecruiters: per endpoint against 10 in any second, request-weighted
 *                         (scripts/bench/lib.js, the same formulas as `npm run bench`)
 */
import os from 'node:os';

import type { INodeExecutionData, IRunExecutionData } from 'n8n-workflow';

import { ensureBuilt, postSigned, startFileServer } from '../recipes/helpers';
import { BACKEND_CAMPAIGN, contactEvent, OUTREACH_SIGNING_SECRET } from '../recipes/inputs';
import { leverView } from '../recipes/leverState';
import { srView } from '../recipes/srState';
import { startLeverSimulator } from '../simulators/lever';
import { DEFAULT_RATE_LIMIT, startSmartRecruitersSimulator } from '../simulators/smartrecruiters';
import { credentialNamesIn, freePort, type N8nInstance } from '../n8n/instance';
import { QueueModeCluster } from '../n8n/queueMode';
import { credentialsFor, scenarios, type Ports, type Workflow } from '../n8n/scenarios';

interface LoggedEntry {
	method: string;
	path: string;
	status: number;
	at: number;
}
interface Target {
	text: string;
	pass: (figure: number) => boolean;
}
interface BenchLib {
	bucketShare(
		entries: LoggedEntry[],
		limit: { ratePerSecond: number; burst: number },
	): { share: number; used: number; allowed: number; seconds: number };
	endpointShares(
		entries: LoggedEntry[],
		minCalls: number,
		perSecond: number,
	): {
		share: number;
		rates: Array<{ endpoint: string; calls: number; seconds: number; allowed: number }>;
		busiest?: { endpoint: string; share: number };
	};
	timestampRequests(sim: { requests: unknown[] }): void;
	round(value: number, digits?: number): number;
	targets: {
		atLeast(threshold: number): Target;
		below(threshold: number): Target;
		exactly(value: number): Target;
	};
}
// The bench's formulas and helpers, one copy for `npm run bench` and this proof.
const { bucketShare, endpointShares, round, targets, timestampRequests } =
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	require('../../scripts/bench/lib') as BenchLib;

export interface QueueModeOptions {
	/** Contacts per ATS (1,000 per the issue; QUEUE_MODE_CONTACTS for a quicker trial). */
	contacts: number;
	workers: number;
	/** Executions per worker at once (`n8n worker --concurrency`, n8n's default). */
	concurrency: number;
	/** Webhook deliveries in flight at once, as an outreach tool sending a burst. */
	deliveriesInFlight: number;
}

export const DEFAULT_OPTIONS: QueueModeOptions = {
	contacts: Number(process.env.QUEUE_MODE_CONTACTS || 1000),
	workers: 2,
	concurrency: 10,
	deliveriesInFlight: 10,
};

const CV_EVERY = 5;
const TWICE_EVERY = 10;
/** About the size of a one-page PDF CV. */
const CV_BYTES = 64 * 1024;
const LEVER_LIMIT = { ratePerSecond: 10, burst: 20 };
/** The Contact Event Trigger's webhook path (its description), under `/webhook/<webhookId>/`. */
const CONTACT_EVENTS_PATH = 'contact-events';
const TRIGGER = 'Contact Event';
const FINISHED = ['success', 'error', 'crashed', 'canceled'];
const UNFINISHED = ['new', 'running', 'waiting'];
/** No execution finishing and no request to the ATS for this long: the run is stuck, report what it left. */
const NO_PROGRESS_MS = 3 * 60_000;

type ContactEvent = ReturnType<typeof contactEvent> & {
	eventId: string;
	contact: { email: string };
	cvUrl?: string;
};

/** The ATS side of one run: a simulator enforcing the vendor's limits, and what it holds per contact email. */
interface AtsSide {
	requests: LoggedEntry[];
	/** Records per lower-cased email, and the files (CVs) attached to them (Lever: active opportunities). */
	records(): Map<string, { records: number; files: number }>;
	/** Records the nodes took out again after a race: Lever opportunities archived as "Duplicate", deleted SmartRecruiters candidates. */
	repaired(): number;
	contractViolations(): number;
	close(): Promise<void>;
}

interface AtsTarget {
	ats: 'Lever' | 'SmartRecruiters';
	scenario: string;
	workflowId: string;
	prefix: string;
	start(port: number): Promise<AtsSide>;
	allowance(entries: LoggedEntry[], contacts: number): { share: number; note: string };
}

const perEmail = (views: Array<{ emails: string[]; files: number }>) => {
	const byEmail = new Map<string, { records: number; files: number }>();
	for (const view of views) {
		for (const email of new Set(view.emails.map((known) => known.toLowerCase()))) {
			const entry = byEmail.get(email) ?? { records: 0, files: 0 };
			byEmail.set(email, { records: entry.records + 1, files: entry.files + view.files });
		}
	}
	return byEmail;
};

/** A started simulator as the proof reads it: its request log timed, its records per email. */
function sideOf(
	sim: { requests: unknown[]; close(): Promise<void> },
	records: AtsSide['records'],
	repaired: () => number,
	contractViolations: () => number,
): AtsSide {
	timestampRequests(sim);
	return {
		requests: sim.requests as LoggedEntry[],
		records,
		repaired,
		contractViolations,
		close: () => sim.close(),
	};
}

const TARGETS: AtsTarget[] = [
	{
		ats: 'Lever',
		scenario: 'push-on-interested (Lever)',
		workflowId: 'atsSyncScaleLever',
		prefix: 'lever',
		async start(port) {
			const sim = await startLeverSimulator({ port, rateLimit: LEVER_LIMIT });
			// A Lever "record" is an active opportunity: one contact with two is the duplicate Lever's create makes. Lever's API
			// deletes none, so the nodes archive the younger of two created at once, with the reason "Duplicate".
			const views = () => leverView(sim);
			return sideOf(
				sim,
				() =>
					perEmail(
						views()
							.filter((view) => view.archivedReason === null)
							.map((view) => ({ emails: view.emails, files: view.files.length })),
					),
				() =>
					views().filter((view) => view.archivedReason === sim.seed.archiveReasons.duplicate)
						.length,
				() => 0,
			);
		},
		allowance(entries) {
			const { share, used, allowed, seconds } = bucketShare(entries, LEVER_LIMIT);
			return {
				share,
				note: `${used} requests answered in ${round(seconds, 1)} s = ${round(used / seconds, 2)}/s; Lever's bucket allows ${LEVER_LIMIT.burst} + ${LEVER_LIMIT.ratePerSecond}/s × ${round(seconds, 1)} s = ${round(allowed)}`,
			};
		},
	},
	{
		ats: 'SmartRecruiters',
		scenario: 'push-on-interested (SmartRecruiters)',
		workflowId: 'atsSyncScaleSr',
		prefix: 'sr',
		async start(port) {
			const sim = await startSmartRecruitersSimulator({ port, rateLimit: DEFAULT_RATE_LIMIT });
			const attachments = (view: ReturnType<typeof srView>[number]) =>
				view.applications.reduce((sum, application) => sum + application.attachments.length, 0);
			return sideOf(
				sim,
				() =>
					perEmail(srView(sim).map((view) => ({ emails: [view.email], files: attachments(view) }))),
				() =>
					sim.requests.filter(
						(request) =>
							request.method === 'DELETE' &&
							/^\/candidates\/[^/]+$/.test(request.path) &&
							request.status === 204,
					).length,
				() => sim.contractViolations.length,
			);
		},
		allowance(entries, contacts) {
			// The endpoints the recipe calls at least once per two contacts. The email search runs twice per new candidate
			// (the look-up, and the check after the create), so its 10/s paces the recipe: its share is the figure.
			const { share, rates, busiest } = endpointShares(
				entries,
				contacts / 2,
				DEFAULT_RATE_LIMIT.ratePerSecond,
			);
			const perEndpoint = rates
				.map(
					(rate) =>
						`${rate.endpoint} ${round(rate.calls / rate.seconds, 2)}/s (${round(rate.calls / rate.allowed, 3)})`,
				)
				.join(', ');
			return {
				share: busiest?.share ?? share,
				note: `the busiest endpoint, ${busiest?.endpoint}, paces the recipe; request-weighted over all: ${round(share, 3)}. ${perEndpoint}`,
			};
		},
	},
];

export interface Failure {
	email?: string;
	node: string;
	message: string;
}

export interface AtsResult {
	ats: AtsTarget['ats'];
	contacts: number;
	deliveries: number;
	/** Deliveries n8n acknowledged as accepted events (200, `accepted: 1`). */
	accepted: number;
	contactsWithCv: number;
	contactsInAts: number;
	duplicates: number;
	/** Of the duplicates, contacts that were delivered only once (not one of the pairs sent at the same moment). */
	duplicatesSentOnce: number;
	/** Records created twice at once and repaired by the nodes' check after the create. */
	duplicatesRepaired: number;
	lost: number;
	lostExamples: string[];
	failedExecutions: number;
	failedItems: number;
	failureExamples: Failure[];
	cvsMissing: number;
	executionsByStatus: Record<string, number>;
	/** Executions whose trigger passed on no event (it had been processed already): none are expected. */
	executionsWithoutEvent: number;
	/** Deliveries the sender had to repeat (no answer, 429 or 5xx from n8n). */
	deliveriesRetried: number;
	/** Executions each worker started (its log), to show both were busy. */
	executionsPerWorker: number[];
	requests: number;
	rateLimited: number;
	rateLimitedShare: number;
	allowanceShare: number;
	allowanceNote: string;
	contractViolations: number;
	/** Until main answered every delivery (the workers stopped meanwhile). */
	deliverySeconds: number;
	/** Starting both workers (`n8n worker` until ready). */
	workerStartSeconds: number;
	/** Workers ready until every execution finished. */
	drainSeconds: number;
	/** First delivery until every execution finished. */
	wallSeconds: number;
	settled: boolean;
	loadAverage1m: { before: number; after: number };
}

export interface QueueModeResults {
	n8n: string;
	postgres: string;
	/** n8n's own word on that PostgreSQL version, if any. */
	postgresWarning?: string;
	redis: string;
	options: QueueModeOptions;
	startSeconds: number;
	seconds: number;
	runs: AtsResult[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line: string) => process.stderr.write(`queue mode: ${line}\n`);

/** Runs `work` over `items`, `limit` at a time, in order of the results. */
async function mapLimit<T, R>(
	items: T[],
	limit: number,
	work: (item: T) => Promise<R>,
): Promise<R[]> {
	const results: R[] = new Array(items.length);
	let next = 0;
	const lane = async () => {
		while (next < items.length) {
			const index = next++;
			results[index] = await work(items[index]);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
	return results;
}

/** The deliveries, in groups sent at the same moment (a contact's second event goes with its first), and the CVs. */
function plan(count: number, prefix: string, filesBaseUrl: string) {
	const groups: ContactEvent[][] = [];
	const files: Record<string, { type: string; body: string }> = {};
	for (let index = 0; index < count; index++) {
		const contact = {
			email: `${prefix}.contact${index}@example.net`,
			firstName: 'Queue',
			lastName: `Contact ${index}`,
			location: 'Berlin',
			links: [`https://www.linkedin.com/in/${prefix}-contact-${index}`],
		};
		const extra: Record<string, string> = { message: 'Happy to talk' };
		if (index % CV_EVERY === 0) {
			const file = `/cv/${prefix}-contact-${index}.pdf`;
			const line = `CV of Queue Contact ${index}, ${contact.email}\n`;
			files[file] = {
				type: 'application/pdf',
				body: `%PDF-1.4\n${line.repeat(Math.ceil(CV_BYTES / line.length))}`,
			};
			extra.cvUrl = `${filesBaseUrl}${file}`;
		}
		const group = [
			contactEvent(
				`${prefix}-${index}-interested`,
				'contact.interested',
				BACKEND_CAMPAIGN,
				contact,
				extra,
			) as ContactEvent,
		];
		if (index % TWICE_EVERY === 1)
			group.push(
				contactEvent(`${prefix}-${index}-replied`, 'contact.replied', BACKEND_CAMPAIGN, contact, {
					message: 'Replied too',
				}) as ContactEvent,
			);
		groups.push(group);
	}
	return { groups, files };
}

interface Delivery {
	eventId: string;
	email: string;
	cv: boolean;
	status: number;
	accepted: boolean;
	attempts: number;
}

/** A sender's retries of a delivery n8n did not acknowledge (no answer, 429 or 5xx), as outreach tools retry. */
const RETRY_DELAYS_MS = [1000, 2000, 4000, 8000, 16_000];

async function deliverOne(url: string, event: ContactEvent): Promise<Delivery> {
	for (let attempt = 1; ; attempt++) {
		const answer = await postSigned(url, OUTREACH_SIGNING_SECRET, event).catch((error: Error) => ({
			status: 0,
			body: error.message,
		}));
		const retry = answer.status === 0 || answer.status === 429 || answer.status >= 500;
		if (!retry || attempt > RETRY_DELAYS_MS.length) {
			const accepted =
				answer.status === 200 && (answer.body as { accepted?: number } | undefined)?.accepted === 1;
			return {
				eventId: event.eventId,
				email: event.contact.email.toLowerCase(),
				cv: Boolean(event.cvUrl),
				status: answer.status,
				accepted,
				attempts: attempt,
			};
		}
		await sleep(RETRY_DELAYS_MS[attempt - 1]);
	}
}

/** POSTs each group's events at once, `inFlight` groups at a time, signed as the outreach tool signs them. */
async function deliver(
	url: string,
	groups: ContactEvent[][],
	inFlight: number,
): Promise<Delivery[]> {
	return (
		await mapLimit(groups, inFlight, (group) =>
			Promise.all(group.map((event) => deliverOne(url, event))),
		)
	).flat();
}

/**
 * `read()` again after 2, 4, 8 s when main fails to answer: under load n8n's main answers 503 "Database is not ready!"
 * while its database ping is late, which says nothing about the executions.
 */
async function patiently<T>(read: () => Promise<T>): Promise<T> {
	for (const delayMs of [2000, 4000, 8000]) {
		try {
			return await read();
		} catch {
			await sleep(delayMs);
		}
	}
	return await read();
}

/** Waits until n8n finished an execution per accepted delivery; false when nothing moved for NO_PROGRESS_MS. */
async function settle(
	main: N8nInstance,
	workflowId: string,
	expected: number,
	activity: () => number,
	ats: string,
): Promise<boolean> {
	let last = '';
	let quietSince = Date.now();
	let reportedAt = 0;
	for (;;) {
		const finished = await patiently(() => main.countExecutions(workflowId, FINISHED));
		const unfinished = await patiently(() => main.countExecutions(workflowId, UNFINISHED));
		if (finished >= expected && unfinished === 0) return true;
		const progress = `${finished} ${unfinished} ${activity()}`;
		if (progress !== last) {
			last = progress;
			quietSince = Date.now();
		} else if (Date.now() - quietSince > NO_PROGRESS_MS) {
			return false;
		}
		if (Date.now() - reportedAt > 30_000) {
			reportedAt = Date.now();
			log(
				`${ats}: ${finished} of ${expected} executions finished, ${unfinished} queued or running, ${activity()} requests to the ATS`,
			);
		}
		await sleep(2000);
	}
}

interface ExecutionOutcome {
	status: string;
	eventIds: string[];
	failures: Failure[];
}

/** What one execution started with (the trigger's events) and what failed in it, as n8n saved it. */
function outcomeOf(
	execution: { id: string; status: string },
	data: IRunExecutionData | undefined,
	workflow: Workflow,
): ExecutionOutcome {
	const runData = data?.resultData.runData ?? {};
	const started = (runData[TRIGGER]?.[0]?.data?.main?.[0] ?? []).map(
		(item) => item.json as { eventId?: string; contact?: { email?: string } },
	);
	const email = started[0]?.contact?.email?.toLowerCase();
	const failures: Failure[] = [];
	for (const [nodeName, tasks] of Object.entries(runData)) {
		const node = workflow.nodes.find((candidate) => candidate.name === nodeName) as
			| { onError?: string; type?: string }
			| undefined;
		const onError = node?.onError;
		// Report Failures fails the execution with the items counted below: its own error is not one more failure.
		const restatesFailures = node?.type?.endsWith('.reportFailures') === true;
		for (const task of tasks) {
			if (task.error && !restatesFailures)
				failures.push({ email, node: nodeName, message: task.error.message });
			const outputs = task.data?.main ?? [];
			// "Continue (using error output)": the last output holds the items that failed.
			const errorOutput =
				onError === 'continueErrorOutput' && outputs.length > 1 ? outputs.length - 1 : -1;
			outputs.forEach((items: INodeExecutionData[] | null, output: number) => {
				for (const item of items ?? []) {
					if (output !== errorOutput && !item.error) continue;
					failures.push({
						email,
						node: nodeName,
						message: String(item.error?.message ?? item.json?.error ?? 'failed'),
					});
				}
			});
		}
	}
	const runError = data?.resultData.error;
	if (runError && failures.length === 0)
		failures.push({
			email,
			node: data?.resultData.lastNodeExecuted ?? 'workflow',
			message: runError.message,
		});
	return {
		status: execution.status,
		eventIds: started.map((event) => String(event.eventId)),
		failures,
	};
}

async function activate(main: N8nInstance, workflowId: string, url: string) {
	await main.activate(workflowId);
	const deadline = Date.now() + 2 * 60_000;
	while (
		!((await main.publicationStatus(workflowId)) === 'published' && (await main.webhookLive(url)))
	) {
		if (Date.now() > deadline)
			throw new Error(`n8n did not publish ${workflowId} within 2 minutes`);
		await sleep(250);
	}
}

const webhookUrl = (main: N8nInstance, workflow: Workflow) => {
	const trigger = workflow.nodes.find((node) => node.name === TRIGGER);
	if (!trigger?.webhookId) throw new Error(`${String(workflow.name)} has no "${TRIGGER}" webhook`);
	return main.webhookUrl(trigger.webhookId, CONTACT_EVENTS_PATH);
};

const startedExecutions = (workerLog: string) =>
	(workerLog.match(/Worker started execution/g) ?? []).length;

/** One ATS: fresh simulator and file host, the workflow activated, every contact delivered, every execution read. */
async function runAts(
	cluster: QueueModeCluster,
	target: AtsTarget,
	workflow: Workflow,
	ports: Ports,
	options: QueueModeOptions,
): Promise<AtsResult> {
	const { main, workers } = cluster;
	const loadBefore = os.loadavg()[0];
	const side = await target.start(target.ats === 'Lever' ? ports.lever : ports.smartRecruiters);
	const filesBaseUrl = `http://127.0.0.1:${ports.files}`;
	const { groups, files } = plan(options.contacts, target.prefix, filesBaseUrl);
	const fileServer = await startFileServer(files, ports.files);
	try {
		const url = webhookUrl(main, workflow);
		await activate(main, target.workflowId, url);
		const workerLogsBefore = workers.map((worker) => startedExecutions(worker.log()));
		log(
			`${target.ats}: delivering ${groups.flat().length} events for ${options.contacts} contacts to ${url} (workers stopped)`,
		);
		const started = Date.now();
		const deliveries = await deliver(url, groups, options.deliveriesInFlight);
		const deliverySeconds = (Date.now() - started) / 1000;
		const accepted = deliveries.filter((delivery) => delivery.accepted);
		log(
			`${target.ats}: ${accepted.length} deliveries acknowledged in ${round(deliverySeconds, 1)} s; starting ${workers.length} workers`,
		);
		const workersStarting = Date.now();
		await cluster.startWorkers();
		const workersReady = Date.now();
		const settled = await settle(
			main,
			target.workflowId,
			accepted.length,
			() => side.requests.length,
			target.ats,
		);
		const finished = Date.now();
		await cluster.stopWorkers();
		await main.deactivate(target.workflowId);

		const executions = cluster.postgres
			.query(
				`SELECT id, status FROM execution_entity WHERE "workflowId" = '${target.workflowId}' ORDER BY id`,
			)
			.map(([id, status]) => ({ id, status }));
		const outcomes = await mapLimit(executions, 4, async (execution) =>
			outcomeOf(
				execution,
				FINISHED.includes(execution.status)
					? await patiently(() => main.executionData(execution.id))
					: undefined,
				workflow,
			),
		);
		const byEvent = new Map<string, ExecutionOutcome>();
		for (const outcome of outcomes)
			for (const eventId of outcome.eventIds) byEvent.set(eventId, outcome);
		const records = side.records();
		const lostExamples: string[] = [];
		let cvsMissing = 0;
		for (const delivery of accepted) {
			const outcome = byEvent.get(delivery.eventId);
			const failedVisibly =
				outcome !== undefined && (outcome.status !== 'success' || outcome.failures.length > 0);
			if (failedVisibly) continue;
			const record = records.has(delivery.email) ? 'a record exists' : 'no record';
			if (!outcome)
				lostExamples.push(
					`${delivery.eventId} (${delivery.email}): acknowledged, no execution ran it, ${record}`,
				);
			else if (!records.has(delivery.email))
				lostExamples.push(
					`${delivery.eventId} (${delivery.email}): execution ${outcome.status}, no failed item, no record`,
				);
			else if (delivery.cv && records.get(delivery.email)!.files === 0) cvsMissing++;
		}
		const emails = [...new Set(deliveries.map((delivery) => delivery.email))];
		const duplicated = emails.filter((email) => (records.get(email)?.records ?? 0) > 1);
		const sentOnce = (email: string) =>
			deliveries.filter((delivery) => delivery.email === email).length === 1;
		const failures = outcomes.flatMap((outcome) => outcome.failures);
		const entries = side.requests;
		const rateLimited = entries.filter((entry) => entry.status === 429).length;
		const allowance = target.allowance(entries, options.contacts);
		const executionsByStatus: Record<string, number> = {};
		for (const execution of executions)
			executionsByStatus[execution.status] = (executionsByStatus[execution.status] ?? 0) + 1;
		return {
			ats: target.ats,
			contacts: options.contacts,
			deliveries: deliveries.length,
			accepted: accepted.length,
			contactsWithCv: new Set(
				deliveries.filter((delivery) => delivery.cv).map((delivery) => delivery.email),
			).size,
			contactsInAts: emails.filter((email) => records.has(email)).length,
			duplicates: duplicated.length,
			duplicatesSentOnce: duplicated.filter(sentOnce).length,
			duplicatesRepaired: side.repaired(),
			lost: lostExamples.length,
			lostExamples: lostExamples.slice(0, 5),
			failedExecutions: executions.filter((execution) => execution.status !== 'success').length,
			failedItems: failures.length,
			failureExamples: failures.slice(0, 5),
			cvsMissing,
			executionsByStatus,
			executionsWithoutEvent: outcomes.filter((outcome) => outcome.eventIds.length === 0).length,
			deliveriesRetried: deliveries.filter((delivery) => delivery.attempts > 1).length,
			executionsPerWorker: workers.map(
				(worker, index) => startedExecutions(worker.log()) - workerLogsBefore[index],
			),
			requests: entries.length,
			rateLimited,
			rateLimitedShare: entries.length > 0 ? rateLimited / entries.length : 0,
			allowanceShare: allowance.share,
			allowanceNote: allowance.note,
			contractViolations: side.contractViolations(),
			deliverySeconds,
			workerStartSeconds: (workersReady - workersStarting) / 1000,
			drainSeconds: (finished - workersReady) / 1000,
			wallSeconds: (finished - started) / 1000,
			settled,
			loadAverage1m: { before: round(loadBefore), after: round(os.loadavg()[0]) },
		};
	} finally {
		await fileServer.close();
		await side.close();
	}
}

function withRateLimitShare(
	credentials: ReturnType<typeof credentialsFor>,
	share: number,
): ReturnType<typeof credentialsFor> {
	const shared = (name: string) => ({
		...credentials[name],
		data: { ...credentials[name].data, rateLimitShare: share },
	});
	return {
		...credentials,
		'Lever account': shared('Lever account'),
		'SmartRecruiters account': shared('SmartRecruiters account'),
	};
}

/** Starts the services and main, runs Lever then SmartRecruiters, stops everything it started (also when a step fails). */
export async function proveQueueMode(
	options: QueueModeOptions = DEFAULT_OPTIONS,
): Promise<QueueModeResults> {
	await ensureBuilt();
	const started = Date.now();
	const ports: Ports = {
		lever: await freePort(),
		smartRecruiters: await freePort(),
		onboarding: await freePort(),
		files: await freePort(),
		receiver: await freePort(),
	};
	log(`starting Redis, PostgreSQL and n8n main (${options.workers} workers prepared)`);
	const cluster = await QueueModeCluster.create({
		workers: options.workers,
		concurrency: options.concurrency,
	});
	try {
		const workflows = TARGETS.map((target) => ({
			...scenarios.find((scenario) => scenario.name === target.scenario)!.workflow(ports),
			id: target.workflowId,
		}));
		// Two workers share each ATS credential: each takes its part of the vendor's limits (the credential's setting).
		const credentials = withRateLimitShare(credentialsFor(ports), 1 / options.workers);
		cluster.main.importCredentials(
			credentialNamesIn(workflows).map((name) => ({ name, ...credentials[name] })),
		);
		cluster.main.importWorkflows(workflows);
		// The workers start per ATS, once its burst is queued (runAts).
		await cluster.main.start();
		const startSeconds = (Date.now() - started) / 1000;
		log(
			`main ready in ${round(startSeconds, 1)} s (${cluster.postgres.version}, ${cluster.redis.version})`,
		);
		const runs: AtsResult[] = [];
		for (const [index, target] of TARGETS.entries()) {
			try {
				runs.push(await runAts(cluster, target, workflows[index], ports, options));
			} catch (error) {
				throw new Error(`${target.ats}: ${(error as Error).message}\n${cluster.logTail()}`);
			}
			log(`${target.ats}: done in ${round(runs[runs.length - 1].wallSeconds, 1)} s`);
		}
		return {
			n8n: cluster.main.installation.version,
			postgres: cluster.postgres.version,
			postgresWarning: cluster.postgresWarning(),
			redis: cluster.redis.version,
			options,
			startSeconds,
			seconds: (Date.now() - started) / 1000,
			runs,
		};
	} finally {
		await cluster.stop();
	}
}

export interface Criterion {
	name: string;
	figure: number;
	unit: string;
	target: Target;
	note?: string;
}

/** The issue's pass criteria for one ATS (none loosened), with the figures they judge. */
export function criteria(run: AtsResult): Criterion[] {
	return [
		{
			name: 'share of the allowance used',
			figure: round(run.allowanceShare, 3),
			unit: 'ratio',
			target: targets.atLeast(0.9),
			note: run.allowanceNote,
		},
		{
			name: '429 responses ÷ requests',
			figure: round(run.rateLimitedShare, 4),
			unit: 'ratio',
			target: targets.below(0.01),
			note: `${run.rateLimited} of ${run.requests} requests`,
		},
		{
			name: 'failed items',
			figure: run.failedItems,
			unit: 'count',
			target: targets.exactly(0),
			note: run.failureExamples
				.map((failure) => `${failure.email} at "${failure.node}": ${failure.message}`)
				.join('; '),
		},
		{
			name: 'failed executions',
			figure: run.failedExecutions,
			unit: 'count',
			target: targets.exactly(0),
			note: JSON.stringify(run.executionsByStatus),
		},
		{
			name: 'duplicates (contacts with two records)',
			figure: run.duplicates,
			unit: 'count',
			target: targets.exactly(0),
			note: `${run.duplicatesSentOnce} of them delivered once, the rest among the contacts sent twice at the same moment`,
		},
		{
			name: 'lost events',
			figure: run.lost,
			unit: 'count',
			target: targets.exactly(0),
			note: run.lostExamples.join('; '),
		},
		{
			name: 'contacts in the ATS',
			figure: run.contactsInAts,
			unit: `of ${run.contacts}`,
			target: targets.exactly(run.contacts),
		},
		{
			name: 'CVs missing (no failure shown)',
			figure: run.cvsMissing,
			unit: `of ${run.contactsWithCv}`,
			target: targets.exactly(0),
		},
	];
}

/** Figures without a target: how the run went. */
export function observations(
	run: AtsResult,
): Array<{ name: string; figure: number | string; unit: string; note?: string }> {
	return [
		{
			name: 'requests (429s included)',
			figure: run.requests,
			unit: 'count',
			note: `${round(run.requests / run.contacts, 2)} per contact`,
		},
		{ name: '429 responses', figure: run.rateLimited, unit: 'count' },
		{
			name: 'duplicates repaired',
			figure: run.duplicatesRepaired,
			unit: 'count',
			note:
				run.ats === 'Lever'
					? 'opportunities created at once by two executions, the younger archived as "Duplicate"'
					: 'candidates created at once by two executions, the younger deleted',
		},
		{
			name: 'deliveries acknowledged',
			figure: run.accepted,
			unit: `of ${run.deliveries}`,
			note: `by main in ${round(run.deliverySeconds, 1)} s (${round(run.accepted / run.deliverySeconds, 1)}/s), workers stopped; ${run.deliveriesRetried} needed a sender's retry`,
		},
		{
			name: 'executions that ran no event',
			figure: run.executionsWithoutEvent,
			unit: 'count',
			note: 'the trigger had the event as processed already',
		},
		{
			name: 'executions per worker',
			figure: run.executionsPerWorker.join(' / '),
			unit: '',
			note: "from the workers' logs",
		},
		{
			name: 'queue drained in',
			figure: round(run.drainSeconds, 1),
			unit: 's',
			note: `workers ready (after ${round(run.workerStartSeconds, 1)} s) to last execution finished${run.settled ? '' : ' (stopped: no progress for 3 minutes)'}`,
		},
		{
			name: 'wall time',
			figure: round(run.wallSeconds, 1),
			unit: 's',
			note: `first delivery to last execution finished; load average ${run.loadAverage1m.before} → ${run.loadAverage1m.after}`,
		},
		{
			name: 'OpenAPI contract violations',
			figure: run.ats === 'SmartRecruiters' ? run.contractViolations : 'n/a',
			unit: '',
			note: "the SmartRecruiters simulator checks every exchange against the vendor's OpenAPI description",
		},
	];
}

/** A markdown table: one row per measure, one column per ATS. */
export function table(results: QueueModeResults): string {
	const header = `| Measure | ${results.runs.map((run) => run.ats).join(' | ')} | Target |`;
	const rows = [header, `|---|${results.runs.map(() => '---|').join('')}---|`];
	const judged = results.runs.map(criteria);
	judged[0]?.forEach((criterion, index) => {
		const cells = judged.map(
			(list) =>
				`${list[index].figure}${list[index].unit === 'count' || list[index].unit === 'ratio' ? '' : ` ${list[index].unit}`}${list[index].target.pass(list[index].figure) ? '' : ' **MISS**'}`,
		);
		rows.push(`| ${criterion.name} | ${cells.join(' | ')} | ${criterion.target.text} |`);
	});
	const observed = results.runs.map(observations);
	observed[0]?.forEach((observation, index) => {
		rows.push(
			`| ${observation.name} | ${observed.map((list) => `${list[index].figure} ${list[index].unit}`.trim()).join(' | ')} | |`,
		);
	});
	return rows.join('\n');
}
