/**
 * recipes/hire-to-onboarding.lever.json against the Lever and onboarding simulators: served as a webhook (Lever
 * signs and retries deliveries) and run from cron (the poll trigger). The only edit is the onboarding system's URL,
 * the one setting ops people fill in for their HR system.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { LEVER_SEED, startLeverSimulator, type LeverSimulator } from '../simulators/lever';
import { startOnboardingSimulator, type OnboardingSimulator } from '../simulators/onboarding';
import { ensureBuilt, outputsOf, recipeFile, runRecipe, serveRecipe, tempDir, writeJson } from './helpers';
import { hireLever, ONBOARDING_TOKEN } from './inputs';
import { leverView } from './leverState';

const RECIPE = 'hire-to-onboarding.lever.json';
const S = LEVER_SEED;

describe('hire-to-onboarding (Lever)', () => {
	let sim: LeverSimulator;
	let onboarding: OnboardingSimulator;
	let dir: string;
	let credentials: string;
	let workflow: string;

	beforeAll(async () => {
		await ensureBuilt();
		// The served recipe registers a plain-http loopback URL: simulator and credential opt in to that.
		sim = await startLeverSimulator({ webhookRetryDelaysMs: [10, 20, 40, 80, 160], allowInsecureWebhookUrls: true });
		onboarding = await startOnboardingSimulator({ auth: { header: 'authorization', value: ONBOARDING_TOKEN } });
		dir = tempDir('recipe-hire-lever-');
		credentials = writeJson(dir, 'credentials.json', {
			'Lever account': {
				type: 'leverApi',
				data: { apiKey: sim.apiKey, environment: 'custom', customUrl: sim.baseUrl, allowHttpWebhookUrls: true, defaultPerformAs: S.users.recruiter },
			},
			'Onboarding API': { type: 'onboardingApi', data: { authType: 'header', headerName: 'Authorization', headerValue: ONBOARDING_TOKEN } },
		});
		const recipe = JSON.parse(readFileSync(recipeFile(RECIPE), 'utf8'));
		const push = recipe.nodes.find((node: { name: string }) => node.name === 'Onboarding Push');
		expect(push.parameters.url).toBe('https://hris.example.com/api/employees');
		push.parameters.url = onboarding.url;
		workflow = writeJson(dir, 'hire-to-onboarding.lever.json', recipe);
	});
	afterAll(async () => {
		await sim?.close();
		await onboarding?.close();
	});

	const notesOf = (opportunityId: string) => leverView(sim).find((view) => view.id === opportunityId)!.notes;
	const employees = () => [...onboarding.employees.values()].map((employee) => ({ key: employee.idempotencyKey, ...employee.record }));

	it('served as a webhook: a Lever hire becomes one employee from the signed offer with its profile-form fields, and the candidate gets a note', async () => {
		const notesBefore = notesOf(S.opportunities.alanHired);
		const server = await serveRecipe(workflow, ['--credentials', credentials, '--state', `${dir}/serve-state.json`]);
		try {
			await server.waitFor(/"Hired \(Webhook\)" registered its webhook/);
			const { hired } = hireLever;
			const [delivery] = await sim.sendWebhook('candidateHired', hired);
			expect(delivery).toMatchObject({ status: 200, attempts: 1 });
			await server.waitFor(/run of "Hired in Lever → onboarding"/);
			// Someone re-sends the hire (a new delivery): the push is idempotent, so no second employee and no second note.
			await sim.sendWebhook('candidateHired', hired);
			await server.waitFor(/run of "Hired in Lever → onboarding"/, 2);
		} finally {
			expect(await server.stop()).toBe(0);
		}
		expect(server.stderr().match(/run of "Hired in Lever → onboarding"[^\n]*/g)).toEqual([
			expect.stringMatching(/: success in/),
			expect.stringMatching(/: success in/),
		]);
		expect(employees()).toEqual([
			{
				key: S.opportunities.alanHired,
				atsSource: 'lever',
				atsCandidateId: S.opportunities.alanHired,
				firstName: 'Alan',
				lastName: 'Turing',
				email: S.contactEmails.alan,
				// From the signed offer, not the older denied one (160000).
				jobTitle: S.alanOffer.jobTitle,
				startDate: new Date(S.alanOffer.anticipatedStartDate).toISOString().slice(0, 10),
				salary: { amount: S.alanOffer.salaryAmount, currency: 'USD', interval: 'year' },
				department: 'Engineering',
				location: 'Berlin',
				// Alan came in as a referral (origin "referred", source "Referral").
				referral: 'Referral',
				// His profile form and referral, carried by the Employee Record's custom fields.
				customFields: { tShirtSize: S.alanForm.tShirtSize, startLocation: S.alanForm.startLocation, referrer: S.alanReferrer },
			},
		]);
		const [employee] = onboarding.employees.values();
		expect(notesOf(S.opportunities.alanHired)).toEqual([
			...notesBefore,
			`Onboarding started: employee ${employee.id} created in the HR system, start date ${new Date(S.alanOffer.anticipatedStartDate).toISOString().slice(0, 10)}.`,
		]);
	});

	it('from cron: new hires since the last run, with or without an offer, each handled once', async () => {
		const args = ['--credentials', credentials, '--state', `${dir}/cron-state.json`];
		const first = await runRecipe(workflow, args);
		expect(first.summary.status).toBe('no-data');
		expect(first.code).toBe(0);

		// Ada's backend candidacy gets a signed offer and is hired; a new candidate is hired without any offer.
		sim.state.offers.push({
			id: randomUUID(),
			opportunityId: S.opportunities.adaBackend,
			createdAt: Date.now(),
			status: 'signed',
			creator: S.users.recruiter,
			fields: [
				{ text: 'Job title', identifier: 'job_title', value: 'Staff Backend Engineer' },
				{ text: 'Anticipated start date', identifier: 'anticipated_start_date', value: Date.UTC(2027, 0, 11) },
				{ text: 'Salary', identifier: 'salary_amount', value: 150000 },
				{ text: 'Compensation currency', identifier: 'compensation_currency', value: 'EUR' },
				{ text: 'Salary interval', identifier: 'salary_interval', value: 'per-year-salary' },
			],
			signatures: {},
			sentDocument: null,
			signedDocument: null,
			approvedAt: null,
			sentAt: null,
		});
		const api = (method: string, path: string, body?: object) =>
			fetch(`${sim.baseUrl}${path}`, {
				method,
				headers: { authorization: `Basic ${Buffer.from(`${sim.apiKey}:`).toString('base64')}`, 'content-type': 'application/json' },
				body: body && JSON.stringify(body),
			}).then(async (response) => ({ status: response.status, body: (await response.json()) as { data: { id: string } } }));
		const created = await api('POST', `/opportunities?perform_as=${S.users.recruiter}`, {
			name: 'Noor Nooffer',
			emails: ['noor.nooffer@example.com'],
			postings: [S.postings.published],
		});
		expect(created.status).toBe(201);
		const noor = created.body.data.id;
		for (const id of [S.opportunities.adaBackend, noor]) {
			expect((await api('PUT', `/opportunities/${id}/archived?perform_as=${S.users.recruiter}`, { reason: S.archiveReasons.hired })).status).toBe(200);
		}
		// The HR system is briefly down: the push retries with the same idempotency key.
		onboarding.failNext(1, 503);
		const adaNotes = notesOf(S.opportunities.adaBackend);

		const second = await runRecipe(workflow, args);
		expect(second.failedItems).toEqual([]);
		expect(second.code).toBe(0);
		expect(outputsOf(second, 'Has Offer?')).toEqual([1, 1]);
		expect(employees().filter((employee) => employee.key !== S.opportunities.alanHired)).toEqual([
			{
				key: S.opportunities.adaBackend,
				atsSource: 'lever',
				atsCandidateId: S.opportunities.adaBackend,
				firstName: 'Ada',
				lastName: 'Lovelace',
				email: S.contactEmails.ada,
				jobTitle: 'Staff Backend Engineer',
				startDate: '2027-01-11',
				salary: { amount: 150000, currency: 'EUR', interval: 'year' },
				department: 'Engineering',
				location: 'Berlin',
			},
		]);
		const ada = [...onboarding.employees.values()].find((employee) => employee.idempotencyKey === S.opportunities.adaBackend)!;
		expect(notesOf(S.opportunities.adaBackend)).toEqual([...adaNotes, `Onboarding started: employee ${ada.id} created in the HR system, start date 2027-01-11.`]);
		expect(notesOf(noor)).toEqual([
			'Onboarding not started: this hire has no offer in Lever, so the start date and salary are missing. Add the offer, then push the hire again.',
		]);

		const third = await runRecipe(workflow, args);
		expect(third.summary.status).toBe('no-data');
		expect(onboarding.employees.size).toBe(2);
		expect(notesOf(noor)).toHaveLength(1);
	});

	it('from cron, a backlog over "Max Records per Poll": one run handles it in saved batches, each hire once', async () => {
		const recipe = JSON.parse(readFileSync(workflow, 'utf8'));
		recipe.nodes.find((node: { name: string }) => node.name === 'Hired (Schedule)').parameters.options = { maxRecordsPerPoll: 2 };
		const capped = writeJson(dir, 'capped.json', recipe);
		const args = ['--credentials', credentials, '--state', `${dir}/capped-state.json`];
		expect((await runRecipe(capped, args)).summary.status).toBe('no-data');
		const auth = { authorization: `Basic ${Buffer.from(`${sim.apiKey}:`).toString('base64')}`, 'content-type': 'application/json' };
		const hires: string[] = [];
		for (let i = 0; i < 5; i++) {
			const created = await fetch(`${sim.baseUrl}/opportunities?perform_as=${S.users.recruiter}`, {
				method: 'POST',
				headers: auth,
				body: JSON.stringify({ name: `Backlog Hire${i}`, emails: [`backlog.hire${i}@example.com`], postings: [S.postings.published] }),
			});
			const id = ((await created.json()) as { data: { id: string } }).data.id;
			await fetch(`${sim.baseUrl}/opportunities/${id}/archived?perform_as=${S.users.recruiter}`, { method: 'PUT', headers: auth, body: JSON.stringify({ reason: S.archiveReasons.hired }) });
			hires.push(id);
		}
		const requestsBefore = sim.requests.length;

		const run = await runRecipe(capped, args);
		expect(run.code).toBe(0);
		expect(run.summary).toMatchObject({ status: 'success', batches: 3 });
		expect(outputsOf(run, 'Has Offer?')).toEqual([0, 5]);
		// Each hire was handed to the workflow once (one read of it) and noted once.
		const reads = (id: string) => sim.requests.slice(requestsBefore).filter((request) => request.method === 'GET' && request.path === `/v1/opportunities/${id}`).length;
		expect(hires.map(reads)).toEqual([1, 1, 1, 1, 1]);
		expect(hires.map((id) => notesOf(id).length)).toEqual([1, 1, 1, 1, 1]);
		expect((await runRecipe(capped, args)).summary.status).toBe('no-data');
	});

	it('decides from what Lever says, not from the unsigned data of a delivery: a hire event naming a candidate who is not hired writes nothing', async () => {
		const candidates = [S.opportunities.adaData, S.opportunities.graceArchived];
		const notesBefore = candidates.map(notesOf);
		const employeesBefore = employees();
		const requestsBefore = sim.requests.length;
		const server = await serveRecipe(workflow, ['--credentials', credentials, '--state', `${dir}/tampered-state.json`]);
		try {
			await server.waitFor(/"Hired \(Webhook\)" registered its webhook/);
			// Lever's signature covers token + triggeredAt only: these deliveries carry a valid signature, as a genuine
			// envelope with its data replaced would. One names an active candidate, one a candidate archived as rejected.
			// serve keeps webhooks registered when it stops, so the earlier test's server (gone now) is still registered
			// too: this server's delivery is the one to its own URL.
			for (const opportunityId of candidates) {
				const deliveries = await sim.sendWebhook('candidateHired', { ...hireLever.hired, opportunityId, candidateId: opportunityId });
				const delivery = deliveries.find(({ url }) => url === server.urlOf('Hired (Webhook)'));
				expect(delivery).toMatchObject({ status: 200, attempts: 1 });
			}
			await server.waitFor(/run of "Hired in Lever → onboarding"/, 2);
		} finally {
			expect(await server.stop()).toBe(0);
		}
		// Both runs started (the signature was valid), read the opportunity and its archive reason from Lever, and
		// stopped there: a skip with its reason in the summary, not a failure.
		expect(server.stderr().match(/run of "Hired in Lever → onboarding"[^\n]*/g)).toEqual([expect.stringMatching(/: success in/), expect.stringMatching(/: success in/)]);
		expect(server.stderr().match(/not passed on: Hired in Lever\? → [^\n]*/g)).toEqual([
			expect.stringMatching(/input item #1/),
			expect.stringMatching(/input item #1/),
		]);
		expect(employees()).toEqual(employeesBefore);
		expect(candidates.map(notesOf)).toEqual(notesBefore);
		const writes = sim.requests.slice(requestsBefore).filter((request) => request.method !== 'GET' && !request.path.startsWith('/v1/webhooks'));
		expect(writes).toEqual([]);
		expect(sim.requests.slice(requestsBefore).filter((request) => request.path.startsWith('/v1/archive_reasons/')).map((request) => request.path)).toEqual([
			`/v1/archive_reasons/${S.archiveReasons.withdrew}`,
		]);
	});
});
