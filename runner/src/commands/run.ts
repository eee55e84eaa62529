/**
 * `ats-sync run`: one execution of a workflow from its polling trigger (one per batch while the poll stops at its "Max
 * Records per Poll"), or from replayed --input items.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { EXIT_ITEMS_FAILED, EXIT_SUCCESS, UserError } from '../errors';
import type { RejectedLine } from '../input';
import { readInput } from '../input';
import type { PlannedWrite } from '../outbound';
import { dryRunHandler, interceptOutboundHttp } from '../outbound';
import type { Reporter } from '../report/reporter';
import type { RunSummary } from '../report/summary';
import { addBatch, summarizeRun } from '../report/summary';
import type { SessionOptions, Step } from '../session';
import { openSession } from '../session';
import type { StartPoint } from '../workflow/file';
import { pickStart } from '../workflow/file';

export interface RunOptions extends SessionOptions {
	inputFile?: string;
	trigger?: string;
	dryRun: boolean;
}

/** Items the start node emits when the run does not poll: --input, or one empty item where n8n would start with one. */
function startItemsWithoutPoll(
	start: StartPoint,
	inputFile: string | undefined,
): { items: INodeExecutionData[]; rejected: RejectedLine[] } {
	if (inputFile !== undefined) return readInput(inputFile);
	if (start.kind === 'webhook') {
		throw new UserError(
			`"${start.node.name}" is a webhook trigger: receive its events with "ats-sync serve", or replay saved events with --input events.ndjson`,
		);
	}
	if (start.kind === 'trigger' && !/manualTrigger$/i.test(start.node.type)) {
		throw new UserError(
			`"${start.node.name}" is an event trigger: pass its events with --input events.ndjson`,
		);
	}
	return { items: [{ json: {} }], rejected: [] };
}

/**
 * Whether the poll left part of its backlog for the next poll: a poll trigger that stopped at its "Max Records per
 * Poll" keeps the end of that backlog in its node static data under this key (nodes/shared/poll.ts, BACKLOG_END).
 * n8n polls again on the trigger's schedule; a run from cron polls again at once, so it ends caught up.
 */
function leftBacklog(step: Step, triggerName: string): boolean {
	const nodeData = step.workflow.staticData[`node:${triggerName}`] as IDataObject | undefined;
	return nodeData?.backlogEnd !== undefined;
}

export async function runCommand(
	options: RunOptions,
	reporter: Reporter,
): Promise<{ exitCode: number; summary: RunSummary }> {
	const startedAt = Date.now();
	// Where to start and the --input items are settled before the lock: a bad input file fails at once.
	const session = await openSession(options, reporter, {
		state: 'file',
		prepare: (workflowData, loaded) => {
			const start = pickStart(workflowData, loaded.types, options.trigger);
			const replay =
				start.kind === 'poll' && options.inputFile === undefined
					? undefined
					: startItemsWithoutPoll(start, options.inputFile);
			return { start, replayItems: replay?.items, rejectedInput: replay?.rejected ?? [] };
		},
	});
	const planned: PlannedWrite[] = [];
	const dryRun = options.dryRun ? dryRunHandler(planned) : undefined;
	let requests = 0;
	const restoreHttp = interceptOutboundHttp(async (request, send, wantsFullResponse) => {
		requests++;
		return dryRun ? await dryRun(request, send, wantsFullResponse) : await send();
	});
	const stopHeartbeat = reporter.startHeartbeat(() => requests);
	try {
		const { engine, workflowData, state } = session;
		const { start, replayItems, rejectedInput } = session.prepared;
		// Broken input lines are reported now and in the summary; the good lines still run, and the run counts as failed.
		for (const rejected of rejectedInput) reporter.inputRejected(rejected);
		let total: RunSummary | undefined;
		let inputItemsBefore = 0;
		for (;;) {
			const step = session.step();
			let startItems = replayItems;
			if (!startItems) {
				reporter.verbose(`polling "${start.node.name}" (cursor from ${state.where})`);
				startItems = (await engine.poll(step.workflow, workflowData, start.node))?.[0] ?? undefined;
			}

			if (!startItems || startItems.length === 0) {
				// Nothing new: the poll may still have moved or initialised its cursor, which n8n saves too.
				if (!options.dryRun) session.commit(step);
				if (total) break;
				const summary = summarizeRun({
					run: undefined,
					nodes: workflowData.nodes,
					workflow: workflowData.name,
					trigger: start.node.name,
					startItems: [],
					durationMs: Date.now() - startedAt,
					dryRun: options.dryRun,
					plannedWrites: planned.length,
					stateSaved: !options.dryRun,
					rejectedInput,
				});
				reporter.summary(summary);
				return { exitCode: EXIT_SUCCESS, summary };
			}

			// The cursor advances only when every item went through: a failed record is retried by the next run
			// (the nodes' upsert-by-email makes that retry safe) instead of being skipped for good.
			const { summary } = await session.execute(step, start.node, startItems, {
				mode: start.kind === 'webhook' ? 'webhook' : 'trigger',
				startedAt,
				dryRun: options.dryRun,
				plannedWrites: () => planned.length,
				rejectedInput,
			});
			total = total ? addBatch(total, summary, inputItemsBefore) : summary;
			inputItemsBefore += startItems.length;
			// Each batch is saved before the next is polled, so a run stopped midway has lost or repeated nothing.
			if (
				replayItems ||
				options.dryRun ||
				summary.status !== 'success' ||
				!leftBacklog(step, start.node.name)
			)
				break;
			reporter.verbose(
				`"${start.node.name}" stopped at its "Max Records per Poll": polling again for the rest`,
			);
		}
		if (options.dryRun) reporter.plannedWrites(planned);
		reporter.summary(total);
		return {
			exitCode: total.status === 'success' ? EXIT_SUCCESS : EXIT_ITEMS_FAILED,
			summary: total,
		};
	} finally {
		stopHeartbeat();
		restoreHttp();
		await session.close();
	}
}
