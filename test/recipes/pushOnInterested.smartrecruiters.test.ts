/**
 * recipes/push-on-interested.smartrecruiters.json in the real CLI against the SmartRecruiters simulator, unchanged
 * but for the CV server on loopback, allowed in Download CV as an on-premises file server would be.
 */
import { SMARTRECRUITERS_SEED, startSmartRecruitersSimulator, type SmartRecruitersSimulator } from '../simulators/smartrecruiters';
import { ensureBuilt, outputsOf, recipeWithLocalFiles, runRecipe, startFileServer, tempDir, writeJson, writeNdjson } from './helpers';
import { OUTREACH_SIGNING_SECRET, pushSmartRecruiters } from './inputs';
import { srByEmail, srView } from './srState';

const RECIPE = 'push-on-interested.smartrecruiters.json';
const S = SMARTRECRUITERS_SEED;
const OUTREACH_SOURCE = { sourceTypeId: 'SOURCING_TOOLS', sourceSubTypeId: 'OUTREACH', sourceId: S.sources.values.sourceWhaleTool };

describe('push-on-interested (SmartRecruiters)', () => {
	let sim: SmartRecruitersSimulator;
	let files: Awaited<ReturnType<typeof startFileServer>>;
	let dir: string;
	let credentials: string;

	beforeAll(async () => {
		await ensureBuilt();
		sim = await startSmartRecruitersSimulator();
		files = await startFileServer(pushSmartRecruiters.files);
		dir = tempDir('recipe-push-sr-');
		credentials = writeJson(dir, 'credentials.json', {
			'SmartRecruiters account': { type: 'smartRecruitersApi', data: { apiKey: S.apiKey, environment: 'custom', customUrl: sim.baseUrl } },
			'Outreach webhook': { type: 'contactEventWebhookApi', data: { signingSecret: OUTREACH_SIGNING_SECRET } },
		});
	});
	afterAll(async () => {
		await sim?.close();
		await files?.close();
	});

	it('creates on the mapped job with the mapped status, updates existing candidates without moving them, skips and reports', async () => {
		const before = srView(sim);
		const [janeBefore] = srByEmail(sim, S.emails.jane);
		const [mariaBefore] = srByEmail(sim, S.emails.maria);
		const [johnBefore] = srByEmail(sim, S.emails.john);
		const events = pushSmartRecruiters.events(files.baseUrl);
		const run = await runRecipe(recipeWithLocalFiles(dir, RECIPE), ['--input', writeNdjson(dir, 'events.ndjson', events), '--credentials', credentials, '--state', `${dir}/state.json`]);

		expect(run.code).toBe(1);
		expect(run.failedItems).toEqual([{ node: 'Upsert Candidate', inputItem: 5, email: 'only.first@example.com', message: 'Mandatory field "lastName" is empty (candidate only.first@example.com)' }]);
		expect(outputsOf(run, 'Campaign → Job')).toEqual([5, 1]);
		expect(outputsOf(run, 'Note per Outreach Type')).toEqual([3, 1]);
		expect(outputsOf(run, 'Application State')).toEqual([1, 3, 1]);

		const created = srView(sim).filter((view) => !before.some((known) => known.id === view.id));
		expect(created).toEqual([
			{
				id: expect.any(String),
				firstName: 'Linus',
				lastName: 'Byte',
				email: 'linus.byte@example.net',
				phoneNumber: '+49 30 1234567',
				web: { linkedin: 'https://www.linkedin.com/in/linusbyte' },
				tags: ['Outreach', 'Backend Berlin Q4'],
				applications: [
					{
						jobId: S.jobs.backendEngineer,
						status: 'IN_REVIEW',
						subStatus: 'Hiring manager review',
						source: OUTREACH_SOURCE,
						attachments: [{ name: 'linus.pdf', type: 'RESUME' }],
					},
				],
				notes: ['Email: interested in campaign "Backend Berlin Q4"\n\nHappy to talk!'],
			},
		]);
		expect(srByEmail(sim, S.emails.jane)).toEqual([
			{
				...janeBefore,
				tags: [...janeBefore.tags, 'Outreach', 'Backend Berlin Q4'],
				notes: [...janeBefore.notes, 'Call: replied in campaign "Backend Berlin Q4"\n\nCall went well.'],
			},
		]);
		expect(srByEmail(sim, S.emails.maria)).toEqual([
			{ ...mariaBefore, tags: [...mariaBefore.tags, 'Outreach', 'Q3 sourcing'], notes: [...mariaBefore.notes, 'LinkedIn: added to campaign "Q3 sourcing"'] },
		]);
		// No note for an outreach type the table does not list; no status and no CV without an application on the job.
		expect(srByEmail(sim, S.emails.john)).toEqual([{ ...johnBefore, tags: [...johnBefore.tags, 'Outreach', 'Backend Berlin Q4'] }]);
		for (const email of ['sam.seller@example.com', 'only.first@example.com']) expect(srByEmail(sim, email)).toEqual([]);
	});
});
