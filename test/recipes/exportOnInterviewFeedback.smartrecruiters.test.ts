/**
 * recipes/export-on-interview-feedback.smartrecruiters.json, unchanged, in the real CLI against the SmartRecruiters simulator.
 */
import { pseudonymHash } from '../../nodes/Pseudonymize/pseudonym';
import { SMARTRECRUITERS_SEED, startSmartRecruitersSimulator, type SmartRecruitersSimulator } from '../simulators/smartrecruiters';
import { ensureBuilt, outputsOf, recipeWith, runRecipe, serveRecipe, startFileServer, startReceiver, tempDir, writeJson, writeNdjson } from './helpers';
import { srByEmail, srView } from './srState';

const RECIPE = 'export-on-interview-feedback.smartrecruiters.json';
const S = SMARTRECRUITERS_SEED;
const PSEUDONYM_SECRET = 'pseudonym-key-for-recipe-tests-0123456789';
const PLATFORM_TOKEN = 'Bearer interview-platform-token';
const BACKEND_JOB = { id: 'ip-backend', title: 'Senior Backend Engineer' };
const DESIGN_JOB = { id: 'ip-data', title: 'Product Designer' };
const API_SOURCE = { sourceTypeId: 'API', sourceSubTypeId: 'API', sourceId: S.sources.values.api };

const interview = (eventId: string, job: object, contact: object, details: object) => ({
	eventId,
	type: 'interview.completed',
	occurredAt: '2026-11-21T14:00:00Z',
	job,
	contact,
	interview: details,
});
const omar = { email: 'omar.null@example.org', firstName: 'Omar', lastName: 'Null', phones: ['+1 555 0142'] };

describe('export-on-interview-feedback (SmartRecruiters)', () => {
	let sim: SmartRecruitersSimulator;
	let files: Awaited<ReturnType<typeof startFileServer>>;
	let dir: string;
	let credentials: string;

	beforeAll(async () => {
		await ensureBuilt();
		// autoEvents: status changes made through the API are delivered to subscriptions, as SmartRecruiters does.
		sim = await startSmartRecruitersSimulator({ autoEvents: true });
		files = await startFileServer({
			'/reports/int-77.pdf': { type: 'application/pdf', body: '%PDF-1.4 interview report 77' },
			'/reports/int-80.pdf': { type: 'application/pdf', body: '%PDF-1.4 interview report 80' },
		});
		dir = tempDir('recipe-export-sr-');
		credentials = writeJson(dir, 'credentials.json', {
			'SmartRecruiters account': { type: 'smartRecruitersApi', data: { apiKey: S.apiKey, environment: 'custom', customUrl: sim.baseUrl } },
			'Interview platform webhook': { type: 'contactEventWebhookApi', data: { signingSecret: 'interview-platform-signing-secret' } },
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
		const events = [
			interview('iv-1', BACKEND_JOB, { email: 'mira.stack@example.com', firstName: 'Mira', lastName: 'Stack' }, {
				result: 'passed',
				score: 86,
				feedback: 'Strong on distributed systems.',
				reportUrl: `${files.baseUrl}/reports/int-77.pdf`,
			}),
			interview('iv-2', DESIGN_JOB, omar, { result: 'failed', score: 41, feedback: 'Omar Null struggled with the exercise.', reportUrl: `${files.baseUrl}/reports/int-78.pdf` }),
			interview('iv-3', DESIGN_JOB, { ...omar, email: 'OMAR.NULL@Example.org' }, { result: 'failed', score: 38 }),
			interview('iv-4', { id: 'ip-marketing' }, { email: 'gia.funnel@example.com', firstName: 'Gia', lastName: 'Funnel' }, { result: 'passed' }),
			interview('iv-5', BACKEND_JOB, { email: 'Jane.Doe@example.com', firstName: 'Janet', lastName: 'Doe' }, {
				result: 'passed',
				score: 92,
				feedback: 'Excellent.',
				reportUrl: `${files.baseUrl}/reports/int-80.pdf`,
			}),
		];
		const run = await runRecipe(RECIPE, ['--trigger', 'Interview Completed', '--input', writeNdjson(dir, 'interviews.ndjson', events), '--credentials', credentials, '--state', `${dir}/state.json`]);

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
		const setStatus = async (candidateId: string, jobId: string, body: object) => {
			const response = await fetch(`${sim.baseUrl}/candidates/${candidateId}/jobs/${jobId}/status`, {
				method: 'PUT',
				headers: { 'x-smarttoken': S.apiKey, 'content-type': 'application/json' },
				body: JSON.stringify(body),
			});
			expect(response.status).toBe(204);
		};
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
