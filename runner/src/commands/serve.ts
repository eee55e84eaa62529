/**
 * `ats-sync serve`: serves the workflow's webhook triggers until SIGINT/SIGTERM, then stops cleanly (exit 0). The
 * server runs in a thread of its own (serve/serveThread.ts, which starts the run worker in turn); this thread only
 * passes the signals on and exits with that thread's exit code. A second signal stops at once.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';

import { EXIT_ITEMS_FAILED } from '../errors';
import type { Reporter } from '../report/reporter';
import type { ServeOptions } from '../serve/options';
import { THREAD_YOUNG_GENERATION_MB } from '../serve/options';
import type { ToServeThread } from '../serve/serveThread';

export async function serveCommand(options: ServeOptions, reporter: Reporter): Promise<number> {
	const thread = new Worker(path.join(__dirname, '..', 'serve', 'serveThread.js'), {
		workerData: options,
		resourceLimits: { maxYoungGenerationSizeMb: THREAD_YOUNG_GENERATION_MB },
	});
	let signals = 0;
	const onSignal = () => {
		if (++signals === 1) return thread.postMessage({ type: 'stop' } satisfies ToServeThread);
		// The run in progress is cut short: it stays in the inbox and runs again at the next start.
		reporter.note('stopping now');
		process.exit(EXIT_ITEMS_FAILED);
	};
	process.on('SIGINT', onSignal);
	process.on('SIGTERM', onSignal);
	try {
		return await new Promise<number>((resolve) => {
			let failed = false;
			thread.on('error', (error) => {
				reporter.error(error);
				failed = true;
			});
			// The thread ends itself with serve's exit code.
			thread.on('exit', (code) => resolve(failed ? EXIT_ITEMS_FAILED : code));
		});
	} finally {
		process.off('SIGINT', onSignal);
		process.off('SIGTERM', onSignal);
	}
}
