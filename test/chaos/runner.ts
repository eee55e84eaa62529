/** Running `ats-sync run` as a child process that a kill switch may SIGKILL, and reading what it reported. */
import { existsSync, readFileSync } from 'node:fs';

import { runCli } from '../runner/cli';
import type { KillPoint, KillSwitch } from './killSwitch';

export interface ChaosRun {
	code: number | null;
	signal: NodeJS.Signals | null;
	killed: boolean;
	/** The run's summary event (absent when killed). */
	summary?: {
		status: string;
		failedItems: Array<{ node: string; inputItem?: number; message: string }>;
		stateSaved: boolean;
	};
	stderr: string;
	/** Requests the proxies saw during this run. */
	requests: number;
	/** Wall time of the run, for the printed figures only (never asserted). */
	seconds: number;
}

/** A killed run leaves its lock behind; the rerun waits for it to turn stale (the runner's minimum, 2 s). */
const CHAOS_ENV = { ATS_SYNC_LOCK_STALE_MS: '2000' };

/** `ats-sync run <workflow> --json --wait-lock <args>`, killed at `point` if the run gets that far. */
export async function runKillable(
	workflow: string,
	args: string[],
	killSwitch: KillSwitch,
	point?: KillPoint,
): Promise<ChaosRun> {
	let child: import('node:child_process').ChildProcess | undefined;
	killSwitch.arm(point, () => child?.kill('SIGKILL'));
	const startedAt = Date.now();
	const result = await runCli(['run', workflow, '--json', '--wait-lock', ...args], {
		env: CHAOS_ENV,
		onSpawn: (spawned) => (child = spawned),
	});
	const summaryLine = result.stdout
		.split('\n')
		.find((line) => line.startsWith('{"event":"summary"'));
	return {
		code: result.code,
		signal: result.signal,
		killed: killSwitch.killed,
		summary: summaryLine ? (JSON.parse(summaryLine) as ChaosRun['summary']) : undefined,
		stderr: result.stderr,
		requests: killSwitch.served,
		seconds: (Date.now() - startedAt) / 1000,
	};
}

/** The state file must be absent or whole JSON after any kill: it is only ever replaced by a rename. */
export function stateFileProblem(file: string): string | undefined {
	if (!existsSync(file)) return undefined;
	try {
		JSON.parse(readFileSync(file, 'utf8'));
		return undefined;
	} catch (error) {
		return `${file}: ${(error as Error).message}`;
	}
}

/** Runs `tasks` with at most `limit` at a time, keeping their order in the results. */
export async function inPool<T>(limit: number, tasks: Array<() => Promise<T>>): Promise<T[]> {
	const results: T[] = new Array<T>(tasks.length);
	let next = 0;
	const worker = async () => {
		while (next < tasks.length) {
			const index = next++;
			results[index] = await tasks[index]();
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
	return results;
}

/** One line of figures per scenario, on stdout (jest does not capture direct writes). */
export function printFigures(scenario: string, figures: Record<string, number | string>) {
	process.stdout.write(
		`\n[chaos] ${scenario}: ${Object.entries(figures)
			.map(([name, value]) => `${name}=${value}`)
			.join(' ')}\n`,
	);
}
