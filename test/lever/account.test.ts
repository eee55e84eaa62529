/** Account records written through n8n's engine: postings, requisitions and their fields, and Lever users. */
import { startLeverSimulator, type LeverSimulator } from '../simulators/lever';
import { apiCalls, apiKeyCredentials, byId, runLever } from './helpers';

let sim: LeverSimulator;
beforeAll(async () => {
	sim = await startLeverSimulator({ rateLimit: false });
});
afterAll(async () => await sim.close());
beforeEach(() => sim.reset());

const S = () => sim.seed;
const recruiter = () => byId(S().users.recruiter);

describe('postings', () => {
	it('creates a draft posting with categories, content and salary, and updates part of it', async () => {
		const created = await runLever(sim, {
			resource: 'posting',
			operation: 'create',
			text: 'Data Engineer',
			performAs: recruiter(),
			additionalFields: {
				team: 'Data',
				location: 'Remote',
				descriptionHtml: '<p>Build <b>pipelines</b></p>',
				closingHtml: '<p>Apply now</p>',
				lists: { list: [{ text: 'You have', content: '<li>SQL</li>' }] },
				salaryMin: 90000,
				salaryMax: 120000,
				salaryCurrency: 'EUR',
				salaryInterval: 'per-year-salary',
				tags: 'data, remote',
				hiringManager: S().users.hiringManager,
			},
		});
		expect(created.error).toBeUndefined();
		const posting = created.json[0];
		expect(posting).toMatchObject({
			text: 'Data Engineer',
			state: 'draft',
			user: S().users.recruiter,
			hiringManager: S().users.hiringManager,
			categories: { team: 'Data', location: 'Remote' },
			content: {
				descriptionHtml: '<p>Build <b>pipelines</b></p>',
				closingHtml: '<p>Apply now</p>',
				lists: [{ text: 'You have', content: '<li>SQL</li>' }],
			},
			salaryRange: { min: 90000, max: 120000, currency: 'EUR', interval: 'per-year-salary' },
			tags: ['data', 'remote'],
		});

		const updated = await runLever(sim, {
			resource: 'posting',
			operation: 'update',
			posting: byId(posting.id as string),
			performAs: recruiter(),
			updateFields: { state: 'published', department: 'Engineering', salaryMax: 130000 },
		});
		// Nested objects were merged with what Lever had: team, location and the rest of the salary range stay.
		expect(updated.json[0]).toMatchObject({
			state: 'published',
			categories: { team: 'Data', location: 'Remote', department: 'Engineering' },
			salaryRange: { min: 90000, max: 130000, currency: 'EUR' },
			content: { descriptionHtml: '<p>Build <b>pipelines</b></p>' },
		});
	});

	it("refuses HTML outside the allow-list with Lever's words, a reversed salary range, and a missing Perform As", async () => {
		const script = await runLever(sim, {
			resource: 'posting',
			operation: 'create',
			text: 'X',
			performAs: recruiter(),
			additionalFields: { descriptionHtml: '<script>x</script>' },
		});
		expect(script.error?.message).toMatch(
			/^Lever rejected the "Description \(HTML\)" field \(400 BadRequest: Invalid value for field "content\.descriptionHtml": the tag <script> is not allowed\)/,
		);
		const range = await runLever(sim, {
			resource: 'posting',
			operation: 'create',
			text: 'X',
			performAs: recruiter(),
			additionalFields: { salaryMin: 5, salaryMax: 1, salaryCurrency: 'EUR' },
		});
		expect(range.error?.message).toMatch(/^"Salary Minimum" is above "Salary Maximum"/);
		const noUser = await runLever(sim, {
			resource: 'posting',
			operation: 'update',
			posting: byId(S().postings.draft),
			updateFields: { state: 'closed' },
		});
		expect(noUser.error?.message).toMatch(
			/^Lever needs a user to act as to create or update a posting: "Perform As" is empty/,
		);
		const empty = await runLever(sim, {
			resource: 'posting',
			operation: 'update',
			posting: byId(S().postings.draft),
			performAs: recruiter(),
		});
		expect(empty.error?.message).toMatch(/^"Update Fields" is empty/);
		expect(apiCalls(sim).filter((call) => call.startsWith('POST'))).toEqual(['POST /postings']);
	});
});

