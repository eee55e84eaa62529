/**
 * A backlog larger than "Max Records per Poll", drained by `ats-sync run` from cron in saved batches (issue 17.4),
 * with the run SIGKILLed at seeded points mid-batch. After one rerun every hire has reached onboarding exactly once
 * with one note, and the trigger handed each hire to the workflow once — twice only for the hires of the batch the
 * kill interrupted (that batch was not saved, so the rerun starts it again): no saved batch is repeated and none is
 * skipped. CHAOS_SEED=<n> replays other kill points.
 */
import { readFileSync } from 'node:fs';

import { LEVER_SEED, startLeverSimulator } from '../simulators/lever';
import { startOnboardingSimulator } from '../simulators/onboarding';
import { ensureBuilt, recipeFile, tempDir, writeJson } from '../recipes/helpers';
import { leverView } from '../recipes/leverState';
import { seededRandom } from '../seededRandom';
import { KillSwitch, killPoints, startCountingProxy } from './killSwitch';
import { hireMaker, type Hire } from './leverHires';
import { inPool, printFigures, runKillable, stateFileProblem } from './runner';

const SEED = Number(process.env.CHAOS_SEED ?? 8);
const HIRES = 32;
const MAX_RECORDS_PER_POLL = 8;
const KILLS = Number(process.env.CHAOS_BACKLOG_KILLS ?? 6);
const ONBOARDING_TOKEN = 'Bearer onboarding-token-for-backlog-chaos';

/** Lever and onboarding behind counting proxies on one kill switch, the capped hire recipe, and `HIRES` hires waiting. */
async function backlogTrial(label: string) {
	const sim = await startLeverSimulator({ rateLimit: false });
	const onboarding = await startOnboardingSimulator({
		auth: { header: 'authorization', value: ONBOARDING_TOKEN },
	});
	const killSwitch = new KillSwitch();
	const leverProxy = await startCountingProxy(sim.baseUrl, killSwitch);
	const onboardingProxy = await startCountingProxy(onboarding.baseUrl, killSwitch);
	const dir = tempDir(`chaos-backlog-${label}-`);
	const credentials = writeJson(dir, 'credentials.json', {
		'Lever account': {
			type: 'leverApi',
			data: {
				apiKey: sim.apiKey,
				environment: 'custom',
				customUrl: leverProxy.url,
				defaultPerformAs: LEVER_SEED.users.recruiter,
			},
		},
		'Onboarding API': {
			type: 'onboardingApi',
			data: { authType: 'header', headerName: 'Authorization', headerValue: ONBOARDING_TOKEN },
		},
	});
	const recipe = JSON.parse(readFileSync(recipeFile('hire-to-onboarding.lever.json'), 'utf8')) as {
		nodes: Array<{ name: string; parameters: Record<string, unknown> }>;
	};
	recipe.nodes.find((node) => node.name === 'Onboarding Push')!.parameters.url =
		`${onboardingProxy.url}/employees`;
	recipe.nodes.find((node) => node.name === 'Hired (Schedule)')!.parameters.options = {
		maxRecordsPerPoll: MAX_RECORDS_PER_POLL,
	};
	const workflow = writeJson(dir, 'hire-to-onboarding.lever.json', recipe);
	const stateFile = `${dir}/state.json`;
	const args = ['--credentials', credentials, '--state', stateFile];

	// The first poll only starts the cursor; the hires come after it.
	const first = await runKillable(workflow, args, killSwitch);
	if (first.code !== 0) throw new Error(`first poll: exit ${first.code}: ${first.stderr}`);
	const hire = hireMaker(sim, {});
	const hires: Hire[] = [];
	for (let i = 0; i < HIRES; i++) hires.push(await hire(i % 4 !== 3, 'before the run'));

	/** Per hire: how often the workflow fetched it (once per time the trigger handed it over), pushes and notes. */
	const outcome = () => {
		const employees = [...onboarding.employees.values()];
		const views = leverView(sim);
		return hires.map((made) => ({
			email: made.email,
			handedOver: sim.requests.filter(
				(request) =>
					request.method === 'GET' && request.path === `/v1/opportunities/${made.opportunityId}`,
			).length,
			employees: employees.filter((employee) => employee.idempotencyKey === made.opportunityId)
				.length,
			notes: views
				.find((view) => view.id === made.opportunityId)!
				.notes.filter((note) =>
					(made.pushed
						? /^Onboarding started: employee /
						: /^Onboarding not started: this hire has no offer/
					).test(note),
				).length,
			pushed: made.pushed,
		}));
	};
	return {
		workflow,
		args,
		killSwitch,
		stateFile,
		outcome,
		close: async () => {
			await leverProxy.close();
			await onboardingProxy.close();
			await sim.close();
			await onboarding.close();
		},
	};
}

