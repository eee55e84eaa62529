/**
 * recipes/export-on-interview-feedback.lever.json in the real CLI against the Lever simulator, unchanged but for
 * the settings an ops person fills in: the report server on loopback is allowed (Download Report), and the
 * interview platform's URL.
 */
import { readFileSync } from 'node:fs';

import { pseudonymHash } from '../../packages/toolkit/nodes/Pseudonymize/pseudonym';
import { LEVER_SEED, startLeverSimulator, type LeverSimulator } from '../simulators/lever';
import { ensureBuilt, outputsOf, recipeFile, recipeWith, recipeWithLocalFiles, runRecipe, serveRecipe, startFileServer, startReceiver, tempDir, writeJson, writeNdjson } from './helpers';
import { INTERVIEW_SIGNING_SECRET, interviewEvent as interview, exportLever, PLATFORM_TOKEN, PSEUDONYM_SECRET } from './inputs';
import { leverByEmail, leverView, moveLeverStage } from './leverState';

const RECIPE = 'export-on-interview-feedback.lever.json';
const S = LEVER_SEED;
const BACKEND_JOB = exportLever.backendJob;

describe('export-on-interview-feedback (Lever)', () => {
	let sim: LeverSimulator;
	let files: Awaited<ReturnType<typeof startFileServer>>;
	let dir: string;
	let credentials: string;
	const seedOpportunities = new Set<string>();

	beforeAll(async () => {
		await ensureBuilt();
		// autoWebhooks: stage changes made through the API are delivered to registered webhooks, as Lever does.
		// The served recipe registers a plain-http loopback URL: simulator and credential opt in to that.
		sim = await startLeverSimulator({ autoWebhooks: true, allowInsecureWebhookUrls: true });
		for (const opportunity of sim.state.opportunities) seedOpportunities.add(opportunity.id);
		files = await startFileServer(exportLever.files);
		dir = tempDir('recipe-export-lever-');
		credentials = writeJson(dir, 'credentials.json', {
			'Lever account': {
				type: 'leverApi',
				data: { apiKey: sim.apiKey, environment: 'custom', customUrl: sim.baseUrl, allowHttpWebhookUrls: true, defaultPerformAs: S.users.recruiter },
			},
			'Interview platform webhook': { type: 'contactEventWebhookApi', data: { signingSecret: INTERVIEW_SIGNING_SECRET } },
			'Pseudonym secret': { type: 'pseudonymSecretApi', data: { secret: PSEUDONYM_SECRET } },
			'Interview platform API': { type: 'onboardingApi', data: { authType: 'header', headerName: 'Authorization', headerValue: PLATFORM_TOKEN } },
		});
	});
	afterAll(async () => {
		await sim?.close();
		await files?.close();
	});

	it('exports successful candidates with feedback and report, unsuccessful ones under a stable pseudonym only', async () => {
		const [adaBefore] = leverByEmail(sim, S.contactEmails.ada);
		const events = exportLever.events(files.baseUrl);
		const run = await runRecipe(recipeWithLocalFiles(dir, RECIPE), ['--trigger', 'Interview Completed', '--input', writeNdjson(dir, 'interviews.ndjson', events), '--credentials', credentials, '--state', `${dir}/state.json`]);

		expect(run.failedItems).toEqual([]);
		expect(run.code).toBe(0);
		expect(outputsOf(run, 'Interview Job → ATS Job')).toEqual([4, 1]);
		expect(outputsOf(run, 'Interview Result')).toEqual([2, 2, 0]);
		expect(outputsOf(run, 'Export Unsuccessful?')).toEqual([2, 0]);

		const id = pseudonymHash(PSEUDONYM_SECRET, 'omar.null@example.org', 12);
		const created = leverView(sim).filter((view) => !seedOpportunities.has(view.id));
		expect(created).toEqual([
			{
				id: expect.any(String),
				contact: expect.any(String),
				name: 'Mira Stack',
				emails: ['mira.stack@example.com'],
				phones: [],
				links: ['https://github.com/mirastack'],
				headline: '',
				location: '',
				postings: [S.postings.published],
				stage: S.stages.applicantNew,
				tags: ['Interview export', 'Interview passed', 'Senior Backend Engineer', 'Engineering', 'Platform', 'Berlin', 'Full-time'],
				sources: ['Interview platform'],
				origin: 'sourced',
				// "Perform as" from the job's recruiter mapping.
				owner: S.users.recruiter,
				archivedReason: null,
				notes: [`Interview passed, score 86 (Senior Backend Engineer)\n\nStrong on distributed systems.\n\nReport: ${files.baseUrl}/reports/int-77.pdf`],
				files: ['int-77.pdf'],
			},
			{
				id: expect.any(String),
				contact: expect.any(String),
				name: `Candidate ${id}`,
				emails: [`${id}@pseudonym.invalid`],
				phones: [],
				links: [],
				headline: '',
				location: '',
				postings: [S.postings.internal],
				stage: S.stages.applicantNew,
				tags: ['Interview export', 'Interview not passed', 'Pseudonymised', 'Staff Data Engineer', 'Engineering', 'Data', 'Remote', 'Full-time'],
				sources: ['Interview platform'],
				origin: 'sourced',
				// No recruiter mapped for this job: the default user.
				owner: S.users.admin,
				archivedReason: S.archiveReasons.underqualified,
				notes: [
					`Interview failed, score 41 (pseudonymised: Candidate ${id})\n\nCandidate ${id} struggled with the concurrency exercise.`,
					`Interview failed, score 38 (pseudonymised: Candidate ${id})\n\nSecond attempt: still stuck on locking.`,
				],
				files: [],
			},
		]);
		const [adaAfter] = leverByEmail(sim, S.contactEmails.ada);
		expect(adaAfter).toEqual({
			...adaBefore,
			tags: [...adaBefore.tags, 'Interview export', 'Interview passed'],
			sources: [...adaBefore.sources, 'Interview platform'],
			notes: [...adaBefore.notes, `Interview passed, score 92 (Senior Backend Engineer)\n\nExcellent.\n\nReport: ${files.baseUrl}/reports/int-80.pdf`],
			files: [...adaBefore.files, 'int-80.pdf'],
		});
		expect(leverByEmail(sim, 'gia.funnel@example.com')).toEqual([]);
		// Nothing that identifies Omar ever reached Lever.
		const sent = JSON.stringify(sim.requests);
		// The log does carry request bodies (the successful candidate's name is in it), so the check below means something.
		expect(sent).toContain('Mira');
		for (const pii of ['Omar', 'omar.null', 'OMAR', '555 0142', 'omarnull', 'int-78']) expect(sent).not.toContain(pii);
	});

	it('skips unsuccessful candidates, reported with the reason, when the ops person deletes the "failed" row', async () => {
		const workflow = JSON.parse(readFileSync(recipeFile(RECIPE), 'utf8'));
		const setting = workflow.nodes.find((node: { name: string }) => node.name === 'Export Unsuccessful?');
		expect(setting.parameters.mappings).toEqual({ mapping: [{ from: 'failed', to: 'pseudonymised' }] });
		setting.parameters.mappings = { mapping: [] };
		const edited = writeJson(dir, 'export-without-unsuccessful.json', workflow);
		const before = leverView(sim);
		const input = writeNdjson(dir, 'failed.ndjson', [
			interview('iv-9', BACKEND_JOB, { email: 'lee.fail@example.com', firstName: 'Lee', lastName: 'Fail' }, { result: 'failed', score: 12 }),
		]);
		const run = await runRecipe(edited, ['--trigger', 'Interview Completed', '--input', input, '--credentials', credentials, '--state', `${dir}/state-2.json`]);
		expect(run.code).toBe(0);
		expect(outputsOf(run, 'Interview Result')).toEqual([0, 1, 0]);
		expect(outputsOf(run, 'Export Unsuccessful?')).toEqual([0, 1]);
		expect(leverView(sim)).toEqual(before);
		expect(JSON.stringify(sim.requests)).not.toContain('lee.fail');
	});

	it('served: a later stage change of an exported candidate is posted back to the interview platform, others are not', async () => {
		const platform = await startReceiver();
		const workflow = recipeWith(dir, RECIPE, 'Post Stage Back', 'url', platform.url);
		const [mira] = leverByEmail(sim, 'mira.stack@example.com');
		const [, adaData] = leverByEmail(sim, S.contactEmails.ada);
		expect(mira.tags).toContain('Interview export');
		expect(adaData.tags).not.toContain('Interview export');
		const moveTo = async (opportunityId: string, stage: string) => expect(await moveLeverStage(sim, opportunityId, stage)).toBe(200);
		const server = await serveRecipe(workflow, ['--credentials', credentials, '--state', `${dir}/serve-state.json`]);
		try {
			await server.waitFor(/"Stage Changed" registered its webhook/);
			await moveTo(mira.id, S.stages.onsite);
			await server.waitFor(/run of "Export interview results to Lever"/);
			await moveTo(adaData.id, S.stages.onsite);
			await server.waitFor(/run of "Export interview results to Lever"/, 2);
			// Lever does not sign `data`: a delivery with a valid signature claiming another stage posts the stage Lever has.
			const [forged] = await sim.sendWebhook('candidateStageChange', { opportunityId: mira.id, fromStageId: S.stages.onsite, toStageId: S.stages.offer });
			expect(forged).toMatchObject({ status: 200 });
			await server.waitFor(/run of "Export interview results to Lever"/, 3);
		} finally {
			expect(await server.stop()).toBe(0);
			await platform.close();
		}
		expect(server.stderr().match(/run of "Export interview results to Lever"[^\n]*/g)).toEqual([
			expect.stringMatching(/: success in/),
			expect.stringMatching(/: success in/),
			expect.stringMatching(/: success in/),
		]);
		const postedBack = {
			key: expect.stringMatching(new RegExp(`^lever:${mira.id}:${S.stages.onsite}:\\d+$`)),
			auth: PLATFORM_TOKEN,
			body: {
				atsSource: 'lever',
				atsCandidateId: mira.id,
				email: 'mira.stack@example.com',
				stage: { id: S.stages.onsite, name: 'On-site interview' },
				changedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
			},
		};
		// The second post is the forged delivery's: the stage Lever has (on-site), not the claimed offer stage.
		expect(platform.received).toEqual([postedBack, postedBack]);
	});
});