describe('requisitions', () => {
	it('creates a requisition with custom fields typed by their field, updates it keeping the rest, and deletes it', async () => {
		const created = await runLever(sim, {
			resource: 'requisition',
			operation: 'create',
			name: 'Data Engineer',
			requisitionCode: 'DATA-7',
			headcountTotal: '2',
			additionalFields: {
				team: 'Data',
				employmentStatus: 'full-time',
				hiringManager: S().users.hiringManager,
				compensationMin: 90000,
				compensationMax: 110000,
				compensationCurrency: 'EUR',
				customFields: {
					field: [
						{ id: S().requisitionFields.costCenter, value: 'G&A' },
						{ id: S().requisitionFields.recStartDate, value: '2027-01-01' },
					],
				},
			},
		});
		expect(created.error).toBeUndefined();
		const requisition = created.json[0];
		expect(requisition).toMatchObject({
			requisitionCode: 'DATA-7',
			headcountTotal: 2,
			status: 'open',
			compensationBand: { min: 90000, max: 110000, currency: 'EUR', interval: 'per-year-salary' },
			customFields: { cost_center: 'G&A', rec_start_date: Date.UTC(2027, 0, 1) },
		});

		const updated = await runLever(sim, {
			resource: 'requisition',
			operation: 'update',
			requisition: byId(requisition.id as string),
			updateFields: {
				status: 'onHold',
				headcountTotal: 'unlimited',
				customFields: { field: [{ id: S().requisitionFields.costCenter, value: 'R&D' }] },
			},
		});
		expect(updated.json[0]).toMatchObject({
			name: 'Data Engineer',
			team: 'Data',
			status: 'onHold',
			headcountInfinite: true,
			hiringManager: S().users.hiringManager,
			customFields: { cost_center: 'R&D', rec_start_date: Date.UTC(2027, 0, 1) },
		});
		const found = await runLever(sim, {
			resource: 'requisition',
			operation: 'getMany',
			returnAll: true,
			filters: { requisitionCode: 'DATA-7' },
		});
		expect(found.json.map((entry) => entry.id)).toEqual([requisition.id]);
		const got = await runLever(sim, {
			resource: 'requisition',
			operation: 'get',
			requisition: byId(requisition.id as string),
		});
		expect(got.json[0].status).toBe('onHold');
		const deleted = await runLever(sim, {
			resource: 'requisition',
			operation: 'delete',
			requisition: byId(requisition.id as string),
		});
		expect(deleted.json).toEqual([{ id: requisition.id, deleted: true }]);
	});

	it('names what is wrong: a duplicate code, a headcount, an unknown custom field, a key without write access', async () => {
		const base = {
			resource: 'requisition',
			operation: 'create',
			name: 'X',
			requisitionCode: S().requisitionCodes.backendEngineer,
			headcountTotal: '1',
		};
		const duplicate = await runLever(sim, base);
		expect(duplicate.error?.message).toMatch(
			/^Lever rejected the "Requisition Code" field \(400 BadRequest: Invalid value for field "requisitionCode": a requisition with code ENG-101 already exists\)/,
		);
		const headcount = await runLever(sim, {
			...base,
			requisitionCode: 'NEW-1',
			headcountTotal: 'two',
		});
		expect(headcount.error?.message).toMatch(
			/^"Headcount" must be a whole number of at least 1, or "unlimited"/,
		);
		const unknownField = await runLever(sim, {
			...base,
			requisitionCode: 'NEW-1',
			additionalFields: { customFields: { field: [{ id: 'shoe_size', value: '44' }] } },
		});
		expect(unknownField.error?.message).toMatch(
			/^"Custom Fields": "shoe_size" is not a requisition field of this Lever account/,
		);
		const limited = await runLever(
			sim,
			{ ...base, requisitionCode: 'NEW-1' },
			{ credentials: apiKeyCredentials(sim, { apiKey: sim.limitedApiKey }) },
		);
		expect(limited.error?.message).toMatch(
			/^The Lever API key is not allowed to do this \(403 Forbidden: These credentials do not have write permission for requisitions\.\)/,
		);
		expect(sim.state.requisitions).toHaveLength(1);
	});
});

