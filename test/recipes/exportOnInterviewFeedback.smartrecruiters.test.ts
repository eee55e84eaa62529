/**
 * recipes/export-on-interview-feedback.smartrecruiters.json in the real CLI against the SmartRecruiters simulator,
 * unchanged but for the settings an ops person fills in: the report server on loopback is allowed (Download Report),
 * and the interview platform's URL.
 */
import { pseudonymHash } from '../../packages/toolkit/nodes/Pseudonymize/pseudonym';
import { SMARTRECRUITERS_SEED, startSmartRecruitersSimulator, type SmartRecruitersSimulator } from '../simulators/smartrecruiters';
import { ensureBuilt, outputsOf, recipeWith, recipeWithLocalFiles, runRecipe, serveRecipe, startFileServer, startReceiver, tempDir, writeJson, writeNdjson } from './helpers';
import { INTERVIEW_SIGNING_SECRET, exportSmartRecruiters, PLATFORM_TOKEN, PSEUDONYM_SECRET } from './inputs';
import { srByEmail, srView, setSrStatus } from './srState';

const RECIPE = 'export-on-interview-feedback.smartrecruiters.json';
const S = SMARTRECRUITERS_SEED;
const API_SOURCE = { sourceTypeId: 'API', sourceSubTypeId: 'API', sourceId: S.sources.values.api };

