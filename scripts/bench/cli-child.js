#!/usr/bin/env node
/**
 * `ats-sync` for the bench, in its own process so its peak RSS is its own: runs the built CLI with the given
 * arguments and, on exit, writes the process's resource usage (maxRSS in kB, CPU µs) as JSON to the file named by
 * ATS_SYNC_BENCH_USAGE.
 */
const { writeFileSync } = require('node:fs');
const { main } = require('../../runner/dist/cli.js');

// ATS_SYNC_BENCH_UNPACED=1: the transports' pacing is switched off too (the simulator's limit is lifted in that
// run), so the run shows our own overhead per item rather than the vendor's rate limit.
if (process.env.ATS_SYNC_BENCH_UNPACED === '1') {
	const { RateLimiter } = require('../../dist/nodes/shared/transport/rateLimiter.js');
	RateLimiter.prototype.schedule = async (task) => await task();
}

const usageFile = process.env.ATS_SYNC_BENCH_USAGE;
process.on('exit', () => {
	if (!usageFile) return;
	const usage = process.resourceUsage();
	writeFileSync(
		usageFile,
		JSON.stringify({
			maxRssKb: usage.maxRSS,
			userCpuUs: usage.userCPUTime,
			systemCpuUs: usage.systemCPUTime,
		}),
	);
});

main(process.argv.slice(2)).then((code) => {
	process.exitCode = code;
});
