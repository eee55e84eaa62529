#!/usr/bin/env node
/**
 * The README's first command (`npm run demo`, which builds first): runs the push-on-interested recipe in the real
 * `ats-sync` CLI against a local ATS simulator, then says what was created, updated and skipped.
 *
 *   node scripts/demo.js [lever|smartrecruiters]
 *
 * Steps: start the simulator (TypeScript, loaded with ts-node like scripts/sim.js), write a temporary credentials
 * file that points the recipe at it, run `ats-sync run recipes/push-on-interested.<ats>.json --input
 * recipes/samples/contact-events.ndjson` (its progress goes to stderr), compare the simulator's records before and
 * after, stop the simulator. No secret is printed: the credentials file is deleted and only names and counts are shown.
 */
const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { mkdtempSync, rmSync, writeFileSync, readFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');

const repoRoot = path.join(__dirname, '..');
require('ts-node').register({
	transpileOnly: true,
	project: path.join(repoRoot, 'tsconfig.test.json'),
});

const INPUT = path.join(repoRoot, 'recipes', 'samples', 'contact-events.ndjson');

const normalize = (email) =>
	String(email ?? '')
		.trim()
		.toLowerCase();

/** One variant per ATS: start its simulator, the credentials the recipe names, and a snapshot of its candidates. */
const variants = {
	lever: {
		label: 'Lever',
		async start() {
			const { startLeverSimulator, LEVER_SEED } = require('../test/simulators/lever');
			const sim = await startLeverSimulator({ port: 0 });
			return {
				sim,
				credentials: {
					'Lever account': {
						type: 'leverApi',
						data: {
							apiKey: sim.apiKey,
							environment: 'custom',
							customUrl: sim.baseUrl,
							defaultPerformAs: LEVER_SEED.userEmails.recruiter,
						}, // by email, as docs/recipes.md says
					},
				},
			};
		},
		/** Candidacies by id, with what the summary shows. */
		snapshot(sim) {
			const { state } = sim;
			const records = new Map();
			for (const opportunity of state.opportunities) {
				const contact = state.contacts.find((c) => c.id === opportunity.contact);
				const posting = state.postings.find((p) =>
					state.applications.some((a) => a.opportunityId === opportunity.id && a.posting === p.id),
				);
				records.set(opportunity.id, {
					name: contact?.name,
					emails: (contact?.emails ?? []).map(normalize),
					job: posting?.text ?? '(no posting)',
					stage: state.stages.find((s) => s.id === opportunity.stage)?.text ?? opportunity.stage,
					tags: [...opportunity.tags],
					contact: JSON.stringify(contact),
					notes: state.notes.filter((n) => n.opportunityId === opportunity.id && !n.deletedAt)
						.length,
					files: state.files.filter((f) => f.opportunityId === opportunity.id).length,
				});
			}
			return records;
		},
	},
	smartrecruiters: {
		label: 'SmartRecruiters',
		async start() {
			const {
				startSmartRecruitersSimulator,
				SMARTRECRUITERS_SEED,
			} = require('../test/simulators/smartrecruiters');
			const sim = await startSmartRecruitersSimulator({ port: 0 });
			return {
				sim,
				credentials: {
					'SmartRecruiters account': {
						type: 'smartRecruitersApi',
						data: {
							apiKey: SMARTRECRUITERS_SEED.apiKey,
							environment: 'custom',
							customUrl: sim.baseUrl,
						},
					},
				},
			};
		},
		snapshot(sim) {
			const { state } = sim;
			const records = new Map();
			for (const candidate of state.candidates) {
				const applications = state.applications.filter((a) => a.candidateId === candidate.id);
				records.set(candidate.id, {
					name: `${candidate.firstName} ${candidate.lastName}`,
					emails: [normalize(candidate.email)],
					job:
						applications
							.map((a) => state.jobs.find((j) => j.id === a.jobId)?.title ?? a.jobId)
							.join(', ') || '(talent pool)',
					stage:
						applications
							.map((a) => [a.status, a.subStatus].filter(Boolean).join(' / '))
							.join(', ') || '-',
					tags: [...(candidate.tags ?? [])],
					contact: JSON.stringify({ ...candidate, tags: undefined, updatedOn: undefined }),
					notes: state.notes.filter((n) => n.candidateIds.includes(candidate.id)).length,
					files: applications.reduce((sum, a) => sum + a.attachments.length, 0),
				});
			}
			return records;
		},
	},
};

/**
 * Runs the CLI with --json: its summary is read from stdout, and its per-node progress events are shown on stderr
 * as they arrive (errors and notes it writes to stderr pass straight through).
 */
function runCli(args) {
	return new Promise((resolve, reject) => {
		const child = spawn(
			process.execPath,
			[path.join(repoRoot, 'runner', 'bin', 'ats-sync.js'), ...args],
			{
				cwd: repoRoot,
				stdio: ['ignore', 'pipe', 'inherit'],
			},
		);
		const events = [];
		let pending = '';
		child.stdout.on('data', (chunk) => {
			const lines = (pending + chunk).split('\n');
			pending = lines.pop();
			for (const line of lines.filter(Boolean)) {
				const event = JSON.parse(line);
				events.push(event);
				if (event.event === 'progress') {
					const outputs =
						event.itemsPerOutput.length > 1 ? ` (${event.itemsPerOutput.join(' / ')})` : '';
					process.stderr.write(
						`  ${event.node}: ${event.itemsIn} in, ${event.itemsOut} out${outputs}${event.errors ? `, ${event.errors} failed` : ''}\n`,
					);
				}
			}
		});
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, events }));
	});
}