const once = (hire: { pushed: boolean }) => ({ employees: hire.pushed ? 1 : 0, notes: 1 });

describe(`a backlog of ${HIRES} hires, ${MAX_RECORDS_PER_POLL} per poll, drained by one ats-sync run`, () => {
	beforeAll(async () => {
		await ensureBuilt();
	});

	it(`killed mid-batch at ${KILLS} seeded points: after one rerun every hire is delivered exactly once`, async () => {
		const clean = await backlogTrial('clean');
		let requests: number;
		try {
			const run = await runKillable(clean.workflow, clean.args, clean.killSwitch);
			expect({
				code: run.code,
				status: run.summary?.status,
				batches: (run.summary as { batches?: number } | undefined)?.batches,
			}).toEqual({
				code: 0,
				status: 'success',
				batches: HIRES / MAX_RECORDS_PER_POLL,
			});
			for (const hire of clean.outcome())
				expect(hire).toEqual({ ...hire, handedOver: 1, ...once(hire) });
			requests = run.requests;
		} finally {
			await clean.close();
		}

		const points = killPoints(seededRandom(SEED + 3), KILLS, requests);
		const trials = await inPool(
			2,
			points.map((point, index) => async () => {
				const trial = await backlogTrial(`kill${index}`);
				try {
					const killed = await runKillable(trial.workflow, trial.args, trial.killSwitch, point);
					const corrupt = stateFileProblem(trial.stateFile);
					const rerun = await runKillable(trial.workflow, trial.args, trial.killSwitch);
					return { point, killed, corrupt, rerun, hires: trial.outcome() };
				} finally {
					await trial.close();
				}
			}),
		);

		const handedOverTwice = trials.map(
			(trial) => trial.hires.filter((hire) => hire.handedOver === 2).length,
		);
		printFigures('backlog', {
			seed: SEED + 3,
			hires: HIRES,
			maxRecordsPerPoll: MAX_RECORDS_PER_POLL,
			requestsPerCleanRun: requests,
			kills: trials.filter((trial) => trial.killed.killed).length,
			handedOverTwice: handedOverTwice.join('/'),
			doubledEmployees: trials.reduce(
				(sum, trial) => sum + trial.hires.filter((hire) => hire.employees > 1).length,
				0,
			),
			missedHires: trials.reduce(
				(sum, trial) =>
					sum + trial.hires.filter((hire) => hire.employees !== once(hire).employees).length,
				0,
			),
		});
		for (const trial of trials) {
			const where = `kill ${trial.point.mode} request ${trial.point.atRequest}`;
			expect({ where, killed: trial.killed.killed, corrupt: trial.corrupt }).toEqual({
				where,
				killed: true,
				corrupt: undefined,
			});
			expect({
				where,
				code: trial.rerun.code,
				status: trial.rerun.summary?.status,
				failed: trial.rerun.summary?.failedItems,
			}).toEqual({ where, code: 0, status: 'success', failed: [] });
			for (const hire of trial.hires)
				expect({ where, ...hire }).toEqual({
					where,
					...hire,
					...once(hire),
					handedOver: expect.any(Number),
				});
			// Only the interrupted batch comes again; a saved batch never does, and none is skipped.
			expect({
				where,
				repeated:
					trial.hires.filter((hire) => hire.handedOver === 2).length <= MAX_RECORDS_PER_POLL,
			}).toEqual({ where, repeated: true });
			expect({
				where,
				handedOver: trial.hires.every((hire) => hire.handedOver === 1 || hire.handedOver === 2),
			}).toEqual({ where, handedOver: true });
		}
	});
});
