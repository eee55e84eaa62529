import { LEVER_SEED, startLeverSimulator, type LeverSimulator } from '..';
import { client, query } from './helpers';

const S = LEVER_SEED;
const create = (performAs: string | null = S.users.recruiter) =>
	`/opportunities${performAs ? `?perform_as=${performAs}` : ''}`;

describe('Lever simulator: opportunities and contacts', () => {
	let sim: LeverSimulator;

	beforeAll(async () => {
		sim = await startLeverSimulator({ rateLimit: false });
	});
	afterAll(() => sim.close());
	beforeEach(() => sim.reset());

	describe('create validation', () => {
		it.each([
			['missing perform_as', create(null), { name: 'A' }, 400, /perform_as/],
			[
				'two postings',
				create(),
				{ name: 'A', postings: [S.postings.published, S.postings.internal] },
				400,
				/one posting/i,
			],
			[
				'an unknown stage',
				create(),
				{ name: 'A', stage: 'a80bbbe0-1111-4000-8000-000000000000' },
				404,
				/^stages a80bbbe0-1111-4000-8000-000000000000 was not found$/,
			],
			[
				'an unknown posting',
				create(),
				{ postings: ['0b000000-0000-4000-8000-000000000000'] },
				404,
				/^postings 0b000000-0000-4000-8000-000000000000 was not found$/,
			],
			[
				'an unknown perform_as user',
				create('0c000000-0000-4000-8000-000000000000'),
				{ name: 'A' },
				404,
				/^users 0c000000/,
			],
			[
				'a deactivated perform_as user',
				create(S.users.deactivated),
				{ name: 'A' },
				400,
				/deactivated/,
			],
			['emails as a string', create(), { name: 'A', emails: 'a@example.com' }, 400, /"emails"/],
			['a numeric name', create(), { name: 42 }, 400, /"name"/],
			['an invalid email', create(), { emails: ['not-an-email'] }, 400, /emails\[0\]/],
			['a phone without value', create(), { phones: [{ type: 'mobile' }] }, 400, /"phones"/],
			['an unknown origin', create(), { origin: 'linkedin' }, 400, /"origin"/],
			[
				'an unknown archive reason',
				create(),
				{ archived: { reason: '0d000000-0000-4000-8000-000000000000' } },
				404,
				/^archive_reasons /,
			],
			['archived without reason', create(), { archived: { archivedAt: 1 } }, 400, /"reason"/],
			['a future createdAt', create(), { createdAt: Date.now() + 86_400_000 }, 400, /"createdAt"/],
		])('rejects %s with Lever’s error shape', async (_label, path, body, status, message) => {
			const before = sim.state.opportunities.length;
			const response = await client(sim).post(path, body);
			expect(response.status).toBe(status);
			expect(Object.keys(response.data).sort()).toEqual(['code', 'message']);
			expect(response.data.code).toBe(status === 404 ? 'ResourceNotFound' : 'BadRequest');
			expect(response.data.message).toMatch(message);
			expect(sim.state.opportunities).toHaveLength(before);
		});
	});

	it('creates with defaults: lead-new, stageChanges by perform_as, posting-derived tags, one application', async () => {
		const response = await client(sim).post(create(), {
			name: 'Margaret Hamilton',
			headline: 'Apollo',
			emails: ['margaret@example.com'],
			phones: [{ value: '+1 555 0100', type: 'mobile' }],
			tags: ['Referral bonus'],
			sources: ['SourceWhale'],
			origin: 'sourced',
			postings: [S.postings.published],
		});
		expect(response.status).toBe(201);
		expect(response.data.deduped).toBe(false);
		const opportunity = response.data.data;
		expect(opportunity).toMatchObject({
			name: 'Margaret Hamilton',
			stage: 'lead-new',
			stageChanges: [
				{
					toStageId: 'lead-new',
					toStageIndex: 0,
					userId: S.users.recruiter,
					updatedAt: expect.any(Number),
				},
			],
			tags: [
				'Referral bonus',
				'Senior Backend Engineer',
				'Engineering',
				'Platform',
				'Berlin',
				'Full-time',
			],
			sources: ['SourceWhale'],
			origin: 'sourced',
			sourcedBy: S.users.recruiter,
			owner: S.users.recruiter,
			archived: null,
		});
		expect(opportunity.applications).toHaveLength(1);
		expect(Number.isInteger(opportunity.createdAt)).toBe(true);
		expect((await client(sim).get('/sources')).data.data).toContainEqual({
			text: 'SourceWhale',
			count: 1,
		});
		const expanded = await client(sim).get(
			`/opportunities/${opportunity.id}${query({ expand: ['applications', 'owner', 'contact', 'stage'] })}`,
		);
		expect(expanded.data.data.applications[0]).toMatchObject({
			posting: S.postings.published,
			opportunityId: opportunity.id,
		});
		expect(expanded.data.data.owner).toMatchObject({
			id: S.users.recruiter,
			email: S.userEmails.recruiter,
		});
		expect(expanded.data.data.contact).toMatchObject({
			id: opportunity.contact,
			location: { name: '' },
		});
		expect(expanded.data.data.stage).toEqual({ id: 'lead-new', text: 'New lead' });
	});

	it('dedupes by canonicalized email onto the existing contact, whose data takes precedence, and still creates a new opportunity', async () => {
		const api = client(sim);
		const contactBefore = (await api.get(`/contacts/${S.contacts.ada}`)).data.data;
		const first = await api.post(create(), {
			name: 'Someone Else',
			headline: 'Ignored headline',
			emails: ['  ADA.Lovelace@Example.com ', 'ada.new@example.org'],
			phones: [{ value: '+44 20 7946 0000', type: 'work' }],
			links: ['https://ada.example'],
			postings: [S.postings.published],
		});
		expect(first.status).toBe(201);
		expect(first.data.deduped).toBe(true);
		expect(first.data.data.contact).toBe(S.contacts.ada);
		expect(first.data.data.name).toBe('Ada Lovelace');
		expect(first.data.data.headline).toBe('Analytical Engines, Inc.');
		// Matched by email only: Lever's docs give the existing contact data precedence, nothing is added to it.
		expect(first.data.data.emails).toEqual(['ada.lovelace@example.com', 'ada@analytical.example']);
		expect(first.data.data.phones).toEqual(contactBefore.phones);
		expect(first.data.data.links).toEqual(['https://github.com/ada-sim']);
		expect((await api.get(`/contacts/${S.contacts.ada}`)).data.data).toEqual(contactBefore);

		const again = await api.post(create(), {
			emails: ['ada.lovelace@example.com'],
			postings: [S.postings.published],
		});
		expect(again.data.deduped).toBe(true);
		expect(again.data.data.id).not.toBe(first.data.data.id);
		const adas = await api.get(
			`/opportunities${query({ email: 'Ada.Lovelace@example.com', posting_id: S.postings.published })}`,
		);
		expect(adas.data.data.map((o: { id: string }) => o.id).sort()).toEqual(
			[S.opportunities.adaBackend, first.data.data.id, again.data.data.id].sort(),
		);

		// With `contact` given, extra emails, phones and links are added to the existing contact (its name still wins).
		const withContact = await api.post(create(), {
			contact: S.contacts.ada,
			name: 'Someone Else',
			emails: ['ada.new@example.org'],
			phones: [{ value: '+44 20 7946 0000', type: 'work' }],
			links: ['https://ada.example'],
		});
		expect(withContact.status).toBe(201);
		expect(withContact.data.deduped).toBe(true);
		expect(withContact.data.data).toMatchObject({
			contact: S.contacts.ada,
			name: 'Ada Lovelace',
			emails: ['ada.lovelace@example.com', 'ada@analytical.example', 'ada.new@example.org'],
			phones: [...contactBefore.phones, { value: '+44 20 7946 0000', type: 'work' }],
			links: ['https://github.com/ada-sim', 'https://ada.example'],
		});

		// no email, no contact: a new contact every time
		const anonymous1 = await api.post(create(), { name: 'Pseudonym 1' });
		const anonymous2 = await api.post(create(), { name: 'Pseudonym 1' });
		expect(anonymous1.data.deduped).toBe(false);
		expect(anonymous1.data.data.contact).not.toBe(anonymous2.data.data.contact);
	});

	it('accepts multipart with emails[], tags[], postings[], phones[N][value|type], archived[reason], resumeFile and files[]', async () => {
		const form = new FormData();
		form.append('name', 'Multipart Person');
		form.append('emails[]', 'multi@example.com');
		form.append('emails[]', 'multi2@example.com');
		form.append('tags[]', 'Python');
		form.append('postings[]', S.postings.internal);
		form.append('phones[0][value]', '+49 30 1234');
		form.append('phones[0][type]', 'work');
		form.append('phones[1][value]', '+49 30 5678');
		form.append('archived[reason]', S.archiveReasons.underqualified);
		form.append(
			'resumeFile',
			new Blob([Buffer.from('%PDF-1.4 resume')], { type: 'application/pdf' }),
			'cv.pdf',
		);
		form.append('files[]', new Blob([Buffer.from('hello')], { type: 'text/plain' }), 'cover.txt');
		const response = await client(sim).post(create(), form);
		expect(response.status).toBe(201);
		const opportunity = response.data.data;
		expect(opportunity.emails).toEqual(['multi@example.com', 'multi2@example.com']);
		// A phone sent without a type comes back without one (the simulator invents none).
		expect(opportunity.phones).toEqual([
			{ type: 'work', value: '+49 30 1234' },
			{ value: '+49 30 5678' },
		]);
		expect(opportunity.archived).toEqual({
			reason: S.archiveReasons.underqualified,
			archivedAt: expect.any(Number),
		});
		expect(opportunity.tags).toEqual([
			'Python',
			'Staff Data Engineer',
			'Engineering',
			'Data',
			'Remote',
			'Full-time',
		]);

		const resumes = await client(sim).get(`/opportunities/${opportunity.id}/resumes`);
		expect(resumes.data.data).toEqual([
			expect.objectContaining({
				file: expect.objectContaining({
					name: 'cv.pdf',
					ext: '.pdf',
					size: 15,
					status: 'processed',
				}),
			}),
		]);
		const files = await client(sim).get(`/opportunities/${opportunity.id}/files`);
		expect(files.data.data).toEqual([
			expect.objectContaining({ name: 'cover.txt', ext: '.txt', size: 5 }),
		]);
		const download = await client(sim).get(
			resumes.data.data[0].file.downloadUrl.replace(sim.baseUrl, ''),
			{ responseType: 'text' },
		);
		expect(download.data).toBe('%PDF-1.4 resume');
	});

	it('refuses a multipart phone sent as one JSON text element (the documented form is phones[N][value])', async () => {
		const form = new FormData();
		form.append('name', 'Json Phone');
		form.append('phones[]', JSON.stringify({ value: '+49 30 1234', type: 'work' }));
		const response = await client(sim).post(create(), form);
		expect(response.status).toBe(400);
		expect(response.data).toEqual({
			code: 'BadRequest',
			message:
				'Invalid value for field "phones": send each phone as phones[N][value] and phones[N][type], not as one text element',
		});
		expect(sim.state.contacts.some((contact) => contact.name === 'Json Phone')).toBe(false);
	});

	it('filters the list: email, archived, stage, tag (repeated), posting, origin, confidentiality, created/updated windows', async () => {
		const api = client(sim);
		const ids = async (params: Record<string, string | number | Array<string | number>>) =>
			(await api.get(`/opportunities${query(params)}`)).data.data
				.map((o: { id: string }) => o.id)
				.sort();
		const O = S.opportunities;
		expect(await ids({})).toEqual([O.adaBackend, O.adaData, O.graceArchived, O.alanHired].sort());
		expect(await ids({ confidentiality: 'all' })).toHaveLength(5);
		expect(await ids({ confidentiality: 'confidential' })).toEqual([O.katherineConfidential]);
		expect(await ids({ archived: 'true' })).toEqual([O.graceArchived, O.alanHired].sort());
		expect(await ids({ archived: 'false' })).toEqual([O.adaBackend, O.adaData].sort());
		expect(await ids({ stage_id: S.stages.leadReachedOut })).toEqual([O.adaData]);
		expect(await ids({ tag: ['Referral bonus', 'Data'] })).toEqual([O.adaData, O.alanHired].sort());
		expect(await ids({ tag: 'referral bonus' })).toEqual([]); // tags are case-sensitive
		expect(await ids({ posting_id: S.postings.published })).toEqual(
			[O.adaBackend, O.alanHired].sort(),
		);
		expect(await ids({ origin: 'referred' })).toEqual([O.alanHired]);
		expect(await ids({ contact_id: S.contacts.ada })).toEqual([O.adaBackend, O.adaData].sort());
		expect(await ids({ archive_reason_id: S.archiveReasons.hired })).toEqual([O.alanHired]);
		const alan = sim.state.opportunities.find((o) => o.id === O.alanHired)!;
		expect(
			await ids({ updated_at_start: alan.updatedAt!, updated_at_end: alan.updatedAt! }),
		).toEqual([O.alanHired]);
		expect(await ids({ created_at_start: alan.createdAt, created_at_end: alan.createdAt })).toEqual(
			[O.alanHired],
		);
		const invalid = await api.get('/opportunities?email=not-an-email');
		expect(invalid.status).toBe(400);
		expect(invalid.data).toEqual({ code: 'BadRequest', message: 'Email address is not valid' });
		expect((await api.get('/opportunities?archived=maybe')).status).toBe(400);
		expect((await api.get('/opportunities?expand=posting')).status).toBe(400);
		const included = await api.get(`/opportunities/${O.adaBackend}?include=stage`);
		expect(included.data.data).toEqual({ id: O.adaBackend, stage: S.stages.phoneInterview });
	});

	it('changes stage (also while archived) and records who did it', async () => {
		const api = client(sim);
		const response = await api.put(
			`/opportunities/${S.opportunities.graceArchived}/stage?perform_as=${S.users.admin}`,
			{ stage: S.stages.onsite },
		);
		expect(response.status).toBe(200);
		expect(response.data.data.stage).toBe(S.stages.onsite);
		expect(response.data.data.stageChanges.at(-1)).toMatchObject({
			toStageId: S.stages.onsite,
			toStageIndex: 6,
			userId: S.users.admin,
		});
		const unknown = await api.put(`/opportunities/${S.opportunities.graceArchived}/stage`, {
			stage: 'lead-unknown',
		});
		expect(unknown.status).toBe(404);
		expect(unknown.data).toEqual({
			code: 'ResourceNotFound',
			message: 'stages lead-unknown was not found',
		});
		expect(
			(await api.put(`/opportunities/${S.opportunities.graceArchived}/stage`, {})).status,
		).toBe(400);
	});

	it('archives with a validated reason and unarchives with null', async () => {
		const api = client(sim);
		const path = `/opportunities/${S.opportunities.adaData}/archived`;
		expect(
			(await api.put(path, { reason: 'ffffffff-ffff-4fff-8fff-ffffffffffff' })).data.code,
		).toBe('ResourceNotFound');
		expect((await api.put(path, { reason: S.archiveReasons.inactiveHired })).status).toBe(400);
		expect((await api.put(path, {})).status).toBe(400);
		const archived = await api.put(path, { reason: S.archiveReasons.timing });
		expect(archived.status).toBe(200);
		expect(archived.data.data.archived).toEqual({
			reason: S.archiveReasons.timing,
			archivedAt: expect.any(Number),
		});
		const restored = await api.put(path, { reason: null });
		expect(restored.data.data.archived).toBeNull();
	});

	it('adds and removes tags, sources and links, answering with the full opportunity', async () => {
		const api = client(sim);
		const base = `/opportunities/${S.opportunities.adaData}`;
		expect((await api.post(`${base}/addTags`, { tags: ['Hot', 'Python'] })).data.data.tags).toEqual(
			expect.arrayContaining(['Hot', 'Python']),
		);
		expect((await api.post(`${base}/removeTags`, { tags: ['Hot'] })).data.data.tags).not.toContain(
			'Hot',
		);
		expect(
			(await api.post(`${base}/addSources`, { sources: ['Event'] })).data.data.sources,
		).toEqual(['LinkedIn', 'Event']);
		expect(
			(await api.post(`${base}/removeSources`, { sources: ['LinkedIn'] })).data.data.sources,
		).toEqual(['Event']);
		const links = await api.post(`${base}/addLinks`, { links: ['https://ada.dev'] });
		expect(links.data.data.links).toContain('https://ada.dev');
		// links live on the contact: the other opportunity of the same contact shows them too
		expect(
			(await api.get(`/opportunities/${S.opportunities.adaBackend}`)).data.data.links,
		).toContain('https://ada.dev');
		expect(
			(await api.post(`${base}/removeLinks`, { links: ['https://ada.dev'] })).data.data.links,
		).not.toContain('https://ada.dev');
		expect((await api.post(`${base}/addTags`, { tags: 'Hot' })).status).toBe(400);
	});

	it('reads and fully replaces contacts', async () => {
		const api = client(sim);
		const contact = await api.get(`/contacts/${S.contacts.grace}`);
		expect(contact.data.data).toEqual({
			id: S.contacts.grace,
			name: 'Grace Hopper',
			headline: 'Compilers',
			isAnonymized: false,
			location: { name: 'Arlington, VA' },
			emails: [S.contactEmails.grace],
			phones: [],
		});
		const updated = await api.put(`/contacts/${S.contacts.grace}`, {
			name: 'Grace B. Hopper',
			location: 'New York',
			emails: ['grace@navy.example'],
		});
		expect(updated.status).toBe(200);
		expect(updated.data.data).toMatchObject({
			name: 'Grace B. Hopper',
			headline: '',
			location: { name: 'New York' },
			emails: ['grace@navy.example'],
			phones: [],
		});
		expect((await api.get(`/opportunities/${S.opportunities.graceArchived}`)).data.data.name).toBe(
			'Grace B. Hopper',
		);
		expect((await api.put(`/contacts/${S.contacts.grace}`, { headline: 'No name' })).status).toBe(
			400,
		);
		expect(
			(await api.put(`/contacts/${S.contacts.grace}`, { name: 'G', emails: ['bad'] })).status,
		).toBe(400);
		expect((await api.get('/contacts/0e000000-0000-4000-8000-000000000000')).status).toBe(404);
	});
});
