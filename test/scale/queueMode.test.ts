/**
 * `npm run test:scale`: the recipes in n8n's queue mode (test/scale/queueModeProof.ts), judged by issue 17's criteria
 * for each ATS: at least 90% of the vendor's allowance used, 429s under 1% of requests, no failed item or execution,
 * no duplicate, nothing lost, every contact in the ATS with its CV. The figures are printed as a table and written as
 * JSON (QUEUE_MODE_RESULTS=<file>, default a file in the temp folder) before anything is judged, pass or fail.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { criteria, proveQueueMode, table, type QueueModeResults } from './queueModeProof';

describe('the recipes in n8n queue mode (main, 2 workers, Redis, PostgreSQL)', () => {
	let results: QueueModeResults;

	beforeAll(async () => {
		results = await proveQueueMode();
		const file =
			process.env.QUEUE_MODE_RESULTS ||
			path.join(
				os.tmpdir(),
				`ats-sync-queue-mode-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
			);
		writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
		const warning = results.postgresWarning ? ` (n8n: "${results.postgresWarning}")` : '';
		process.stderr.write(
			`\n${table(results)}\n\nn8n ${results.n8n}, ${results.postgres}${warning}, ${results.redis}; ${Math.round(results.seconds)} s in all; figures in ${file}\n`,
		);
	});

	it.each(['Lever', 'SmartRecruiters'])('%s: meets every criterion of the issue', (ats) => {
		const run = results.runs.find((candidate) => candidate.ats === ats);
		if (!run) throw new Error(`${ats} did not run`);
		const missed = criteria(run)
			.filter((criterion) => !criterion.target.pass(criterion.figure))
			.map(
				(criterion) =>
					`${criterion.name}: ${criterion.figure} ${criterion.unit}, wanted ${criterion.target.text}${criterion.note ? ` (${criterion.note})` : ''}`,
			);
		expect(missed).toEqual([]);
	});
});
