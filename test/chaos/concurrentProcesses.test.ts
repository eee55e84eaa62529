/**
 * Two processes, one ATS account (issues 13.3 and 17.3): two `ats-sync run` processes start at the same moment on
 * push-on-interested with the same new contacts, each with its own --state file, as two cron jobs or two hosts'
 * replicas would. Both look each contact up, find nothing and create it — the simulators let both creates succeed,
 * as the vendors do (Lever creates an opportunity per POST, SmartRecruiters a candidate). The check after the create
 * must leave one record per contact: the older one, the younger archived as a duplicate (Lever) or deleted
 * (SmartRecruiters) by the process that created it, and both runs exit 0 with no failed item.
 * TRIALS=<n> (default 20 per ATS) trials, each with a fresh simulator at the vendor's real limits and the credential's
 * Share of Rate Limit at 0.5 (two processes).
 */
import { LEVER_SEED, startLeverSimulator } from '../simulators/lever';
import { SMARTRECRUITERS_SEED, startSmartRecruitersSimulator } from '../simulators/smartrecruiters';
import { ensureBuilt, recipeFile, tempDir, writeJson, writeNdjson } from '../recipes/helpers';
import { leverView } from '../recipes/leverState';
import { srView } from '../recipes/srState';
import { runCli } from '../runner/cli';
import { inPool, printFigures } from './runner';

const TRIALS = Number(process.env.TRIALS ?? 20);
const CONTACTS = 4;
/** Trials side by side: each is two runner processes, mostly waiting on their pacing. */
const PARALLEL = 3;
const SIGNING_SECRET = 'outreach-signing-secret-for-concurrency';

interface RunResult {
	code: number | null;
	failedItems: unknown[];
	stderr: string;
}

/** The same new contacts for both processes, interested on the Backend campaign (a mapped job). */
function contactEvents(trial: number, process: string) {
	return Array.from({ length: CONTACTS }, (_, i) => ({
		eventId: `${process}-${trial}-${i}`,
		type: 'contact.interested',
		occurredAt: new Date(Date.UTC(2026, 10, 20, 9, i)).toISOString(),
		campaign: { id: 'sw-backend-berlin', name: 'Backend Berlin Q4' },
		outreachType: 'email',
		contact: {
			email: `twice.person${i}@example.net`,
			firstName: 'Twice',
			lastName: `Person${i}`,
			headline: 'Engineer',
			location: 'Berlin',
		},
		message: `Happy to talk (${process})`,
	}));
}

async function runBoth(
	recipe: string,
	credentials: string,
	dir: string,
	trial: number,
): Promise<RunResult[]> {
	const run = async (name: string): Promise<RunResult> => {
		const input = writeNdjson(dir, `${name}.ndjson`, contactEvents(trial, name));
		const result = await runCli([
			'run',
			recipeFile(recipe),
			'--json',
			'--input',
			input,
			'--credentials',
			credentials,
			'--state',
			`${dir}/${name}.state.json`,
		]);
		const summary = result.stdout.split('\n').find((line) => line.startsWith('{"event":"summary"'));
		return {
			code: result.code,
			failedItems: summary
				? ((JSON.parse(summary) as { failedItems: unknown[] }).failedItems ?? [])
				: ['no summary'],
			stderr: result.stderr,
		};
	};
	return await Promise.all([run('a'), run('b')]);
}

const emails = Array.from({ length: CONTACTS }, (_, i) => `twice.person${i}@example.net`);

