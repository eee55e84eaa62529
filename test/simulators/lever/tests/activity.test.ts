import { LEVER_SEED, startLeverSimulator, type LeverSimulator } from '..';
import { client, query } from './helpers';

const S = LEVER_SEED;
const ada = `/opportunities/${S.opportunities.adaBackend}`;

describe('Lever simulator: notes, files, feedback, offers, forms, reference data', () => {
	let sim: LeverSimulator;

	beforeAll(async () => {
		sim = await startLeverSimulator({ rateLimit: false, maxUploadBytes: 1024 });
	});
	afterAll(() => sim.close());
	beforeEach(() => sim.reset());

	it('creates notes (201, full note plus noteId) and validates value, score and secret', async () => {
		const api = client(sim);
		const created = await api.post(`${ada}/notes?perform_as=${S.users.recruiter}`, {
			value: 'Replied: interested',
			score: 4,
			secret: true,
		});
		expect(created.status).toBe(201);
		expect(created.data.data).toMatchObject({
			id: created.data.data.noteId,
			text: 'Note',
			secret: true,
			user: S.users.recruiter,
			fields: [
				{
					type: 'note',
					text: 'Comment',
					value: 'Replied: interested',
					score: 4,
					user: S.users.recruiter,
				},
			],
		});
		const thread = await api.post(`${ada}/notes?note_id=${created.data.data.noteId}`, {
			value: 'Follow-up',
		});
		expect(thread.data.data.fields).toHaveLength(2);
		expect((await api.get(`${ada}/notes`)).data.data).toHaveLength(2);
		for (const body of [
			{},
			{ value: '' },
			{ value: 'x', score: 5 },
			{ value: 'x', secret: 'yes' },
			{ value: 7 },
		]) {
			const response = await api.post(`${ada}/notes`, body);
			expect(response.status).toBe(400);
			expect(response.data.code).toBe('BadRequest');
		}
		expect(
			(await api.post(`${ada}/notes?note_id=0f000000-0000-4000-8000-000000000000`, { value: 'x' }))
				.status,
		).toBe(404);
	});

	it('uploads files with perform_as, serves them back, caps their size and answers 422 for failed files', async () => {
		const api = client(sim);
		const form = () => {
			const body = new FormData();
			body.append(
				'file',
				new Blob([Buffer.from('PDF bytes')], { type: 'application/pdf' }),
				'assessment.pdf',
			);
			return body;
		};
		const missing = await api.post(`${ada}/files`, form());
		expect(missing.status).toBe(400);
		expect(missing.data.message).toMatch(/perform_as/);

		const uploaded = await api.post(`${ada}/files?perform_as=${S.users.recruiter}`, form());
		expect(uploaded.status).toBe(201);
		expect(uploaded.data.data).toEqual({
			id: expect.any(String),
			downloadUrl: `${sim.baseUrl}${ada}/files/${uploaded.data.data.id}/download`,
			ext: '.pdf',
			name: 'assessment.pdf',
			uploadedAt: expect.any(Number),
			status: 'processed',
			size: 9,
		});
		const download = await api.get(uploaded.data.data.downloadUrl, {
			responseType: 'text',
			baseURL: '',
		});
		expect(download.status).toBe(200);
		expect(download.data).toBe('PDF bytes');
		expect(
			(await api.get(`${ada}/files`)).data.data.map((f: { name: string }) => f.name),
		).toContain('assessment.pdf');

		const wrongField = new FormData();
		wrongField.append('upload', new Blob(['x']), 'x.txt');
		expect(
			(await api.post(`${ada}/files?perform_as=${S.users.recruiter}`, wrongField)).status,
		).toBe(400);
		const tooBig = new FormData();
		tooBig.append('file', new Blob([Buffer.alloc(2048)]), 'big.pdf');
		const big = await api.post(`${ada}/files?perform_as=${S.users.recruiter}`, tooBig);
		expect(big.status).toBe(413);
		expect(big.data.code).toBe('RequestEntityTooLarge');

		const broken = await api.get(`${ada}/files/${S.files.adaBroken}/download`);
		expect(broken.status).toBe(422);
		expect(broken.data.code).toBe('UnprocessableEntity');
		expect(
			(await api.delete(`${ada}/files/${uploaded.data.data.id}?perform_as=${S.users.recruiter}`))
				.status,
		).toBe(204);
	});

	it('submits feedback against a template and validates perform_as, baseTemplateId and every field value', async () => {
		const api = client(sim);
		const f = S.feedbackTemplateFields;
		const template = (await api.get(`/feedback_templates/${S.feedbackTemplate}`)).data.data;
		expect(
			template.fields.filter((field: { type: string }) => field.type === 'score-system'),
		).toHaveLength(1);

		expect((await api.post(`${ada}/feedback`, { baseTemplateId: S.feedbackTemplate })).status).toBe(
			400,
		);
		expect(
			(await api.post(`${ada}/feedback?perform_as=${S.users.interviewer}`, {})).data.message,
		).toMatch(/baseTemplateId/);
		const bad = [
			{ id: f.rating, value: '5 - Amazing' },
			{ id: f.technicalScore, value: 0 },
			{ id: f.seniority, value: 'Principal' },
			{ id: f.comments, value: 12 },
			{ id: f.scorecard, value: [{ score: 3 }] },
			{ id: '00000000-0000-4000-8000-000000000000', value: 'x' },
		];
		for (const fieldValue of bad) {
			const response = await api.post(`${ada}/feedback?perform_as=${S.users.interviewer}`, {
				baseTemplateId: S.feedbackTemplate,
				fieldValues: [fieldValue],
			});
			expect(response.status).toBe(400);
			expect(response.data.message).toContain(fieldValue.id);
		}

		const created = await api.post(`${ada}/feedback?perform_as=${S.users.interviewer}`, {
			baseTemplateId: S.feedbackTemplate,
			panel: S.panels.adaPhoneScreen,
			interview: S.interviews.adaPhoneScreen,
			fieldValues: [
				{ id: f.rating, value: '4 - Strong Hire' },
				{ id: f.comments, value: 'Exported from our interview tool' },
				{ id: f.scorecard, value: [{ score: 4 }, { score: 3, comment: 'ok' }] },
			],
		});
		expect(created.status).toBe(201);
		expect(created.data.data).toMatchObject({
			baseTemplateId: S.feedbackTemplate,
			user: S.users.interviewer,
			interview: S.interviews.adaPhoneScreen,
		});
		const values = Object.fromEntries(
			created.data.data.fields.map((field: { id: string; value: unknown }) => [
				field.id,
				field.value,
			]),
		);
		expect(values[f.rating]).toBe('4 - Strong Hire');
		expect(values[f.seniority]).toBeNull();
		expect((await api.get(`${ada}/feedback`)).data.data).toHaveLength(2);
		const interview = (await api.get(`${ada}/interviews`)).data.data[0];
		expect(interview.feedbackForms).toContain(created.data.data.id);
	});

	it('serves the hired candidate’s offers and profile form', async () => {
		const api = client(sim);
		const alan = `/opportunities/${S.opportunities.alanHired}`;
		const offers = (await api.get(`${alan}/offers?expand=creator`)).data.data;
		const signed = offers.find((offer: { status: string }) => offer.status === 'signed');
		const field = (identifier: string) =>
			signed.fields.find((entry: { identifier: string }) => entry.identifier === identifier)?.value;
		expect(field('anticipated_start_date')).toBe(S.alanOffer.anticipatedStartDate);
		expect(field('salary_amount')).toBe(185000);
		expect(field('compensation_currency')).toBe('USD');
		expect(field('custom_equity')).toBe('0.05%');
		expect(signed.creator).toMatchObject({ id: S.users.recruiter });
		expect((await api.get(signed.signedDocument.downloadUrl, { baseURL: '' })).status).toBe(200);
		expect((await api.post(`${alan}/offers`, {})).status).toBe(404); // offers are read-only
		const forms = (await api.get(`${alan}/forms`)).data.data;
		expect(forms[0].fields.map((entry: { type: string }) => entry.type)).toEqual([
			'text',
			'date',
			'dropdown',
			'currency',
			'dropdown',
			'text',
		]);
	});

	it('filters postings, archive reasons and users', async () => {
		const api = client(sim);
		const postingIds = async (params: Record<string, string | string[]>) =>
			(await api.get(`/postings${query(params)}`)).data.data
				.map((p: { id: string }) => p.id)
				.sort();
		expect(await postingIds({ state: ['published', 'internal'] })).toEqual(
			[S.postings.published, S.postings.internal].sort(),
		);
		expect(await postingIds({ state: 'closed' })).toEqual([S.postings.closed]);
		expect(await postingIds({ distributionChannel: 'public' })).toEqual([S.postings.published]);
		expect(await postingIds({ team: 'Design' })).toEqual([S.postings.draft]);
		expect(await postingIds({ department: 'Engineering', confidentiality: 'all' })).toHaveLength(3);
		expect((await api.get('/postings?state=open')).status).toBe(400);
		const posting = (await api.get(`/postings/${S.postings.published}?expand=hiringManager`)).data
			.data;
		expect(posting.categories).toMatchObject({
			team: 'Platform',
			department: 'Engineering',
			location: 'Berlin',
			commitment: 'Full-time',
		});
		expect(posting.hiringManager.email).toBe(S.userEmails.hiringManager);

		const hired = (await api.get('/archive_reasons?type=hired')).data.data;
		expect(hired.map((reason: { id: string }) => reason.id)).toEqual([
			S.archiveReasons.hired,
			S.archiveReasons.inactiveHired,
		]);
		expect((await api.get('/archive_reasons?type=rejected')).status).toBe(400);

		const users = (
			await api.get(`/users?email=${encodeURIComponent('Riley.Recruiter@ACME.example')}`)
		).data.data;
		expect(users.map((user: { id: string }) => user.id)).toEqual([S.users.recruiter]);
		expect(
			(await api.get('/users')).data.data.map((user: { id: string }) => user.id),
		).not.toContain(S.users.deactivated);
		expect((await api.get('/users?includeDeactivated=true')).data.data).toHaveLength(5);
	});
});
