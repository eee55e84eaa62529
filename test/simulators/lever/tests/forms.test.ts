import { LEVER_SEED, startLeverSimulator, type LeverSimulator } from '..';
import { client } from './helpers';

const S = LEVER_SEED;
const ada = `/opportunities/${S.opportunities.adaBackend}`;
const alan = `/opportunities/${S.opportunities.alanHired}`;

describe('Lever simulator: profile forms, form templates, referrals, notes and feedback changes', () => {
	let sim: LeverSimulator;

	beforeAll(async () => {
		sim = await startLeverSimulator({ rateLimit: false });
	});
	afterAll(() => sim.close());
	beforeEach(() => sim.reset());

	const templateFields = async () =>
		(await client(sim).get(`/form_templates/${S.formTemplate}`)).data.data.fields as Array<{
			id: string;
			type: string;
		}>;

	it('fills in a profile form only with every template field, in order, each value fitting its type', async () => {
		const api = client(sim);
		const fields = await templateFields();
		const values: Record<string, unknown> = {
			[S.formFields.startDate]: Date.UTC(2027, 1, 1),
			[S.formFields.tShirtSize]: 'M',
			[S.formFields.signingBonus]: 1000,
		};
		const complete = fields.map((field) => ({ ...field, value: values[field.id] ?? null }));
		const created = await api.post(`${ada}/forms`, {
			baseTemplateId: S.formTemplate,
			fields: complete,
		});
		expect(created.status).toBe(201);
		expect(created.data.data).toMatchObject({
			type: 'form',
			text: 'Onboarding details',
			baseTemplateId: S.formTemplate,
			user: null,
			secret: false,
		});
		expect((await api.get(`${ada}/forms`)).data.data).toHaveLength(1);

		const refused = async (body: object) => {
			const response = await api.post(`${ada}/forms`, body);
			expect(response.status).toBe(400);
			return response.data.message as string;
		};
		expect(await refused({ baseTemplateId: S.formTemplate, fields: complete.slice(1) })).toMatch(
			/must match form template/,
		);
		expect(
			await refused({ baseTemplateId: S.formTemplate, fields: [...complete].reverse() }),
		).toMatch(/must match form template/);
		expect(
			await refused({
				baseTemplateId: S.formTemplate,
				fields: complete.map((field) => ({
					...field,
					value: field.id === S.formFields.startDate ? null : field.value,
				})),
			}),
		).toMatch(/is required/);
		expect(
			await refused({
				baseTemplateId: S.formTemplate,
				fields: complete.map((field) =>
					field.id === S.formFields.tShirtSize ? { ...field, value: 'XXXL' } : field,
				),
			}),
		).toMatch(/"T-shirt size"/);
		expect(await refused({ fields: complete })).toBe('Missing required field "baseTemplateId"');
		expect(
			(await api.post(`${ada}/forms`, { baseTemplateId: 'no-such-template', fields: complete }))
				.status,
		).toBe(404);
	});

	it('serves form templates and referrals (read-only)', async () => {
		const api = client(sim);
		expect((await api.get('/form_templates')).data).toMatchObject({
			data: [{ id: S.formTemplate, text: 'Onboarding details' }],
			hasNext: false,
		});
		const referrals = (await api.get(`${alan}/referrals`)).data;
		expect(referrals.data).toEqual([
			expect.objectContaining({
				id: S.referrals.alan,
				type: 'referral',
				referrer: S.users.interviewer,
			}),
		]);
		expect(
			(await api.get(`${alan}/referrals/${S.referrals.alan}`)).data.data.fields[0],
		).toMatchObject({ text: 'Name of referrer', value: S.alanReferrer });
		expect((await api.get(`${ada}/referrals/${S.referrals.alan}`)).status).toBe(404);
		expect((await api.post(`${alan}/referrals`, {})).status).toBe(404);
	});

	it('deletes notes created through the API only', async () => {
		const api = client(sim);
		const note = (await api.post(`${ada}/notes`, { value: 'From the API' })).data.data;
		expect((await api.delete(`${ada}/notes/${note.id}`)).status).toBe(204);
		expect((await api.get(`${ada}/notes/${note.id}`)).status).toBe(404);
		const seeded = await api.delete(`${ada}/notes/${S.notes.adaIntro}`);
		expect(seeded.status).toBe(400);
		expect(seeded.data.message).toMatch(/not created through the API/);
		expect(
			(await api.get(`${ada}/notes`)).data.data.map((entry: { id: string }) => entry.id),
		).toEqual([S.notes.adaIntro]);
	});

	it('changes and deletes feedback with perform_as, checking the answers against the template', async () => {
		const api = client(sim);
		const path = `${ada}/feedback/${S.feedback.adaPhoneScreen}`;
		const asInterviewer = `?perform_as=${S.users.interviewer}`;
		expect((await api.put(path, { fieldValues: [] })).data.message).toMatch(/perform_as/);
		const updated = await api.put(`${path}${asInterviewer}`, {
			fieldValues: [{ id: S.feedbackTemplateFields.comments, value: 'Changed my mind' }],
		});
		expect(updated.status).toBe(200);
		expect(
			updated.data.data.fields.find(
				(field: { id: string }) => field.id === S.feedbackTemplateFields.comments,
			).value,
		).toBe('Changed my mind');
		expect(
			updated.data.data.fields.find(
				(field: { id: string }) => field.id === S.feedbackTemplateFields.rating,
			).value,
		).toBe('3 - Hire');
		expect(
			(
				await api.put(`${path}${asInterviewer}`, {
					fieldValues: [{ id: S.feedbackTemplateFields.technicalScore, value: 9 }],
				})
			).status,
		).toBe(400);
		expect((await api.delete(path)).status).toBe(400);
		expect((await api.delete(`${path}${asInterviewer}`)).status).toBe(204);
		expect((await api.get(path)).status).toBe(404);
		expect((await api.get(`${ada}/feedback`)).data.data).toEqual([]);
	});
});
