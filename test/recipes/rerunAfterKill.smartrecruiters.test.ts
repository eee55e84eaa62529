/**
 * push-on-interested (SmartRecruiters) run again after a run was killed between creating a candidate and setting
 * its mapped status: the rerun finds the candidate on the job at SmartRecruiters' creation status (NEW) with this
 * recipe's outreach source and sets the mapped status. Found by the crash-and-rerun chaos suite
 * (test/chaos/crash.test.ts); an applicant at NEW from another source is still never moved (pushOnInterested test).
 */
import { SMARTRECRUITERS_SEED, startSmartRecruitersSimulator, type SmartRecruitersSimulator } from '../simulators/smartrecruiters';
import { ensureBuilt, runRecipe, tempDir, writeJson, writeNdjson } from './helpers';
import { srByEmail } from './srState';

const S = SMARTRECRUITERS_SEED;

describe('push-on-interested (SmartRecruiters) after a killed run', () => {
	let sim: SmartRecruitersSimulator;
	beforeAll(async () => {
		await ensureBuilt();
		sim = await startSmartRecruitersSimulator();
	});
	afterAll(async () => {
		await sim?.close();
	});

	it('sets the mapped status the killed run never set', async () => {
		// What the killed run left: the candidate created on the job with the recipe's outreach source, status not set yet.
		const created = await fetch(`${sim.baseUrl}/jobs/${S.jobs.backendEngineer}/candidates`, {
			method: 'POST',
			headers: { 'x-smarttoken': S.apiKey, 'content-type': 'application/json' },
			body: JSON.stringify({
				firstName: 'Killed',
				lastName: 'Midrun',
				email: 'killed.midrun@example.net',
				sourceDetails: { sourceTypeId: 'SOURCING_TOOLS', sourceSubTypeId: 'OUTREACH', sourceId: S.sources.values.sourceWhaleTool },
			}),
		});
		expect(created.status).toBe(201);
		expect(srByEmail(sim, 'killed.midrun@example.net')[0].applications[0].status).toBe('NEW');

		const dir = tempDir('recipe-rerun-sr-');
		const credentials = writeJson(dir, 'credentials.json', {
			'SmartRecruiters account': { type: 'smartRecruitersApi', data: { apiKey: S.apiKey, environment: 'custom', customUrl: sim.baseUrl } },
			'Outreach webhook': { type: 'contactEventWebhookApi', data: { signingSecret: 'outreach-signing-secret-for-tests' } },
		});
		const input = writeNdjson(dir, 'events.ndjson', [
			{
				eventId: 'e-killed',
				type: 'contact.interested',
				occurredAt: '2026-11-20T09:00:00Z',
				campaign: { id: 'sw-backend-berlin', name: 'Backend Berlin Q4' },
				outreachType: 'email',
				contact: { email: 'killed.midrun@example.net', firstName: 'Killed', lastName: 'Midrun' },
			},
		]);
		const rerun = await runRecipe('push-on-interested.smartrecruiters.json', ['--input', input, '--credentials', credentials, '--state', `${dir}/state.json`]);
		expect(rerun.failedItems).toEqual([]);
		expect(srByEmail(sim, 'killed.midrun@example.net')).toEqual([
			expect.objectContaining({
				applications: [expect.objectContaining({ jobId: S.jobs.backendEngineer, status: 'IN_REVIEW', subStatus: 'Hiring manager review' })],
				notes: ['Email: interested in campaign "Backend Berlin Q4"'],
			}),
		]);
		expect(sim.contractViolations).toEqual([]);
	});
});
