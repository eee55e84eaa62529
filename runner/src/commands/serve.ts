/** `ats-sync serve`: serves the workflow's webhook triggers until SIGINT/SIGTERM, then stops cleanly (exit 0). */
import { EXIT_ITEMS_FAILED, EXIT_SUCCESS } from '../errors';
import type { Reporter } from '../report/reporter';
import type { ServeOptions } from '../serve/server';
import { startServe } from '../serve/server';

export async function serveCommand(options: ServeOptions, reporter: Reporter): Promise<number> {
	const running = await startServe(options, reporter);
	reporter.note(`serving ${running.url} — stop with Ctrl-C`);
	let signals = 0;
	const stopped = await new Promise<'signal' | Error>((resolve) => {
		const onSignal = () => {
			if (++signals === 1) return resolve('signal');
			// A second Ctrl-C does not wait: the run in progress is cut short and runs again at the next start.
			reporter.note('stopping now');
			process.exit(EXIT_ITEMS_FAILED);
		};
		process.on('SIGINT', onSignal);
		process.on('SIGTERM', onSignal);
		void running.workerFailed.then(resolve);
	});
	if (stopped instanceof Error) {
		reporter.error(stopped);
		reporter.note('stopping: events not yet run stay in the inbox and run at the next start');
		await running.close();
		return EXIT_ITEMS_FAILED;
	}
	reporter.note(`stopping: new deliveries are refused (503), the run in progress finishes within ${options.shutdownTimeoutMs / 1000} s, the rest stays in the inbox`);
	await running.close();
	return EXIT_SUCCESS;
}
