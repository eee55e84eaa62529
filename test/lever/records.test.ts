/**
 * The Lever node's operations on records of an opportunity and of the account: notes, files, resumes, offer
 * documents, feedback, feedback templates, profile forms, referrals, contacts and webhooks, through n8n's engine.
 */
import { randomUUID } from 'node:crypto';

import { startLeverSimulator, type LeverSimulator } from '../simulators/lever';
import { apiCalls, apiKeyCredentials, byId, runLever } from './helpers';

let sim: LeverSimulator;
beforeAll(async () => {
	sim = await startLeverSimulator({ rateLimit: false });
});
afterAll(async () => await sim.close());
beforeEach(() => sim.reset());

const S = () => sim.seed;
const ada = () => byId(S().opportunities.adaBackend);
const alan = () => byId(S().opportunities.alanHired);
const recruiter = () => byId(S().users.recruiter);
const fileText = (item: { binary?: Record<string, { data: string }> }, field = 'data') =>
	Buffer.from(item.binary![field].data, 'base64').toString('utf8');

describe('notes', () => {
	it('lists, gets and deletes notes; only notes created through the API can be deleted', async () => {
		const listed = await runLever(sim, {
			resource: 'note',
			operation: 'getMany',
			opportunity: ada(),
			returnAll: true,
		});
		expect(listed.json.map((note) => note.id)).toEqual([S().notes.adaIntro]);
		const one = await runLever(sim, {
			resource: 'note',
			operation: 'get',
			opportunity: ada(),
			note: byId(S().notes.adaIntro),
		});
		expect(one.json[0]).toMatchObject({
			id: S().notes.adaIntro,
			fields: [{ value: 'Strong async messaging background; open to Berlin.' }],
		});
		expect(one.json[0].createdViaApi).toBeUndefined();

		const added = await runLever(sim, {
			resource: 'opportunity',
			operation: 'addNote',
			opportunity: ada(),
			note: 'Temporary',
		});
		const deleted = await runLever(sim, {
			resource: 'note',
			operation: 'delete',
			opportunity: ada(),
			note: byId(added.json[0].id as string),
		});
		expect(deleted.json).toEqual([
			{ id: added.json[0].id, opportunityId: S().opportunities.adaBackend, deleted: true },
		]);
		expect(sim.state.notes.find((note) => note.id === added.json[0].id)?.deletedAt).toEqual(
			expect.any(Number),
		);

		const refused = await runLever(sim, {
			resource: 'note',
			operation: 'delete',
			opportunity: ada(),
			note: byId(S().notes.adaIntro),
		});
		expect(refused.error?.message).toMatch(
			/^Lever rejected the request \(400 BadRequest: Note .* was not created through the API/,
		);
	});

	it('with "Continue on Fail" a refused delete becomes an error item, paired with its input, and the next item goes on', async () => {
		const added = await runLever(sim, {
			resource: 'opportunity',
			operation: 'addNote',
			opportunity: ada(),
			note: 'Temporary',
		});
		const { outputs } = await runLever(
			sim,
			{
				resource: 'note',
				operation: 'delete',
				opportunity: ada(),
				note: byId('={{ $json.note }}'),
			},
			{
				input: [{ note: S().notes.adaIntro }, { note: added.json[0].id as string }],
				continueOnFail: true,
			},
		);
		expect(outputs[0].map((item) => [item.pairedItem, item.json])).toEqual([
			[
				{ item: 0 },
				{
					error: expect.stringMatching(
						/^Lever rejected the request \(400 BadRequest: Note .* was not created through the API.*\(opportunity /,
					),
					details: {
						node: 'Node',
						description: expect.stringMatching(/^Lever answered DELETE/),
						httpCode: '400',
					},
				},
			],
			[
				{ item: 1 },
				{ id: added.json[0].id, opportunityId: S().opportunities.adaBackend, deleted: true },
			],
		]);
	});

	it('names the note Lever could not find, and an empty opportunity', async () => {
		const missing = randomUUID();
		const unknown = await runLever(sim, {
			resource: 'note',
			operation: 'get',
			opportunity: ada(),
			note: byId(missing),
		});
		expect(unknown.error?.message).toBe(
			`Lever could not find the "Note" given (404 ResourceNotFound: notes ${missing} was not found) (opportunity ${S().opportunities.adaBackend})`,
		);
		const empty = await runLever(sim, {
			resource: 'note',
			operation: 'getMany',
			opportunity: byId('={{ $json.missing }}'),
			returnAll: true,
		});
		expect(empty.error?.message).toBe('"Opportunity" is empty');
	});
});

describe('files and resumes', () => {
	it('lists files with a date filter, gets one and downloads it as binary with its name and content type', async () => {
		const all = await runLever(sim, {
			resource: 'file',
			operation: 'getMany',
			opportunity: ada(),
			returnAll: true,
		});
		expect(all.json.map((file) => file.name)).toEqual(['portfolio.pdf', 'scan.pdf']);
		const none = await runLever(sim, {
			resource: 'file',
			operation: 'getMany',
			opportunity: ada(),
			returnAll: true,
			filters: { uploadedSince: '2030-01-01' },
		});
		expect(none.json).toEqual([]);
		const one = await runLever(sim, {
			resource: 'file',
			operation: 'get',
			opportunity: ada(),
			file: byId(S().files.adaPortfolio),
		});
		expect(one.json[0]).toMatchObject({ name: 'portfolio.pdf', status: 'processed' });

		const { outputs } = await runLever(sim, {
			resource: 'file',
			operation: 'download',
			opportunity: ada(),
			file: byId(S().files.adaPortfolio),
			binaryPropertyName: 'portfolio',
		});
		const [item] = outputs[0];
		expect(item.json).toEqual({
			id: S().files.adaPortfolio,
			opportunityId: S().opportunities.adaBackend,
			fileName: 'portfolio.pdf',
			mimeType: 'application/pdf',
			fileSize: 37,
		});
		expect(item.binary?.portfolio).toMatchObject({
			fileName: 'portfolio.pdf',
			mimeType: 'application/pdf',
		});
		expect(fileText(item as never, 'portfolio')).toBe('%PDF-1.4\n% Ada portfolio (simulator)\n');
	});

	it("reports a file Lever could not process (422) with Lever's words", async () => {
		const { error } = await runLever(sim, {
			resource: 'file',
			operation: 'download',
			opportunity: ada(),
			file: byId(S().files.adaBroken),
		});
		expect(error?.message).toBe(
			`Lever rejected the request (422 UnprocessableEntity: The file could not be processed and cannot be downloaded.) (opportunity ${S().opportunities.adaBackend})`,
		);
	});

	it('deletes a file only with a Perform As user', async () => {
		const without = await runLever(sim, {
			resource: 'file',
			operation: 'delete',
			opportunity: ada(),
			file: byId(S().files.adaPortfolio),
		});
		expect(without.error?.message).toMatch(
			/^Lever needs a user to act as to upload or delete a file: "Perform As" is empty/,
		);
		const deleted = await runLever(sim, {
			resource: 'file',
			operation: 'delete',
			opportunity: ada(),
			file: byId(S().files.adaPortfolio),
			performAs: recruiter(),
		});
		expect(deleted.json).toEqual([
			{ id: S().files.adaPortfolio, opportunityId: S().opportunities.adaBackend, deleted: true },
		]);
		expect(sim.state.files.map((file) => file.id)).toEqual([S().files.adaBroken]);
		const again = await runLever(sim, {
			resource: 'file',
			operation: 'get',
			opportunity: ada(),
			file: byId(S().files.adaPortfolio),
		});
		expect(again.error?.message).toMatch(
			/^Lever could not find the "File" given \(404 ResourceNotFound/,
		);
	});

	it('lists, gets and downloads resumes; an unknown one is named', async () => {
		const listed = await runLever(sim, {
			resource: 'resume',
			operation: 'getMany',
			opportunity: ada(),
			returnAll: true,
			filters: { uploadedSince: '2020-01-01' },
		});
		expect(listed.json.map((resume) => resume.id)).toEqual([S().resumes.adaBackend]);
		const one = await runLever(sim, {
			resource: 'resume',
			operation: 'get',
			opportunity: ada(),
			resume: byId(S().resumes.adaBackend),
		});
		expect((one.json[0].parsedData as { positions: unknown[] }).positions).toHaveLength(1);
		const { outputs } = await runLever(sim, {
			resource: 'resume',
			operation: 'download',
			opportunity: ada(),
			resume: byId(S().resumes.adaBackend),
		});
		expect(outputs[0][0].binary?.data).toMatchObject({
			fileName: 'ada-lovelace-cv.pdf',
			mimeType: 'application/pdf',
		});
		const bad = await runLever(sim, {
			resource: 'resume',
			operation: 'download',
			opportunity: ada(),
			resume: byId(S().files.adaPortfolio),
		});
		expect(bad.error?.message).toMatch(
			/^Lever could not find the "Resume" given \(404 ResourceNotFound: resumes /,
		);
		const badDate = await runLever(sim, {
			resource: 'resume',
			operation: 'getMany',
			opportunity: ada(),
			returnAll: true,
			filters: { uploadedSince: 'soon' },
		});
		expect(badDate.error?.message).toMatch(/^"Uploaded Since" is not a date: soon/);
	});

	it('downloads the signed or the sent offer letter; an offer without one is named', async () => {
		const signed = await runLever(sim, {
			resource: 'offer',
			operation: 'download',
			opportunity: alan(),
			offer: byId(S().offers.alanSigned),
		});
		expect(signed.outputs[0][0].binary?.data).toMatchObject({
			fileName: 'offer-alan-turing-signed.pdf',
			mimeType: 'application/pdf',
		});
		const sent = await runLever(sim, {
			resource: 'offer',
			operation: 'download',
			opportunity: alan(),
			offer: byId(S().offers.alanSigned),
			document: 'sent',
		});
		expect(sent.outputs[0][0].binary?.data.fileName).toBe('offer-alan-turing.pdf');
		expect(
			sim.requests
				.filter((request) => request.path.endsWith('/download'))
				.map((request) => request.query),
		).toEqual([{}, { status: 'sent' }]);
		const denied = await runLever(sim, {
			resource: 'offer',
			operation: 'download',
			opportunity: alan(),
			offer: byId(S().offers.alanDenied),
		});
		expect(denied.error?.message).toMatch(
			/^Lever could not find the "Offer" given \(404 ResourceNotFound: offer documents /,
		);
	});
});

describe('feedback and feedback templates', () => {
	const feedback = () => byId(S().feedback.adaPhoneScreen);

	it('gets, updates and deletes feedback as the Perform As user', async () => {
		const one = await runLever(sim, {
			resource: 'feedback',
			operation: 'get',
			opportunity: ada(),
			feedback: feedback(),
		});
		expect(one.json[0]).toMatchObject({
			id: S().feedback.adaPhoneScreen,
			baseTemplateId: S().feedbackTemplate,
		});

		const fields = S().feedbackTemplateFields;
		const updated = await runLever(sim, {
			resource: 'feedback',
			operation: 'update',
			opportunity: ada(),
			feedback: feedback(),
			fieldValues: {
				field: [
					{ id: fields.technicalScore, value: '4' },
					{ id: fields.comments, value: 'Even better on reflection' },
				],
			},
			performAs: byId(S().users.interviewer),
			options: { completedAt: '2026-02-01T10:00:00Z' },
		});
		expect(updated.error).toBeUndefined();
		const stored = sim.state.feedback.find((entry) => entry.id === S().feedback.adaPhoneScreen)!;
		expect(stored.fields.find((field) => field.id === fields.technicalScore)?.value).toBe(4);
		expect(stored.completedAt).toBe(Date.parse('2026-02-01T10:00:00Z'));

		const deleted = await runLever(sim, {
			resource: 'feedback',
			operation: 'delete',
			opportunity: ada(),
			feedback: feedback(),
			performAs: byId(S().users.interviewer),
		});
		expect(deleted.json).toEqual([
			{
				id: S().feedback.adaPhoneScreen,
				opportunityId: S().opportunities.adaBackend,
				deleted: true,
			},
		]);
		expect(
			(
				await runLever(sim, {
					resource: 'feedback',
					operation: 'getMany',
					opportunity: ada(),
					returnAll: true,
				})
			).json,
		).toEqual([]);
	});

	it("refuses a change without Perform As, an empty change, and an answer the template's field refuses", async () => {
		const withoutUser = await runLever(sim, {
			resource: 'feedback',
			operation: 'delete',
			opportunity: ada(),
			feedback: feedback(),
		});
		expect(withoutUser.error?.message).toMatch(
			/^Lever needs a user to act as to submit feedback: "Perform As" is empty/,
		);
		const empty = await runLever(sim, {
			resource: 'feedback',
			operation: 'update',
			opportunity: ada(),
			feedback: feedback(),
			performAs: recruiter(),
		});
		expect(empty.error?.message).toMatch(/^"Field Values" is empty/);
		const invalid = await runLever(sim, {
			resource: 'feedback',
			operation: 'update',
			opportunity: ada(),
			feedback: feedback(),
			fieldValues: { field: [{ id: S().feedbackTemplateFields.technicalScore, value: '7' }] },
			performAs: recruiter(),
		});
		expect(invalid.error?.message).toMatch(
			/^Lever rejected the request \(400 BadRequest: Invalid value for field .*"Technical depth", type score\): expected an integer from 1 to 4\)/,
		);
		const missing = await runLever(sim, {
			resource: 'feedback',
			operation: 'get',
			opportunity: ada(),
			feedback: byId(S().notes.adaIntro),
		});
		expect(missing.error?.message).toMatch(/^Lever could not find the "Feedback" given/);
	});

	it('lists and gets feedback templates; a Limit Lever refuses is named', async () => {
		const listed = await runLever(sim, {
			resource: 'feedbackTemplate',
			operation: 'getMany',
			returnAll: false,
			limit: 10,
		});
		expect(listed.json.map((template) => template.id)).toEqual([S().feedbackTemplate]);
		const one = await runLever(sim, {
			resource: 'feedbackTemplate',
			operation: 'get',
			feedbackTemplate: byId(S().feedbackTemplate),
		});
		expect((one.json[0].fields as unknown[]).length).toBe(6);
		const unknown = await runLever(sim, {
			resource: 'feedbackTemplate',
			operation: 'get',
			feedbackTemplate: byId('no-such-template'),
		});
		expect(unknown.error?.message).toBe(
			'Lever could not find the "Feedback Template" given (404 ResourceNotFound: feedback_templates no-such-template was not found)',
		);
		const zero = await runLever(sim, {
			resource: 'feedbackTemplate',
			operation: 'getMany',
			returnAll: false,
			limit: 0,
		});
		expect(zero.error?.message).toBe(
			'Lever rejected the "Limit" field (400 BadRequest: Invalid limit: 0. limit must be an integer between 1 and 100)',
		);
	});
});

describe('profile forms and referrals', () => {
	it("adds the opportunity's custom fields by name to the item, newest form first", async () => {
		const { json } = await runLever(
			sim,
			{
				resource: 'profileForm',
				operation: 'getMany',
				opportunity: alan(),
				returnAll: true,
				output: 'addToInput',
			},
			{ input: [{ id: 'x' }] },
		);
		expect(json).toEqual([
			expect.objectContaining({
				id: 'x',
				profileForms: [expect.objectContaining({ id: S().forms.alanOnboarding })],
				customFields: expect.objectContaining({
					'T-shirt size': 'L',
					'Start location': 'Berlin HQ',
					Laptop: 'ThinkPad',
				}),
			}),
		]);
		const none = await runLever(sim, {
			resource: 'profileForm',
			operation: 'getMany',
			opportunity: ada(),
			returnAll: true,
			output: 'addToInput',
		});
		expect(none.json).toEqual([{ profileForms: [], customFields: {} }]);
		const each = await runLever(sim, {
			resource: 'profileForm',
			operation: 'getMany',
			opportunity: alan(),
			returnAll: true,
		});
		expect(each.json.map((form) => form.id)).toEqual([S().forms.alanOnboarding]);
	});

	it('fills in a profile form: values typed as the template wants, fields picked by ID or name', async () => {
		const ff = S().formFields;
		const { json, error } = await runLever(sim, {
			resource: 'profileForm',
			operation: 'create',
			opportunity: ada(),
			template: S().formTemplate,
			fieldValues: {
				field: [
					{ id: ff.startDate, value: '2027-02-01' },
					{ id: 'T-shirt size', value: 'm' },
					{ id: ff.signingBonus, value: '2,500' },
				],
			},
		});
		expect(error).toBeUndefined();
		const values = Object.fromEntries(
			(json[0].fields as Array<{ id: string; value: unknown }>).map((field) => [
				field.id,
				field.value,
			]),
		);
		expect(values).toEqual({
			[ff.preferredName]: null,
			[ff.startDate]: Date.UTC(2027, 1, 1),
			[ff.laptop]: null,
			[ff.signingBonus]: 2500,
			[ff.tShirtSize]: 'M',
			[ff.startLocation]: null,
		});
		const got = await runLever(sim, {
			resource: 'profileForm',
			operation: 'get',
			opportunity: ada(),
			profileForm: byId(json[0].id as string),
		});
		expect(got.json[0].id).toBe(json[0].id);
	});

	it('refuses a field the template does not have, a required one left empty, and an option it does not offer', async () => {
		const base = {
			resource: 'profileForm',
			operation: 'create',
			opportunity: ada(),
			template: S().formTemplate,
		};
		const unknown = await runLever(sim, {
			...base,
			fieldValues: { field: [{ id: 'Shoe size', value: '44' }] },
		});
		expect(unknown.error?.message).toMatch(
			/^"Field Values": "Shoe size" is not a field of the profile form "Onboarding details"/,
		);
		const required = await runLever(sim, {
			...base,
			fieldValues: { field: [{ id: 'T-shirt size', value: 'S' }] },
		});
		expect(required.error?.message).toMatch(
			/^"Field Values": "Confirmed start date" is required by the profile form "Onboarding details"/,
		);
		const option = await runLever(sim, {
			...base,
			fieldValues: { field: [{ id: 'T-shirt size', value: 'XXXL' }] },
		});
		expect(option.error?.message).toMatch(
			/^"Field Values": "T-shirt size" expects one of "XS", "S"/,
		);
		expect(
			sim.state.forms.filter((form) => form.opportunityId === S().opportunities.adaBackend),
		).toEqual([]);
	});

	it('adds the newest referral to the item, and gets one; an unknown one is named', async () => {
		const { json } = await runLever(sim, {
			resource: 'referral',
			operation: 'getMany',
			opportunity: alan(),
			returnAll: true,
			output: 'addToInput',
		});
		expect(json[0].referral).toEqual({
			id: S().referrals.alan,
			referrer: S().users.interviewer,
			'Name of referrer': S().alanReferrer,
			Relationship: 'Former colleague',
		});
		const none = await runLever(sim, {
			resource: 'referral',
			operation: 'getMany',
			opportunity: ada(),
			returnAll: true,
			output: 'addToInput',
		});
		expect(none.json[0]).toEqual({ referrals: [], referral: null });
		const one = await runLever(sim, {
			resource: 'referral',
			operation: 'get',
			opportunity: alan(),
			referral: byId(S().referrals.alan),
		});
		expect(one.json[0].type).toBe('referral');
		const unknown = await runLever(sim, {
			resource: 'referral',
			operation: 'get',
			opportunity: ada(),
			referral: byId(S().referrals.alan),
		});
		expect(unknown.error?.message).toMatch(/^Lever could not find the "Referral" given/);
	});
});

describe('contacts', () => {
	const contact = () => byId(S().contacts.ada);

	it('gets a contact and updates it: emails and phones added by default, replaced on request', async () => {
		const one = await runLever(sim, { resource: 'contact', operation: 'get', contact: contact() });
		expect(one.json[0]).toMatchObject({ name: 'Ada Lovelace', location: { name: 'London' } });
		const added = await runLever(sim, {
			resource: 'contact',
			operation: 'update',
			contact: contact(),
			updateFields: {
				headline: 'Countess',
				emails: 'ada@new.example',
				phones: { phone: [{ value: '+44 20 7946 0999', type: 'work' }] },
			},
		});
		expect(added.error).toBeUndefined();
		const stored = () => sim.state.contacts.find((entry) => entry.id === S().contacts.ada)!;
		expect(stored()).toMatchObject({
			name: 'Ada Lovelace',
			headline: 'Countess',
			location: 'London',
			emails: [S().contactEmails.ada, 'ada@analytical.example', 'ada@new.example'],
		});
		expect(stored().phones).toHaveLength(2);
		await runLever(sim, {
			resource: 'contact',
			operation: 'update',
			contact: contact(),
			updateFields: { emails: 'only@ada.example' },
			listMode: 'replace',
		});
		expect(stored().emails).toEqual(['only@ada.example']);
		expect(stored().phones).toHaveLength(2);
	});

	it('refuses an empty update and names the field Lever refuses', async () => {
		const empty = await runLever(sim, {
			resource: 'contact',
			operation: 'update',
			contact: contact(),
		});
		expect(empty.error?.message).toMatch(/^"Update Fields" is empty/);
		const invalid = await runLever(sim, {
			resource: 'contact',
			operation: 'update',
			contact: contact(),
			updateFields: { emails: 'not-an-email' },
		});
		expect(invalid.error?.message).toMatch(/^Lever rejected the "Emails" field \(400 BadRequest: /);
		const unknown = await runLever(sim, {
			resource: 'contact',
			operation: 'get',
			contact: byId('no-such-contact'),
		});
		expect(unknown.error?.message).toMatch(/^Lever could not find the "Contact" given/);
	});
});

describe('webhooks', () => {
	const https = 'https://hooks.example.com/lever';

	it('creates (signature token in the output), lists and deletes webhooks', async () => {
		const created = await runLever(sim, {
			resource: 'webhook',
			operation: 'create',
			url: https,
			event: 'candidateHired',
			origins: ['referred'],
		});
		expect(created.json[0]).toMatchObject({
			url: https,
			event: 'candidateHired',
			configuration: {
				conditions: { origins: ['referred'] },
				signatureToken: expect.stringMatching(/^[0-9a-f]{48}$/),
			},
		});
		const listed = await runLever(sim, {
			resource: 'webhook',
			operation: 'getMany',
			returnAll: true,
		});
		expect(listed.json).toEqual([expect.objectContaining({ id: created.json[0].id, url: https })]);
		expect(JSON.stringify(listed.json)).not.toContain('signatureToken');
		const deleted = await runLever(sim, {
			resource: 'webhook',
			operation: 'delete',
			webhook: byId(created.json[0].id as string),
		});
		expect(deleted.json).toEqual([{ id: created.json[0].id, deleted: true }]);
		expect(sim.state.webhooks).toEqual([]);
	});

	it('refuses a plain-http URL before anything is registered, like the trigger', async () => {
		const { error } = await runLever(sim, {
			resource: 'webhook',
			operation: 'create',
			url: 'http://hooks.example.com/lever',
			event: 'candidateHired',
		});
		expect(error?.message).toMatch(/^Lever only delivers to https URLs/);
		expect(apiCalls(sim)).toEqual([]);
		const allowed = await runLever(
			sim,
			{
				resource: 'webhook',
				operation: 'create',
				url: 'http://127.0.0.1:9/hook',
				event: 'contactCreated',
			},
			{ credentials: apiKeyCredentials(sim, { allowHttpWebhookUrls: true }) },
		);
		// The credential may opt in for a test server, but the simulator, like Lever, still refuses plain http.
		expect(allowed.error?.message).toMatch(
			/^Lever rejected the "URL" field \(400 BadRequest: Invalid value for field "url": Lever only supports HTTPS endpoints\)/,
		);
		const unknown = await runLever(sim, {
			resource: 'webhook',
			operation: 'delete',
			webhook: byId('no-such-webhook'),
		});
		expect(unknown.error?.message).toMatch(/^Lever could not find the "Webhook" given/);
	});
});