describe('export-on-interview-feedback (SmartRecruiters)', () => {
	let sim: SmartRecruitersSimulator;
	let files: Awaited<ReturnType<typeof startFileServer>>;
	let dir: string;
	let credentials: string;

	beforeAll(async () => {
		await ensureBuilt();
		// autoEvents: status changes made through the API are delivered to subscriptions, as SmartRecruiters does.
		// The served recipe registers a plain-http loopback URL: simulator and credential opt in to that.
		sim = await startSmartRecruitersSimulator({ autoEvents: true, allowInsecureWebhookUrls: true });
		files = await startFileServer(exportSmartRecruiters.files);
		dir = tempDir('recipe-export-sr-');
		credentials = writeJson(dir, 'credentials.json', {
			'SmartRecruiters account': { type: 'smartRecruitersApi', data: { apiKey: S.apiKey, environment: 'custom', customUrl: sim.baseUrl, allowHttpWebhookUrls: true } },
			'Interview platform webhook': { type: 'contactEventWebhookApi', data: { signingSecret: INTERVIEW_SIGNING_SECRET } },
			'Pseudonym secret': { type: 'pseudonymSecretApi', data: { secret: PSEUDONYM_SECRET } },
			'Interview platform API': { type: 'onboardingApi', data: { authType: 'header', headerName: 'Authorization', headerValue: PLATFORM_TOKEN } },
		});
	});
	afterAll(async () => {
		await sim?.close();
		await files?.close();
	});

	it('exports successful candidates with feedback and report, unsuccessful ones pseudonymised and rejected', async () => {
		const before = srView(sim);
		const [janeBefore] = srByEmail(sim, S.emails.jane);
		const events = exportSmartRecruiters.events(files.baseUrl);
		const run = await runRecipe(recipeWithLocalFiles(dir, RECIPE), ['--trigger', 'Interview Completed', '--input', writeNdjson(dir, 'interviews.ndjson', events), '--credentials', credentials, '--state', `${dir}/state.json`]);

		expect(run.failedItems).toEqual([]);
		expect(run.code).toBe(0);
		expect(outputsOf(run, 'Interview Job → ATS Job')).toEqual([4, 1]);
		expect(outputsOf(run, 'Export Unsuccessful?')).toEqual([2, 0]);

		const id = pseudonymHash(PSEUDONYM_SECRET, 'omar.null@example.org', 12);
		expect(srView(sim).filter((view) => !before.some((known) => known.id === view.id))).toEqual([
			{
				id: expect.any(String),
				firstName: 'Mira',
				lastName: 'Stack',
				email: 'mira.stack@example.com',
				tags: ['Interview export', 'Interview passed'],
				applications: [{ jobId: S.jobs.backendEngineer, status: 'NEW', source: API_SOURCE, attachments: [{ name: 'int-77.pdf', type: 'GENERIC_FILE' }] }],
				notes: [`Interview passed, score 86 (Senior Backend Engineer)\n\nStrong on distributed systems.\n\nReport: ${files.baseUrl}/reports/int-77.pdf`],
			},
			{
				id: expect.any(String),
				firstName: 'Candidate',
				lastName: id,
				email: `${id}@pseudonym.invalid`,
				tags: ['Interview export', 'Interview not passed', 'Pseudonymised'],
				applications: [{ jobId: S.jobs.productDesigner, status: 'REJECTED', source: API_SOURCE, reason: S.rejectionReasons.notQualified, attachments: [] }],
				notes: [
					`Interview failed, score 41 (pseudonymised: Candidate ${id})\n\nCandidate ${id} struggled with the exercise.`,
					`Interview failed, score 38 (pseudonymised: Candidate ${id})\n\nNo written feedback.`,
				],
			},
		]);
		const [janeApplication] = janeBefore.applications;
		expect(srByEmail(sim, S.emails.jane)).toEqual([
			{
				...janeBefore,
				tags: [...janeBefore.tags, 'Interview export', 'Interview passed'],
				applications: [{ ...janeApplication, attachments: [...janeApplication.attachments, { name: 'int-80.pdf', type: 'GENERIC_FILE' }] }, ...janeBefore.applications.slice(1)],
				notes: [...janeBefore.notes, `Interview passed, score 92 (Senior Backend Engineer)\n\nExcellent.\n\nReport: ${files.baseUrl}/reports/int-80.pdf`],
			},
		]);
		expect(srByEmail(sim, 'gia.funnel@example.com')).toEqual([]);
		const sent = JSON.stringify(sim.requests);
		// The log does carry request bodies (the successful candidate's name is in it), so the check below means something.
		expect(sent).toContain('Mira');
		for (const pii of ['Omar', 'omar.null', 'OMAR', '555 0142', 'int-78']) expect(sent).not.toContain(pii);
	});

	it('served: a later status change of an exported candidate is posted back to the interview platform, others are not', async () => {
		const platform = await startReceiver();
		const workflow = recipeWith(dir, RECIPE, 'Post Status Back', 'url', platform.url);
		const [mira] = srByEmail(sim, 'mira.stack@example.com');
		const setStatus = async (candidateId: string, jobId: string, body: object) => expect(await setSrStatus(sim, candidateId, jobId, body)).toBe(204);
		const server = await serveRecipe(workflow, ['--credentials', credentials, '--state', `${dir}/serve-state.json`]);
		try {
			await server.waitFor(/"Status Changed" registered its webhook/);
			await setStatus(mira.id, S.jobs.backendEngineer, { status: 'INTERVIEW', subStatus: 'Technical interview' });
			await sim.settled();
			await server.waitFor(/run of "Export interview results to SmartRecruiters"/);
			// Maria was never exported by this recipe.
			await setStatus(S.candidates.maria, S.jobs.productDesigner, { status: 'IN_REVIEW' });
			await sim.settled();
			await server.waitFor(/run of "Export interview results to SmartRecruiters"/, 2);
		} finally {
			expect(await server.stop()).toBe(0);
			await platform.close();
		}
		expect(server.stderr().match(/run of "Export interview results to SmartRecruiters"[^\n]*/g)).toEqual([
			expect.stringMatching(/: success in/),
			expect.stringMatching(/: success in/),
		]);
		expect(platform.received).toEqual([
			{
				key: expect.stringMatching(/^smartrecruiters:.+/),
				auth: PLATFORM_TOKEN,
				body: {
					atsSource: 'smartrecruiters',
					atsCandidateId: mira.id,
					email: 'mira.stack@example.com',
					jobId: S.jobs.backendEngineer,
					status: { name: 'INTERVIEW', subStatus: 'Technical interview' },
				},
			},
		]);
	});
});