describe(`two ats-sync processes on one ATS account, the same ${CONTACTS} new contacts at once (${TRIALS} trials per ATS)`, () => {
	beforeAll(async () => await ensureBuilt());

	it.concurrent(
		'Lever: one active opportunity per contact, the younger archived as "Duplicate"; both runs exit 0',
		async () => {
			const trials = await inPool(
				PARALLEL,
				Array.from({ length: TRIALS }, (_, trial) => async () => {
					const sim = await startLeverSimulator();
					try {
						const dir = tempDir(`concurrent-lever-${trial}-`);
						const credentials = writeJson(dir, 'credentials.json', {
							'Lever account': {
								type: 'leverApi',
								data: {
									apiKey: sim.apiKey,
									environment: 'custom',
									customUrl: sim.baseUrl,
									defaultPerformAs: LEVER_SEED.users.recruiter,
									rateLimitShare: 0.5,
								},
							},
							'Outreach webhook': {
								type: 'contactEventWebhookApi',
								data: { signingSecret: SIGNING_SECRET },
							},
						});
						const runs = await runBoth('push-on-interested.lever.json', credentials, dir, trial);
						const views = leverView(sim);
						const of = (email: string) => views.filter((view) => view.emails.includes(email));
						return {
							runs,
							active: emails.map(
								(email) => of(email).filter((view) => view.archivedReason === null).length,
							),
							archivedAsDuplicate: emails.reduce(
								(sum, email) =>
									sum +
									of(email).filter(
										(view) => view.archivedReason === LEVER_SEED.archiveReasons.duplicate,
									).length,
								0,
							),
							otherArchived: emails.reduce(
								(sum, email) =>
									sum +
									of(email).filter(
										(view) =>
											view.archivedReason !== null &&
											view.archivedReason !== LEVER_SEED.archiveReasons.duplicate,
									).length,
								0,
							),
							notesOnArchived: emails.reduce(
								(sum, email) =>
									sum +
									of(email)
										.filter((view) => view.archivedReason !== null)
										.reduce((notes, view) => notes + view.notes.length, 0),
								0,
							),
							answered429: sim.rateLimited,
						};
					} finally {
						await sim.close();
					}
				}),
			);
			printFigures('two processes, Lever', {
				trials: trials.length,
				contactsPerTrial: CONTACTS,
				duplicatesLeft: trials.reduce(
					(sum, trial) => sum + trial.active.filter((count) => count > 1).length,
					0,
				),
				trialsWithARace: trials.filter((trial) => trial.archivedAsDuplicate > 0).length,
				archivedAsDuplicate: trials.reduce((sum, trial) => sum + trial.archivedAsDuplicate, 0),
				answered429: trials.reduce((sum, trial) => sum + trial.answered429, 0),
			});
			trials.forEach((trial, index) => {
				expect({
					trial: index,
					codes: trial.runs.map((run) => run.code),
					failed: trial.runs.flatMap((run) => run.failedItems),
				}).toEqual({ trial: index, codes: [0, 0], failed: [] });
				expect({
					trial: index,
					active: trial.active,
					otherArchived: trial.otherArchived,
					notesOnArchived: trial.notesOnArchived,
				}).toEqual({
					trial: index,
					active: emails.map(() => 1),
					otherArchived: 0,
					notesOnArchived: 0,
				});
			});
		},
	);

	it.concurrent(
		'SmartRecruiters: one candidate per contact, the younger deleted; both runs exit 0',
		async () => {
			const trials = await inPool(
				PARALLEL,
				Array.from({ length: TRIALS }, (_, trial) => async () => {
					const sim = await startSmartRecruitersSimulator();
					try {
						const dir = tempDir(`concurrent-sr-${trial}-`);
						const credentials = writeJson(dir, 'credentials.json', {
							'SmartRecruiters account': {
								type: 'smartRecruitersApi',
								data: {
									apiKey: SMARTRECRUITERS_SEED.apiKey,
									environment: 'custom',
									customUrl: sim.baseUrl,
									rateLimitShare: 0.5,
								},
							},
							'Outreach webhook': {
								type: 'contactEventWebhookApi',
								data: { signingSecret: SIGNING_SECRET },
							},
						});
						const runs = await runBoth(
							'push-on-interested.smartrecruiters.json',
							credentials,
							dir,
							trial,
						);
						const views = srView(sim);
						return {
							runs,
							candidates: emails.map(
								(email) => views.filter((view) => view.email.toLowerCase() === email).length,
							),
							deleted: sim.requests.filter(
								(request) =>
									request.method === 'DELETE' &&
									/^\/candidates\/[^/]+$/.test(request.path) &&
									request.status === 204,
							).length,
							answered429: sim.rateLimited,
							contractViolations: sim.contractViolations.length,
						};
					} finally {
						await sim.close();
					}
				}),
			);
			printFigures('two processes, SmartRecruiters', {
				trials: trials.length,
				contactsPerTrial: CONTACTS,
				duplicatesLeft: trials.reduce(
					(sum, trial) => sum + trial.candidates.filter((count) => count > 1).length,
					0,
				),
				trialsWithARace: trials.filter((trial) => trial.deleted > 0).length,
				deletedAsDuplicate: trials.reduce((sum, trial) => sum + trial.deleted, 0),
				answered429: trials.reduce((sum, trial) => sum + trial.answered429, 0),
			});
			trials.forEach((trial, index) => {
				expect({
					trial: index,
					codes: trial.runs.map((run) => run.code),
					failed: trial.runs.flatMap((run) => run.failedItems),
				}).toEqual({ trial: index, codes: [0, 0], failed: [] });
				expect({
					trial: index,
					candidates: trial.candidates,
					contractViolations: trial.contractViolations,
				}).toEqual({
					trial: index,
					candidates: emails.map(() => 1),
					contractViolations: 0,
				});
			});
		},
	);
});
