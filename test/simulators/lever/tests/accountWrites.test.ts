import { LEVER_SEED, startLeverSimulator, type LeverSimulator } from '..';
import { client, query } from './helpers';

const S = LEVER_SEED;
const asRecruiter = `?perform_as=${S.users.recruiter}`;

describe('Lever simulator: postings, requisitions, requisition fields and users written through the API', () => {
	let sim: LeverSimulator;

	beforeAll(async () => {
		sim = await startLeverSimulator({ rateLimit: false });
	});
	afterAll(() => sim.close());
	beforeEach(() => sim.reset());

	it('creates postings as drafts with perform_as, checks the HTML allow-list, and updates them with a POST', async () => {
		const api = client(sim);
		expect((await api.post('/postings', { text: 'Data Engineer' })).data.message).toMatch(
			/perform_as/,
		);
		const created = await api.post(`/postings${asRecruiter}`, {
			text: 'Data Engineer',
			categories: { team: 'Data', location: 'Remote' },
			content: {
				descriptionHtml: '<p>Build <b>pipelines</b></p>',
				closingPostingHtml: '<p>Apply now</p>',
				lists: [{ text: 'You have', content: '<li>SQL</li>' }],
			},
		});
		expect(created.status).toBe(201);
		expect(created.data.data).toMatchObject({
			state: 'draft',
			user: S.users.recruiter,
			categories: { team: 'Data', location: 'Remote', allLocations: ['Remote'] },
			content: { description: 'Build pipelines', closingHtml: '<p>Apply now</p>' },
		});
		const bad = await api.post(`/postings${asRecruiter}`, {
			text: 'X',
			content: { descriptionHtml: '<script>alert(1)</script>' },
		});
		expect(bad.status).toBe(400);
		expect(bad.data.message).toMatch(/"content.descriptionHtml".*<script>/);
		expect(
			(await api.post(`/postings${asRecruiter}`, { text: 'X', confidentiality: 'confidential' }))
				.status,
		).toBe(400);
		expect((await api.post(`/postings${asRecruiter}`, {})).data.message).toBe(
			'Missing required field "text"',
		);

		const updated = await api.post(`/postings/${created.data.data.id}${asRecruiter}`, {
			state: 'published',
			distributionChannels: ['public'],
		});
		expect(updated.data.data).toMatchObject({
			text: 'Data Engineer',
			state: 'published',
			distributionChannels: ['public'],
			categories: { team: 'Data' },
		});
		expect(
			(await api.post(`/postings/no-such-posting${asRecruiter}`, { state: 'closed' })).status,
		).toBe(404);
	});

	it('creates, replaces and deletes requisitions, validating custom fields against the requisition fields', async () => {
		const api = client(sim);
		const body = {
			name: 'Data Engineer',
			requisitionCode: 'DATA-7',
			headcountTotal: 2,
			customFields: { [S.requisitionFields.costCenter]: 'G&A' },
		};
		const created = await api.post('/requisitions', body);
		expect(created.status).toBe(201);
		expect(created.data.data).toMatchObject({
			status: 'open',
			headcountTotal: 2,
			headcountHired: 0,
			customFields: { cost_center: 'G&A' },
		});
		const refused = async (payload: object) => {
			const response = await api.post('/requisitions', payload);
			expect(response.status).toBe(400);
			return response.data.message as string;
		};
		expect(await refused(body)).toMatch(/"requisitionCode".*already exists/);
		expect(await refused({ ...body, requisitionCode: 'DATA-8', headcountTotal: 0 })).toMatch(
			/"headcountTotal"/,
		);
		expect(
			await refused({
				...body,
				requisitionCode: 'DATA-8',
				customFields: { cost_center: 'Marketing' },
			}),
		).toMatch(/"customFields.cost_center"/);
		expect(
			await refused({ ...body, requisitionCode: 'DATA-8', customFields: { nope: 1 } }),
		).toMatch(/"customFields.nope"/);
		expect(await refused({ name: 'X', headcountTotal: 1 })).toBe(
			'Missing required field "requisitionCode"',
		);

		const id = created.data.data.id;
		const replaced = await api.put(`/requisitions/${id}`, {
			name: 'Data Engineer II',
			requisitionCode: 'DATA-7',
			headcountTotal: 'unlimited',
			status: 'onHold',
		});
		expect(replaced.data.data).toMatchObject({
			name: 'Data Engineer II',
			headcountInfinite: true,
			headcountTotal: null,
			status: 'onHold',
			customFields: {},
		});
		expect(
			(
				await api.put(`/requisitions/${id}`, {
					name: 'X',
					requisitionCode: 'DATA-7',
					headcountTotal: 1,
					status: 'draft',
				})
			).status,
		).toBe(400);
		expect(
			(await api.get(`/requisitions${query({ requisition_code: 'DATA-7' })}`)).data.data,
		).toHaveLength(1);
		expect((await api.delete(`/requisitions/${id}`)).status).toBe(204);
		expect((await api.get(`/requisitions/${id}`)).status).toBe(404);
	});

	it('needs "API management of requisitions" and the write permission for requisition writes', async () => {
		expect((await client(sim, { key: sim.limitedApiKey }).post('/requisitions', {})).status).toBe(
			403,
		);
		const withoutManagement = await startLeverSimulator({
			rateLimit: false,
			requisitionApiManagement: false,
		});
		try {
			const response = await client(withoutManagement).post('/requisition_fields', {
				id: 'x',
				text: 'X',
				type: 'text',
			});
			expect(response.status).toBe(403);
			expect(response.data.message).toMatch(/API management of requisitions/);
			expect((await client(withoutManagement).get('/requisitions')).status).toBe(200);
		} finally {
			await withoutManagement.close();
		}
	});

	it('manages requisition fields: snake_case ids, dropdown options keep their ids, no type change', async () => {
		const api = client(sim);
		expect((await api.get('/requisition_fields')).data).toEqual({ data: expect.any(Array) });
		const created = await api.post('/requisition_fields', {
			id: 'level',
			text: 'Level',
			type: 'dropdown',
			options: [{ text: 'L1' }, { text: 'L2' }],
		});
		expect(created.status).toBe(201);
		const [l1] = created.data.data.options;
		const updated = await api.put('/requisition_fields/level', {
			text: 'Job level',
			options: [{ id: l1.id, text: 'L1' }, { text: 'L3' }],
		});
		expect(updated.data.data.options.map((option: { text: string }) => option.text)).toEqual([
			'L1',
			'L3',
		]);
		expect(updated.data.data.options[0].id).toBe(l1.id);
		expect(
			(await api.put('/requisition_fields/level', { text: 'Level', type: 'text' })).status,
		).toBe(400);
		expect(
			(await api.post('/requisition_fields', { id: 'Bad Id', text: 'X', type: 'text' })).data
				.message,
		).toMatch(/"id"/);
		expect(
			(await api.post('/requisition_fields', { id: 'level', text: 'X', type: 'text' })).data
				.message,
		).toMatch(/already exists/);
		expect(
			(await api.post('/requisition_fields', { id: 'menu', text: 'X', type: 'dropdown' })).data
				.message,
		).toMatch(/"options"/);
		expect((await api.delete('/requisition_fields/level')).status).toBe(204);
		expect((await api.get('/requisition_fields/level')).status).toBe(404);
	});

	it('creates, replaces, deactivates and reactivates users', async () => {
		const api = client(sim);
		const created = await api.post('/users', { name: 'Nia New', email: 'nia.new@acme.example' });
		expect(created.status).toBe(201);
		expect(created.data.data).toMatchObject({
			accessRole: 'interviewer',
			username: 'nia.new',
			deactivatedAt: null,
		});
		expect(
			(await api.post('/users', { name: 'Again', email: 'NIA.NEW@acme.example' })).data.message,
		).toMatch(/already exists/);
		expect((await api.post('/users', { name: 'Bad', email: 'not-an-email' })).data.message).toMatch(
			/Email address is not valid/,
		);
		const id = created.data.data.id;
		expect(
			(await api.put(`/users/${id}`, { name: 'Nia New', email: 'nia.new@acme.example' })).data
				.message,
		).toBe('Missing required field "accessRole"');
		expect(
			(
				await api.put(`/users/${id}`, {
					name: 'Nia New',
					email: 'nia.new@acme.example',
					accessRole: 'admin',
				})
			).data.data.accessRole,
		).toBe('admin');
		const deactivated = (await api.post(`/users/${id}/deactivate`)).data.data;
		expect(deactivated.deactivatedAt).toEqual(expect.any(Number));
		expect((await api.post(`/users/${id}/deactivate`)).data.data.deactivatedAt).toBe(
			deactivated.deactivatedAt,
		);
		expect((await api.get(`/users${query({ email: 'nia.new@acme.example' })}`)).data.data).toEqual(
			[],
		);
		expect((await api.post(`/users/${id}/reactivate`)).data.data.deactivatedAt).toBeNull();
		expect(
			(
				await client(sim, { key: sim.limitedApiKey }).post('/users', {
					name: 'X',
					email: 'x@acme.example',
				})
			).status,
		).toBe(403);
	});
});
