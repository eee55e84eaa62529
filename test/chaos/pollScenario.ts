/**
 * The poll-cursor crash scenario, for either ATS: rounds of hires arriving (before a poll run, while it runs, stamped
 * exactly at the saved cursor, and between a kill and its rerun), each poll run SIGKILLed at a seeded request, each
 * rerun completed. What every hire must end as is checked by the caller from the simulators' state.
 */
import type { KillSwitch } from './killSwitch';
import { runKillable, stateFileProblem } from './runner';

export interface MadeHire {
	/** Whether the recipe should push this hire to onboarding (an offer / a start date), or only note what is missing. */
	pushed: boolean;
	madeWhen: string;
}

export interface PollTarget<H extends MadeHire> {
	workflow: string;
	args: string[];
	stateFile: string;
	killSwitch: KillSwitch;
	/** Makes one hire; with `atCursor` its change is stamped exactly at the saved cursor. */
	hire(pushed: boolean, madeWhen: string, atCursor: boolean): Promise<H>;
	/** About how many requests one poll run makes for these hires (kill points are drawn below it). */
	requestsFor(hires: H[]): number;
}

export interface PollFigures {
	runs: number;
	kills: number;
	reruns: number;
	atCursor: number;
	corruptStateFiles: number;
}

export async function runPollScenario<H extends MadeHire>(
	target: PollTarget<H>,
	rounds: number,
	random: () => number,
) {
	const { workflow, args, stateFile, killSwitch } = target;
	const hires: H[] = [];
	const figures: PollFigures = { runs: 1, kills: 0, reruns: 0, atCursor: 0, corruptStateFiles: 0 };
	const failures: string[] = [];

	// The first poll only starts the cursor (n8n's behaviour on activation).
	const first = await runKillable(workflow, args, killSwitch);
	if (first.code !== 0 || first.summary?.status !== 'no-data')
		failures.push(`first poll: exit ${first.code}, ${first.summary?.status}: ${first.stderr}`);

	for (let round = 0; round < rounds; round++) {
		const before = [
			await target.hire(true, `round ${round}, before the run`, false),
			await target.hire(round % 3 !== 0, `round ${round}, before the run`, false),
			// A change stamped exactly at the saved cursor, made after the poll that saved it.
			await target.hire(round % 2 === 0, `round ${round}, at the cursor`, true),
		];
		hires.push(...before);
		figures.atCursor++;
		const point = {
			atRequest: 1 + Math.floor(random() * target.requestsFor(before)),
			mode: random() < 0.5 ? 'before' : 'after',
		} as const;
		// A hire made while the run is under way, halfway to the kill point.
		const midRun = Math.max(1, Math.floor(point.atRequest / 2));
		killSwitch.onRequest = async (index) => {
			if (index === midRun)
				hires.push(await target.hire(true, `round ${round}, during the killed run`, false));
		};
		const killed = await runKillable(workflow, args, killSwitch, point);
		killSwitch.onRequest = undefined;
		figures.runs++;
		if (killed.killed) figures.kills++;
		if (stateFileProblem(stateFile)) figures.corruptStateFiles++;
		hires.push(await target.hire(round % 4 !== 1, `round ${round}, between kill and rerun`, true));
		figures.atCursor++;

		const rerun = await runKillable(workflow, args, killSwitch);
		figures.runs++;
		figures.reruns++;
		if (rerun.code !== 0 || (rerun.summary?.failedItems.length ?? 0) > 0) {
			failures.push(
				`round ${round} rerun: exit ${rerun.code}, failed ${JSON.stringify(rerun.summary?.failedItems)}: ${rerun.stderr.slice(-500)}`,
			);
		}
		if (stateFileProblem(stateFile)) figures.corruptStateFiles++;
	}
	return { hires, figures, failures };
}