describe('requisition fields', () => {
	it('creates a dropdown field, renames it and changes its options keeping known ones, then deletes it', async () => {
		const created = await runLever(sim, {
			resource: 'requisitionField',
			operation: 'create',
			fieldId: 'job_level',
			text: 'Level',
			type: 'dropdown',
			dropdownOptions: 'L1\nL2',
			isRequired: false,
		});
		expect(created.error).toBeUndefined();
		const [l1] = created.json[0].options as Array<{ id: string; text: string }>;
		const updated = await runLever(sim, {
			resource: 'requisitionField',
			operation: 'update',
			requisitionField: byId('job_level'),
			updateFields: { text: 'Job level', dropdownOptions: 'L1, L3' },
		});
		expect(updated.json[0]).toMatchObject({
			id: 'job_level',
			text: 'Job level',
			type: 'dropdown',
			options: [{ id: l1.id, text: 'L1' }, { text: 'L3' }],
		});
		const object = await runLever(sim, {
			resource: 'requisitionField',
			operation: 'create',
			fieldId: 'salary_band',
			text: 'Salary band',
			type: 'object',
			subfields: { subfield: [{ id: 'low', text: 'Low', type: 'number' }] },
		});
		expect(object.json[0].subfields).toEqual([{ id: 'low', text: 'Low', type: 'number' }]);
		const got = await runLever(sim, {
			resource: 'requisitionField',
			operation: 'get',
			requisitionField: byId('job_level'),
		});
		expect(got.json[0].text).toBe('Job level');
		const deleted = await runLever(sim, {
			resource: 'requisitionField',
			operation: 'delete',
			requisitionField: byId('job_level'),
		});
		expect(deleted.json).toEqual([{ id: 'job_level', deleted: true }]);
		const all = await runLever(sim, {
			resource: 'requisitionField',
			operation: 'getMany',
			returnAll: true,
		});
		expect(all.json.map((field) => field.id)).toEqual([
			S().requisitionFields.costCenter,
			S().requisitionFields.recStartDate,
			'salary_band',
		]);
	});

	it('refuses an ID that is not snake_case, an empty dropdown, options on a date field, and a duplicate', async () => {
		const badId = await runLever(sim, {
			resource: 'requisitionField',
			operation: 'create',
			fieldId: 'Job Level',
			text: 'Level',
			type: 'text',
		});
		expect(badId.error?.message).toMatch(/^"ID" must be snake_case/);
		const noOptions = await runLever(sim, {
			resource: 'requisitionField',
			operation: 'create',
			fieldId: 'menu',
			text: 'Menu',
			type: 'dropdown',
			dropdownOptions: ' , ',
		});
		expect(noOptions.error?.message).toMatch(
			/^"Options" is empty: a dropdown needs at least one option/,
		);
		const wrongType = await runLever(sim, {
			resource: 'requisitionField',
			operation: 'update',
			requisitionField: byId(S().requisitionFields.recStartDate),
			updateFields: { dropdownOptions: 'A' },
		});
		expect(wrongType.error?.message).toMatch(
			/^"Options" does not apply to the date field "Recruiting Start Date"/,
		);
		const duplicate = await runLever(sim, {
			resource: 'requisitionField',
			operation: 'create',
			fieldId: S().requisitionFields.costCenter,
			text: 'X',
			type: 'text',
		});
		expect(duplicate.error?.message).toMatch(
			/^Lever rejected the "ID" field \(400 BadRequest: Invalid value for field "id": requisition field cost_center already exists\)/,
		);
	});
});

describe('users', () => {
	it('creates a user, changes the role, deactivates and reactivates them', async () => {
		const created = await runLever(sim, {
			resource: 'user',
			operation: 'create',
			name: 'Nia New',
			userEmail: 'nia.new@acme.example',
			accessRole: 'team member',
			additionalFields: { jobTitle: 'Recruiting Coordinator', managerId: S().users.recruiter },
		});
		expect(created.json[0]).toMatchObject({
			name: 'Nia New',
			accessRole: 'team member',
			jobTitle: 'Recruiting Coordinator',
			managerId: S().users.recruiter,
		});
		const user = () => byId(created.json[0].id as string);
		const updated = await runLever(sim, {
			resource: 'user',
			operation: 'update',
			user: user(),
			updateFields: { accessRole: 'admin' },
		});
		expect(updated.json[0]).toMatchObject({
			name: 'Nia New',
			email: 'nia.new@acme.example',
			accessRole: 'admin',
			jobTitle: 'Recruiting Coordinator',
		});
		const deactivated = await runLever(sim, {
			resource: 'user',
			operation: 'deactivate',
			user: user(),
		});
		expect(deactivated.json[0].deactivatedAt).toEqual(expect.any(Number));
		const reactivated = await runLever(sim, {
			resource: 'user',
			operation: 'reactivate',
			user: user(),
		});
		expect(reactivated.json[0].deactivatedAt).toBeNull();
	});

	it('names the user an error is about: a taken email, an unknown user, a key without write access', async () => {
		const taken = await runLever(sim, {
			resource: 'user',
			operation: 'create',
			name: 'Again',
			userEmail: S().userEmails.recruiter,
		});
		expect(taken.error?.message).toBe(
			`Lever rejected the "Email" field (400 BadRequest: Invalid value for field "email": a user with email ${S().userEmails.recruiter} already exists)`,
		);
		const unknown = await runLever(sim, {
			resource: 'user',
			operation: 'deactivate',
			user: byId('no-such-user'),
		});
		expect(unknown.error?.message).toBe(
			'Lever could not find the "User" given (404 ResourceNotFound: users no-such-user was not found)',
		);
		const limited = await runLever(
			sim,
			{ resource: 'user', operation: 'reactivate', user: byId(S().users.deactivated) },
			{ credentials: apiKeyCredentials(sim, { apiKey: sim.limitedApiKey }) },
		);
		expect(limited.error?.message).toMatch(
			/^The Lever API key is not allowed to do this \(403 Forbidden/,
		);
		expect(
			sim.state.users.find((entry) => entry.id === S().users.deactivated)?.deactivatedAt,
		).not.toBeNull();
	});
});
