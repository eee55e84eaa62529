/**
 * Everything the runner prints: progress (stderr), the run summary (stderr, or JSON lines on stdout with --json),
 * planned writes of a dry run and one-line errors. All of it passes through the Masker.
 */
import type { IDataObject } from 'n8n-workflow';

import type { RejectedLine } from '../input';
import type { PlannedWrite } from '../outbound';
import type { Masker } from '../secrets';
import type { NodeRunSummary, RunSummary } from './summary';

export interface ReporterOptions {
	json: boolean;
	verbose: boolean;
	masker: Masker;
	stdout?: NodeJS.WritableStream;
	stderr?: NodeJS.WritableStream;
}

export class Reporter {
	private readonly stdout: NodeJS.WritableStream;

	private readonly stderr: NodeJS.WritableStream;

	private runStartedAt = Date.now();

	constructor(private readonly options: ReporterOptions) {
		this.stdout = options.stdout ?? process.stdout;
		this.stderr = options.stderr ?? process.stderr;
	}

	get masker() {
		return this.options.masker;
	}

	/** A JSON line on stdout (--json), masked. */
	event(event: string, data: IDataObject | object) {
		this.stdout.write(`${JSON.stringify(this.options.masker.value({ event, ...data }))}\n`);
	}

	/** A human line on stderr, masked. */
	note(message: string) {
		this.stderr.write(`${this.options.masker.text(`ats-sync: ${message}`)}\n`);
	}

	verbose(message: string) {
		if (this.options.verbose) this.note(message);
	}

	private currentNode?: string;

	nodeStarted(nodeName: string) {
		this.currentNode = nodeName;
	}

	/**
	 * A line every `intervalMs` while a long node works through its items (a node reports only when done):
	 * which node, time so far, and outbound requests as a sign of life and rate.
	 */
	startHeartbeat(requestCount: () => number, intervalMs = 10_000): () => void {
		const startedAt = Date.now();
		const timer = setInterval(() => {
			const seconds = (Date.now() - startedAt) / 1000;
			const requests = requestCount();
			const data = {
				node: this.currentNode ?? null,
				seconds: Math.round(seconds),
				requests,
				requestsPerSecond: Math.round((requests / seconds) * 10) / 10,
			};
			if (this.options.json) this.event('heartbeat', data);
			else
				this.note(
					`still running${this.currentNode ? ` "${this.currentNode}"` : ''}: ${data.seconds} s, ${requests} HTTP requests (${data.requestsPerSecond}/s)`,
				);
		}, intervalMs);
		timer.unref();
		return () => clearInterval(timer);
	}

	/** The engine starts now: rates count from here, not from loading n8n. */
	runStarted() {
		this.runStartedAt = Date.now();
	}

	/** Per-node progress: items done against the run's input, and the rate so far. */
	nodeFinished(nodeName: string, summary: NodeRunSummary, totalInput: number) {
		const seconds = Math.max((Date.now() - this.runStartedAt) / 1000, 0.001);
		const rate = summary.itemsIn / seconds;
		if (this.options.json) {
			this.event('progress', {
				node: nodeName,
				...summary,
				totalInput,
				itemsPerSecond: Math.round(rate * 10) / 10,
			});
			return;
		}
		const outputs =
			summary.itemsPerOutput.length > 1 ? ` (${summary.itemsPerOutput.join(' / ')})` : '';
		this.note(
			`${nodeName}: ${summary.itemsIn}/${totalInput} items in, ${summary.itemsOut} out${outputs}` +
				`${summary.errors ? `, ${summary.errors} failed` : ''} — ${rate.toFixed(1)} items/s`,
		);
	}

	/** An --input line that will not run, as soon as it is known. */
	inputRejected(rejected: RejectedLine) {
		if (this.options.json) this.event('inputRejected', rejected);
		else this.note(`${rejected.message}: skipped, the other lines run`);
	}

	plannedWrites(writes: PlannedWrite[]) {
		for (const write of writes) {
			const url = this.options.masker.url(write.url);
			const body = this.options.masker.value(write.body);
			if (this.options.json)
				this.event('plannedWrite', { method: write.method, url, body: body as IDataObject });
			else
				this.stdout.write(
					`${write.method} ${url}${body === undefined ? '' : ` ${JSON.stringify(body)}`}\n`,
				);
		}
	}

	summary(summary: RunSummary) {
		if (this.options.json) {
			for (const failed of summary.failedItems) this.event('failedItem', failed);
			this.event('summary', summary);
			return;
		}
		const lines = [
			`${summary.dryRun ? 'dry run' : 'run'} of "${summary.workflow}" from "${summary.trigger}": ${summary.status} in ${(summary.durationMs / 1000).toFixed(1)} s` +
				(summary.batches > 1
					? ` (${summary.batches} batches: the poll stopped at "Max Records per Poll" and was polled again)`
					: ''),
		];
		if (summary.status === 'no-data') lines.push('  the trigger found no new data');
		const width = Math.max(0, ...summary.nodes.map((node) => node.node.length));
		for (const node of summary.nodes) {
			const outputs = node.itemsPerOutput.length > 1 ? ` (${node.itemsPerOutput.join(' / ')})` : '';
			lines.push(
				`  ${node.node.padEnd(width)}  ${node.itemsIn} in → ${node.itemsOut} out${outputs}${node.errors ? `, ${node.errors} failed` : ''}`,
			);
		}
		for (const failed of summary.failedItems) {
			const which =
				failed.inputItem === undefined
					? ''
					: ` input item #${failed.inputItem + 1}${failed.email ? ` (${failed.email})` : ''}`;
			lines.push(`  failed: ${failed.node}${which}: ${failed.message}`);
		}
		for (const rejected of summary.rejectedInput) lines.push(`  rejected: ${rejected.message}`);
		for (const skipped of summary.notPassedOn) {
			const listed = skipped.items
				.slice(0, 5)
				.map((item) =>
					item.inputItem === undefined
						? '?'
						: `#${item.inputItem + 1}${item.email ? ` (${item.email})` : ''}`,
				);
			const more = skipped.items.length > 5 ? ` and ${skipped.items.length - 5} more` : '';
			lines.push(
				`  not passed on: ${skipped.node} → "${skipped.output}" (nothing connected): input item ${listed.join(', ')}${more}`,
			);
		}
		if (summary.dryRun)
			lines.push(
				`  ${summary.plannedWrites} planned write(s) printed on stdout; nothing was sent, state not saved`,
			);
		else
			lines.push(
				`  ${summary.stateSaved ? 'state saved' : 'state not saved: the next run starts from the same cursor'}`,
			);
		this.stderr.write(
			`${this.options.masker.text(lines.map((line, i) => (i === 0 ? `ats-sync: ${line}` : line)).join('\n'))}\n`,
		);
	}

	/** One line, no stack unless --verbose. */
	error(error: unknown) {
		const message = error instanceof Error ? error.message : String(error);
		if (this.options.json) this.event('error', { message });
		this.stderr.write(
			`${this.options.masker.text(`ats-sync: error: ${message.replace(/\s*\n\s*/g, ' ')}`)}\n`,
		);
		if (this.options.verbose && error instanceof Error && error.stack)
			this.stderr.write(`${this.options.masker.text(error.stack)}\n`);
	}
}
