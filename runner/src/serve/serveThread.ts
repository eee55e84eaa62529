/**
 * Entry point of the thread `ats-sync serve` runs in (started by commands/serve.ts, never imported): the HTTP server,
 * the acceptor and the registrations, with n8n-core loaded here rather than in the process's main thread, so this
 * copy of n8n-core gets a thread's smaller young generation (see THREAD_YOUNG_GENERATION_MB). The main thread
 * forwards SIGINT/SIGTERM as a `stop` message and exits with the code this thread reports.
 */
import { parentPort, workerData } from 'node:worker_threads';

import { EXIT_ITEMS_FAILED, EXIT_SUCCESS, UserError } from '../errors';
import { configureN8nLogging } from '../n8nServices';
import { Reporter } from '../report/reporter';
import { Masker } from '../secrets';
import type { ServeOptions } from './options';
import { startServe } from './server';

/** Messages from the main thread. */
export type ToServeThread = { type: 'stop' };

async function serve(options: ServeOptions, reporter: Reporter): Promise<number> {
	const running = await startServe(options, reporter);
	reporter.note(`serving ${running.url} — stop with Ctrl-C`);
	const stopped = await new Promise<'signal' | Error>((resolve) => {
		parentPort?.on('message', (message: ToServeThread) => {
			if (message.type === 'stop') resolve('signal');
		});
		void running.workerFailed.then(resolve);
	});
	if (stopped instanceof Error) {
		reporter.error(stopped);
		reporter.note('stopping: events not yet run stay in the inbox and run at the next start');
		await running.close();
		return EXIT_ITEMS_FAILED;
	}
	reporter.note(
		`stopping: new deliveries are refused (503), the run in progress finishes within ${options.shutdownTimeoutMs / 1000} s, the rest stays in the inbox`,
	);
	await running.close();
	return EXIT_SUCCESS;
}

const options = workerData as ServeOptions;
const reporter = new Reporter({
	json: options.json,
	verbose: options.verbose,
	masker: new Masker(),
});
configureN8nLogging(
	options.verbose ? (level, message) => reporter.note(`[n8n ${level}] ${message}`) : undefined,
);
/** Resolves once everything written so far is handed to the main thread, which writes it out. */
const flushed = (stream: NodeJS.WritableStream) =>
	new Promise<void>((resolve) => stream.write('', () => resolve()));

void serve(options, reporter)
	.catch((error: unknown) => {
		reporter.error(error);
		return error instanceof UserError ? error.exitCode : EXIT_ITEMS_FAILED;
	})
	.then(async (code) => {
		await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
		// Ends this thread with `code` (not the process): n8n-core may leave timers behind that would keep it alive.
		process.exit(code);
	});
