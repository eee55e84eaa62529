/**
 * recipes/hire-to-onboarding.smartrecruiters.json against the SmartRecruiters and onboarding simulators: served as a
 * webhook (subscription handshake, signed deliveries) and run from cron. The only edit is the onboarding URL.
 */
import { readFileSync } from 'node:fs';

import { SMARTRECRUITERS_SEED, startSmartRecruitersSimulator, type SmartRecruitersSimulator } from '../simulators/smartrecruiters';
import { startOnboardingSimulator, type OnboardingSimulator } from '../simulators/onboarding';
import { ensureBuilt, outputsOf, recipeFile, runRecipe, serveRecipe, tempDir, writeJson } from './helpers';
import { hireSmartRecruiters, ONBOARDING_TOKEN } from './inputs';
import { setSrProperties, setSrStatus, srByEmail } from './srState';

const RECIPE = 'hire-to-onboarding.smartrecruiters.json';
const S = SMARTRECRUITERS_SEED;

describe('hire-to-onboarding (SmartRecruiters)', () => {
	let sim: SmartRecruitersSimulator;
	let onboarding: OnboardingSimulator;
	let dir: string;
	let credentials: string;
	let workflow: string;

	beforeAll(async () => {
		await ensureBuilt();
		// The served recipe registers a plain-http loopback URL: simulator and credential opt in to that.
		sim = await startSmartRecruitersSimulator({ autoEvents: true, allowInsecureWebhookUrls: true });
		onboarding = await startOnboardingSimulator({ auth: { header: 'authorization', value: ONBOARDING_TOKEN } });
		dir = tempDir('recipe-hire-sr-');
		credentials = writeJson(dir, 'credentials.json', {
			'SmartRecruiters account': { type: 'smartRecruitersApi', data: { apiKey: S.apiKey, environment: 'custom', customUrl: sim.baseUrl, allowHttpWebhookUrls: true } },
			'Onboarding API': { type: 'onboardingApi', data: { authType: 'header', headerName: 'Authorization', headerValue: ONBOARDING_TOKEN } },
		});
		const recipe = JSON.parse(readFileSync(recipeFile(RECIPE), 'utf8'));
		const push = recipe.nodes.find((node: { name: string }) => node.name === 'Onboarding Push');
		expect(push.parameters.url).toBe('https://hris.example.com/api/employees');
		push.parameters.url = onboarding.url;
		workflow = writeJson(dir, 'hire-to-onboarding.smartrecruiters.json', recipe);
	});
	afterAll(async () => {
		await sim?.close();
		await onboarding?.close();
	});

	const setStatus = async (candidateId: string, jobId: string, body: object) => expect(await setSrStatus(sim, candidateId, jobId, body)).toBe(204);
	const employeeOf = (email: string) => [...onboarding.employees.values()].filter((employee) => employee.record.email === email);

	it('served as a webhook: hires become employees from the accepted offer, or from the start date alone, with their hire form properties', async () => {
		const [johnBefore] = srByEmail(sim, S.emails.john);
		const [mariaBefore] = srByEmail(sim, S.emails.maria);
		const server = await serveRecipe(workflow, ['--credentials', credentials, '--state', `${dir}/serve-state.json`]);
		try {
			await server.waitFor(/"Hired \(Webhook\)" registered its webhook/);
			// John was hired with an accepted offer.
			await sim.deliverEvent('application.status.updated', hireSmartRecruiters.johnHired);
			await server.waitFor(/run of "Hired in SmartRecruiters → onboarding"/);
			// Maria's recruiter fills in the hire form, then hires her with a start date but no offer; SmartRecruiters sends
			// the event itself.
			const hireForm = [
				{ id: S.properties.employmentType, value: S.propertyValues.partTime },
				{ id: S.properties.costCenter, value: 'CC-310 Design' },
			];
			expect(await setSrProperties(sim, S.candidates.maria, S.jobs.productDesigner, hireForm)).toBe(204);
			await setStatus(S.candidates.maria, S.jobs.productDesigner, hireSmartRecruiters.mariaHired);
			await sim.settled();
			await server.waitFor(/run of "Hired in SmartRecruiters → onboarding"/, 2);
		} finally {
			expect(await server.stop()).toBe(0);
		}
		expect(server.stderr().match(/run of "Hired in SmartRecruiters → onboarding"[^\n]*/g)).toEqual([
			expect.stringMatching(/: success in/),
			expect.stringMatching(/: success in/),
		]);
		expect(employeeOf(S.emails.john).map((employee) => ({ key: employee.idempotencyKey, ...employee.record }))).toEqual([
			{
				key: S.candidates.john,
				atsSource: 'smartrecruiters',
				atsCandidateId: S.candidates.john,
				firstName: 'John',
				lastName: 'Smith',
				email: S.emails.john,
				jobTitle: 'Data Analyst',
				startDate: '2026-08-01',
				salary: { amount: 72000, currency: 'EUR', interval: 'year' },
				department: 'Engineering',
				location: 'Berlin',
				// His hire form's candidate properties (seeded), a single select by its label.
				customFields: { employmentType: 'Full-time', costCenter: 'CC-200 Analytics' },
			},
		]);
		expect(employeeOf(S.emails.maria).map((employee) => ({ key: employee.idempotencyKey, ...employee.record }))).toEqual([
			{
				key: S.candidates.maria,
				atsSource: 'smartrecruiters',
				atsCandidateId: S.candidates.maria,
				firstName: 'Maria',
				lastName: 'Garcia',
				email: S.emails.maria,
				jobTitle: 'Product Designer',
				startDate: '2027-02-01',
				department: 'Design',
				location: 'London',
				customFields: { employmentType: 'Part-time', costCenter: 'CC-310 Design' },
			},
		]);
		const [john] = employeeOf(S.emails.john);
		const [maria] = employeeOf(S.emails.maria);
		expect(srByEmail(sim, S.emails.john)[0].notes).toEqual([...johnBefore.notes, `Onboarding started: employee ${john.id} created in the HR system, start date 2026-08-01.`]);
		expect(srByEmail(sim, S.emails.maria)[0].notes).toEqual([...mariaBefore.notes, `Onboarding started: employee ${maria.id} created in the HR system, start date 2027-02-01.`]);
		// After the push, SmartRecruiters shows each hire as onboarded.
		const onboardingOf = (applicationId: string) => sim.state.applications.find((application) => application.id === applicationId)?.onboardingStatus;
		expect([onboardingOf(S.applications.johnDataAnalyst), onboardingOf(S.applications.mariaProductDesigner)]).toEqual(['ONBOARDING_SUCCESSFUL', 'ONBOARDING_SUCCESSFUL']);
	});

	it('from cron: a hire without offer or start date is noted on the candidate, not pushed, and not repeated', async () => {
		const args = ['--credentials', credentials, '--state', `${dir}/cron-state.json`];
		const first = await runRecipe(workflow, args);
		expect(first.summary.status).toBe('no-data');
		const [janeBefore] = srByEmail(sim, S.emails.jane);
		const employeesBefore = onboarding.employees.size;

		await setStatus(S.candidates.jane, S.jobs.backendEngineer, { status: 'HIRED' });
		const second = await runRecipe(workflow, args);
		expect(second.failedItems).toEqual([]);
		expect(second.code).toBe(0);
		expect(outputsOf(second, 'Has Start Date?')).toEqual([0, 1]);
		expect(onboarding.employees.size).toBe(employeesBefore);
		// Not pushed, so not marked as onboarded either.
		expect(sim.state.applications.find((application) => application.id === S.applications.janeBackendEngineer)?.onboardingStatus).toBeUndefined();
		expect(srByEmail(sim, S.emails.jane)[0].notes).toEqual([
			...janeBefore.notes,
			'Onboarding not started: this hire has no accepted offer and no start date in SmartRecruiters. Add the offer or the start date, then push the hire again.',
		]);

		const third = await runRecipe(workflow, args);
		expect(third.summary.status).toBe('no-data');
		expect(srByEmail(sim, S.emails.jane)[0].notes).toHaveLength(janeBefore.notes.length + 1);
	});

	it('decides from the application it read, not from the event: a status event for a candidate who is not hired writes nothing', async () => {
		// SmartRecruiters signs the whole delivery, so a changed payload is refused (test/smartrecruiters/trigger.test.ts);
		// the recipe still checks the status it read itself. Here the trigger is misconfigured to pass Interview too.
		// A fresh simulator: events of the tests above must not be delivered when this subscription starts.
		const fresh = await startSmartRecruitersSimulator({ allowInsecureWebhookUrls: true });
		const freshCredentials = writeJson(dir, 'credentials-fresh.json', {
			'SmartRecruiters account': { type: 'smartRecruitersApi', data: { apiKey: S.apiKey, environment: 'custom', customUrl: fresh.baseUrl, allowHttpWebhookUrls: true } },
			'Onboarding API': { type: 'onboardingApi', data: { authType: 'header', headerName: 'Authorization', headerValue: ONBOARDING_TOKEN } },
		});
		const recipe = JSON.parse(readFileSync(workflow, 'utf8'));
		recipe.nodes.find((node: { name: string }) => node.name === 'Hired (Webhook)').parameters.options.onlyStatuses = ['HIRED', 'INTERVIEW'];
		const widened = writeJson(dir, 'hire-widened-trigger.json', recipe);
		const [janeBefore] = srByEmail(fresh, S.emails.jane);
		const employeesBefore = onboarding.employees.size;
		const server = await serveRecipe(widened, ['--credentials', freshCredentials, '--state', `${dir}/widened-state.json`]);
		try {
			await server.waitFor(/"Hired \(Webhook\)" registered its webhook/);
			const [delivery] = await fresh.deliverEvent('application.status.updated', {
				job_id: S.jobs.backendEngineer,
				candidate_id: S.candidates.jane,
				application_id: S.applications.janeBackendEngineer,
			});
			expect(delivery).toMatchObject({ status: 202 });
			await server.waitFor(/run of "Hired in SmartRecruiters → onboarding"/);
		} finally {
			expect(await server.stop()).toBe(0);
			await fresh.close();
		}
		expect(server.stderr().match(/run of "Hired in SmartRecruiters → onboarding"[^\n]*/g)).toEqual([expect.stringMatching(/: success in/)]);
		expect(server.stderr()).toMatch(/not passed on: Hired in SmartRecruiters\? → [^\n]*input item #1/);
		expect(onboarding.employees.size).toBe(employeesBefore);
		expect(srByEmail(fresh, S.emails.jane)).toEqual([janeBefore]);
		const writes = fresh.requests.filter((request) => request.method !== 'GET' && !request.path.includes('/webhooks-api/'));
		expect(writes).toEqual([]);
	});
});
