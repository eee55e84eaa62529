/**
 * Fault injection for the serve crash suite (test/chaos/serveCrash.test.ts): with ATS_SYNC_CRASH_AT=<point>:<n> the
 * process SIGKILLs itself the n-th time it passes <point> — a crash at an exact step that no timing could hit reliably.
 * Unset (always, outside that suite) a crash point does nothing.
 *   accepted         the delivery is committed to the inbox, its 2xx not yet sent
 *   run-finished     a run is over (the ATS has its writes), its completion not yet committed
 *   run-committing   inside the transaction that marks the event done, before COMMIT
 */
export type CrashPoint = 'accepted' | 'run-finished' | 'run-committing';

const armed = /^(accepted|run-finished|run-committing):(\d+)$/.exec(
	process.env.ATS_SYNC_CRASH_AT ?? '',
);
let passed = 0;

export function crashPoint(point: CrashPoint) {
	if (!armed || armed[1] !== point) return;
	if (++passed === Number(armed[2])) process.kill(process.pid, 'SIGKILL');
}