function changesOf(before, after) {
	const changes = [];
	if (after.contact !== before.contact) changes.push('profile');
	const newTags = after.tags.filter((tag) => !before.tags.includes(tag));
	if (newTags.length) changes.push(`tags +${newTags.join(', +')}`);
	if (after.notes > before.notes) changes.push(`${after.notes - before.notes} note(s)`);
	if (after.files > before.files) changes.push(`${after.files - before.files} file(s)`);
	return changes;
}

async function main() {
	const name = process.argv[2] ?? 'lever';
	const variant = variants[name];
	if (!variant)
		throw new Error(`Unknown ATS "${name}". Usage: node scripts/demo.js [lever|smartrecruiters]`);
	const workflow = path.join('recipes', `push-on-interested.${name}.json`);
	const { sim, credentials } = await variant.start();
	const dir = mkdtempSync(path.join(tmpdir(), 'ats-sync-demo-'));
	try {
		const credentialsFile = path.join(dir, 'credentials.json');
		credentials['Outreach webhook'] = {
			type: 'contactEventWebhookApi',
			data: { signingSecret: randomBytes(24).toString('hex') },
		};
		writeFileSync(credentialsFile, JSON.stringify(credentials, null, 2), { mode: 0o600 });
		console.log(`${variant.label} simulator running at ${sim.baseUrl}`);
		console.log(
			`$ ats-sync run ${workflow} --input ${path.relative(repoRoot, INPUT)} --credentials <temporary file>\n`,
		);

		const before = variant.snapshot(sim);
		const { code, events: cliEvents } = await runCli([
			'run',
			workflow,
			'--input',
			INPUT,
			'--credentials',
			credentialsFile,
			'--state',
			path.join(dir, 'state.json'),
			'--json',
		]);
		const after = variant.snapshot(sim);
		const summary = cliEvents.find((event) => event.event === 'summary');
		if (!summary)
			throw new Error(`ats-sync exited with ${code} before running the workflow (see above)`);

		const events = readFileSync(INPUT, 'utf8')
			.split('\n')
			.filter(Boolean)
			.map((line) => JSON.parse(line));
		const created = [...after].filter(([id]) => !before.has(id));
		// Lever keeps the profile on the contact: a person with two candidacies shows a profile change once.
		const profileShown = new Set();
		const updated = [...after].filter(([id, record]) => {
			if (!before.has(id)) return false;
			const changes = changesOf(before.get(id), record);
			const onlyProfile = changes.length === 1 && changes[0] === 'profile';
			if (onlyProfile && profileShown.has(record.contact)) return false;
			if (changes.includes('profile')) profileShown.add(record.contact);
			return changes.length > 0;
		});
		const touched = new Set([...created, ...updated].flatMap(([, record]) => record.emails));
		const failedInputs = new Map(
			summary.failedItems.filter((f) => f.inputItem !== undefined).map((f) => [f.inputItem, f]),
		);

		console.log(`\nCreated in ${variant.label} (${created.length}):`);
		for (const [, r] of created)
			console.log(
				`  + ${r.name} <${r.emails[0]}> on "${r.job}", stage ${r.stage}, tags: ${r.tags.join(', ')}`,
			);
		console.log(`Updated (${updated.length}):`);
		for (const [id, r] of updated)
			console.log(
				`  ~ ${r.name} <${r.emails[0]}> on "${r.job}": ${changesOf(before.get(id), r).join('; ')}`,
			);
		const output = (node, index) =>
			summary.nodes.find((n) => n.node === node)?.itemsPerOutput[index] ?? 0;
		const skipped = events.filter(
			(event, index) => !touched.has(normalize(event.contact?.email)) && !failedInputs.has(index),
		);
		console.log(
			`Skipped (${skipped.length}): ${output('Sync Policy', 1)} not synced by the sync policy, ${output('Campaign → Job', 1)} without a job for their campaign`,
		);
		for (const event of skipped)
			console.log(`  - ${event.contact.email}: ${event.type} in campaign ${event.campaign.id}`);
		console.log(`Failed (${failedInputs.size}):`);
		for (const [index, failure] of failedInputs)
			console.log(`  ! ${events[index].contact.email}: ${failure.node}: ${failure.message}`);
		console.log(
			`\nRun status: ${summary.status} (ats-sync exit code ${code}: 0 when every item went through, 1 when some failed).`,
		);
	} finally {
		rmSync(dir, { recursive: true, force: true });
		await sim.close();
	}
}

main().catch((error) => {
	console.error(`demo: ${error.message}`);
	process.exit(1);
});
