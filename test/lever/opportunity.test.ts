import { randomUUID } from 'node:crypto';

/** Opportunity operations through n8n's engine against the Lever simulator, asserting the simulator's state. */
import { startLeverSimulator, type LeverSimulator } from '../simulators/lever';
import { apiCalls, byId, runLever } from './helpers';

let sim: LeverSimulator;
beforeAll(async () => {
	sim = await startLeverSimulator();
});
afterAll(async () => await sim.close());
beforeEach(() => sim.reset());

const opportunity = (id: string) =>
	sim.state.opportunities.find((candidate) => candidate.id === id)!;
const contactOf = (opportunityId: string) =>
	sim.state.contacts.find((candidate) => candidate.id === opportunity(opportunityId).contact)!;
const pdf = (name: string, text: string) => ({
	json: {},
	binary: {
		data: {
			data: Buffer.from(text).toString('base64'),
			mimeType: 'application/pdf',
			fileName: name,
		},
	},
});

describe('get and get many', () => {
	it('gets one opportunity with expanded references', async () => {
		const { json } = await runLever(sim, {
			resource: 'opportunity',
			operation: 'get',
			opportunity: byId(sim.seed.opportunities.adaBackend),
			options: { expand: ['stage'] },
		});
		expect(json[0]).toMatchObject({
			id: sim.seed.opportunities.adaBackend,
			name: 'Ada Lovelace',
			stage: { id: sim.seed.stages.phoneInterview },
		});
	});

	it('adds the archive reason on request, so a hire can be told from a rejection (one more request, only when archived)', async () => {
		const seed = sim.seed;
		const { json } = await runLever(
			sim,
			{
				resource: 'opportunity',
				operation: 'get',
				opportunity: byId('={{ $json.id }}'),
				options: { archiveReason: true },
			},
			{
				input: [
					{ id: seed.opportunities.alanHired },
					{ id: seed.opportunities.graceArchived },
					{ id: seed.opportunities.adaData },
				],
			},
		);
		expect(json.map((opportunity) => opportunity.archiveReason)).toEqual([
			{ id: seed.archiveReasons.hired, text: 'Hired', status: 'active', type: 'hired' },
			expect.objectContaining({ id: seed.archiveReasons.withdrew, type: 'non-hired' }),
			null,
		]);
		expect(apiCalls(sim).filter((call) => call.startsWith('GET /archive_reasons/'))).toEqual([
			`GET /archive_reasons/${seed.archiveReasons.hired}`,
			`GET /archive_reasons/${seed.archiveReasons.withdrew}`,
		]);
	});

	it('accepts a Lever candidate URL', async () => {
		const url = `https://hire.lever.co/candidates/${sim.seed.opportunities.adaData}`;
		const { json } = await runLever(sim, {
			resource: 'opportunity',
			operation: 'get',
			opportunity: { __rl: true, mode: 'url', value: url },
		});
		expect(json[0].id).toBe(sim.seed.opportunities.adaData);
	});

	it("reports a missing opportunity with Lever's own message", async () => {
		const missing = '00000000-0000-4000-8000-000000000000';
		const { error } = await runLever(sim, {
			resource: 'opportunity',
			operation: 'get',
			opportunity: byId(missing),
		});
		expect(error?.message).toBe(
			`Lever could not find it (404 ResourceNotFound: opportunities ${missing} was not found)`,
		);
	});

	it('searches by email and posting', async () => {
		const { json } = await runLever(sim, {
			resource: 'opportunity',
			operation: 'getMany',
			returnAll: true,
			filters: { email: 'ADA.LOVELACE@example.com', postingId: sim.seed.postings.published },
		});
		expect(json.map((item) => item.id)).toEqual([sim.seed.opportunities.adaBackend]);
		expect(sim.requests[0].query).toMatchObject({
			email: 'ADA.LOVELACE@example.com',
			posting_id: sim.seed.postings.published,
		});
	});

	it('filters archived ones and by stage', async () => {
		const archived = await runLever(sim, {
			resource: 'opportunity',
			operation: 'getMany',
			returnAll: true,
			filters: { archived: true },
		});
		expect(new Set(archived.json.map((item) => item.id))).toEqual(
			new Set(
				sim.state.opportunities
					.filter((o) => o.archived && o.confidentiality === 'non-confidential')
					.map((o) => o.id),
			),
		);
		const byStage = await runLever(sim, {
			resource: 'opportunity',
			operation: 'getMany',
			returnAll: true,
			filters: { stageId: sim.seed.stages.leadReachedOut },
		});
		expect(byStage.json.map((item) => item.id)).toEqual([sim.seed.opportunities.adaData]);
	});

	it('filters by tag and creation date', async () => {
		const newest = [...sim.state.opportunities]
			.filter((o) => o.confidentiality === 'non-confidential')
			.sort((a, b) => b.createdAt - a.createdAt)[0];
		const since = await runLever(sim, {
			resource: 'opportunity',
			operation: 'getMany',
			returnAll: true,
			filters: { createdSince: new Date(newest.createdAt).toISOString() },
		});
		expect(since.json.map((item) => item.id)).toEqual([newest.id]);
		expect(sim.requests[0].query.created_at_start).toBe(String(newest.createdAt));

		const tag = sim.state.opportunities.find((o) => o.id === sim.seed.opportunities.adaBackend)!
			.tags[0];
		const tagged = await runLever(sim, {
			resource: 'opportunity',
			operation: 'getMany',
			returnAll: true,
			filters: { tags: tag },
		});
		expect(tagged.json.length).toBeGreaterThan(0);
		expect(tagged.json.every((item) => (item.tags as string[]).includes(tag))).toBe(true);
	});

	it("follows Lever's next token for Return All and stops at the limit", async () => {
		// 150 more candidacies (copies of a seeded one) so the list spans two pages of 100.
		const template = opportunity(sim.seed.opportunities.adaData);
		for (let index = 0; index < 150; index++) {
			sim.state.opportunities.push({
				...structuredClone(template),
				id: randomUUID(),
				applications: [],
				createdAt: template.createdAt + index + 1,
			});
		}
		const visible = sim.state.opportunities.filter(
			(o) => o.confidentiality === 'non-confidential',
		).length;
		sim.requests.length = 0;
		const all = await runLever(sim, {
			resource: 'opportunity',
			operation: 'getMany',
			returnAll: true,
		});
		expect(all.json).toHaveLength(visible);
		expect(new Set(all.json.map((item) => item.id)).size).toBe(visible);
		expect(sim.requests.map((request) => request.query.offset === undefined)).toEqual([
			true,
			false,
		]);

		sim.requests.length = 0;
		const limited = await runLever(sim, {
			resource: 'opportunity',
			operation: 'getMany',
			returnAll: false,
			limit: 120,
		});
		expect(limited.json).toHaveLength(120);
		expect(sim.requests.map((request) => request.query.limit)).toEqual(['100', '20']);
	});
});

describe('create', () => {
	it('creates an opportunity with links, phones, tags, sources, posting, stage, origin and owner', async () => {
		const { json, error } = await runLever(sim, {
			resource: 'opportunity',
			operation: 'create',
			profileInput: 'fields',
			email: 'linus@example.com',
			name: 'Linus T',
			profileFields: {
				additionalEmails: 'linus@work.example',
				headline: 'Kernel hacker',
				location: 'Portland',
				linkedin: 'https://www.linkedin.com/in/linus',
				github: 'https://github.com/torvalds',
				otherLinks: 'https://linus.example',
				phones: { phone: [{ value: '+1 503 555 0101', type: 'work' }] },
				tags: ['C', 'Kernel'],
				sources: ['Conference'],
			},
			posting: byId(sim.seed.postings.published),
			stage: byId(sim.seed.stages.recruiterScreen),
			origin: 'referred',
			owner: byId(sim.seed.users.hiringManager),
			performAs: byId(sim.seed.users.recruiter),
		});
		expect(error).toBeUndefined();
		const stored = opportunity(json[0].id as string);
		expect(stored).toMatchObject({
			stage: sim.seed.stages.recruiterScreen,
			origin: 'referred',
			owner: sim.seed.users.hiringManager,
			sources: ['Conference'],
		});
		expect(stored.tags).toEqual(expect.arrayContaining(['C', 'Kernel']));
		const contact = sim.state.contacts.find((candidate) => candidate.id === stored.contact)!;
		expect(contact).toMatchObject({
			name: 'Linus T',
			headline: 'Kernel hacker',
			location: 'Portland',
			emails: ['linus@example.com', 'linus@work.example'],
			phones: [{ type: 'work', value: '+1 503 555 0101' }],
		});
		expect(contact.links).toEqual([
			'https://www.linkedin.com/in/linus',
			'https://github.com/torvalds',
			'https://linus.example',
		]);
		const application = sim.state.applications.find(
			(candidate) => candidate.opportunityId === stored.id,
		)!;
		expect(application.posting).toBe(sim.seed.postings.published);
	});

	it('sends a resume from a binary field as multipart, phones in the documented phones[N][value|type] form', async () => {
		const { json, error } = await runLever(
			sim,
			{
				resource: 'opportunity',
				operation: 'create',
				profileInput: 'fields',
				email: 'resume@example.com',
				name: 'With Resume',
				profileFields: {
					tags: ['Rust'],
					phones: {
						phone: [
							{ value: '+1 503 555 0101', type: 'work' },
							{ value: '+1 503 555 0102', type: 'home' },
						],
					},
				},
				performAs: byId(sim.seed.users.recruiter),
				resumeBinaryProperty: 'data',
			},
			{ input: [pdf('cv.pdf', '%PDF-1.4 resume')] },
		);
		expect(error).toBeUndefined();
		const resume = sim.state.resumes.find((candidate) => candidate.opportunityId === json[0].id)!;
		expect(resume.file.name).toBe('cv.pdf');
		expect(resume.file.content.toString()).toBe('%PDF-1.4 resume');
		expect(opportunity(json[0].id as string).tags).toContain('Rust');
		// The simulator refuses the JSON-text form (phones[]={"value":…}); these arrived as nested fields.
		const phones = [
			{ value: '+1 503 555 0101', type: 'work' },
			{ value: '+1 503 555 0102', type: 'home' },
		];
		expect(contactOf(json[0].id as string).phones).toEqual(phones);
		const create = sim.requests.find(
			(request) => request.method === 'POST' && request.path === '/v1/opportunities',
		)!;
		expect((create.body as { phones: unknown }).phones).toEqual(phones);
	});

	it('repeats a create refused with 503 only after a lookup shows nothing was created', async () => {
		sim.failNext(1, 503);
		const { json, error } = await runLever(sim, {
			resource: 'opportunity',
			operation: 'create',
			profileInput: 'fields',
			email: 'flaky@example.com',
			name: 'Flaky',
			performAs: byId(sim.seed.users.recruiter),
		});
		expect(error).toBeUndefined();
		expect(sim.requests.map((request) => `${request.method} ${request.status}`)).toEqual([
			'POST 503',
			'GET 200',
			'POST 201',
		]);
		expect(sim.state.opportunities.filter((o) => o.id === json[0].id)).toHaveLength(1);
		expect(
			sim.state.contacts.filter((contact) => contact.emails.includes('flaky@example.com')),
		).toHaveLength(1);
	});

	it('names the field Lever rejects', async () => {
		const { error } = await runLever(
			sim,
			{
				resource: 'opportunity',
				operation: 'create',
				profileInput: 'json',
				candidateProfile: '={{ $json }}',
				performAs: byId(sim.seed.users.recruiter),
			},
			{ input: [{ email: 'fax@example.com', phones: [{ value: '+1 555 0199', type: 'fax' }] }] },
		);
		expect(error?.message).toMatch(
			/^Lever rejected the "Phones" field \(400 BadRequest: Invalid value for field "phones".*\(candidate fax@example\.com\)$/,
		);
		expect(sim.state.contacts.some((contact) => contact.emails.includes('fax@example.com'))).toBe(
			false,
		);
	});

	it('names the field holding an ID Lever does not know', async () => {
		const { error } = await runLever(sim, {
			resource: 'opportunity',
			operation: 'create',
			profileInput: 'fields',
			email: 'stage@example.com',
			stage: byId('no-such-stage'),
			performAs: byId(sim.seed.users.recruiter),
		});
		expect(error?.message).toBe(
			'Lever could not find the "Stage" given (404 ResourceNotFound: stages no-such-stage was not found) (candidate stage@example.com)',
		);
		expect(sim.state.contacts.some((contact) => contact.emails.includes('stage@example.com'))).toBe(
			false,
		);
	});
});

describe('changes to an existing opportunity', () => {
	const id = () => sim.seed.opportunities.adaBackend;

	it('changes the stage, recording the Perform As user', async () => {
		const { json } = await runLever(sim, {
			resource: 'opportunity',
			operation: 'changeStage',
			opportunity: byId(id()),
			stage: { __rl: true, mode: 'list', value: sim.seed.stages.onsite },
			performAs: byId(sim.seed.users.interviewer),
		});
		expect(json[0].stage).toBe(sim.seed.stages.onsite);
		const stored = opportunity(id());
		expect(stored.stage).toBe(sim.seed.stages.onsite);
		expect(stored.stageChanges.slice(-1)[0]).toMatchObject({
			toStageId: sim.seed.stages.onsite,
			userId: sim.seed.users.interviewer,
		});
	});

	it('adds and removes tags and sources', async () => {
		await runLever(sim, {
			resource: 'opportunity',
			operation: 'addTags',
			opportunity: byId(id()),
			tags: 'Shortlist, Remote',
		});
		expect(opportunity(id()).tags).toEqual(expect.arrayContaining(['Shortlist', 'Remote']));
		await runLever(sim, {
			resource: 'opportunity',
			operation: 'removeTags',
			opportunity: byId(id()),
			tags: ['Remote'],
		});
		expect(opportunity(id()).tags).toContain('Shortlist');
		expect(opportunity(id()).tags).not.toContain('Remote');

		await runLever(sim, {
			resource: 'opportunity',
			operation: 'addSources',
			opportunity: byId(id()),
			sources: ['Hackathon'],
		});
		expect(opportunity(id()).sources).toContain('Hackathon');
		await runLever(sim, {
			resource: 'opportunity',
			operation: 'removeSources',
			opportunity: byId(id()),
			sources: ['Hackathon'],
		});
		expect(opportunity(id()).sources).not.toContain('Hackathon');
		expect(apiCalls(sim)).toEqual([
			`POST /opportunities/${id()}/addTags`,
			`POST /opportunities/${id()}/removeTags`,
			`POST /opportunities/${id()}/addSources`,
			`POST /opportunities/${id()}/removeSources`,
		]);
	});

	it('adds and removes links on the person; an empty list is refused before calling Lever', async () => {
		const contact = () =>
			sim.state.contacts.find((entry) => entry.id === opportunity(id()).contact)!;
		const before = [...contact().links];
		await runLever(sim, {
			resource: 'opportunity',
			operation: 'addLinks',
			opportunity: byId(id()),
			links: 'https://ada.example, https://github.com/ada-sim',
		});
		expect(contact().links).toEqual([...before, 'https://ada.example']);
		await runLever(sim, {
			resource: 'opportunity',
			operation: 'removeLinks',
			opportunity: byId(id()),
			links: 'https://ada.example',
		});
		expect(contact().links).toEqual(before);
		const { error } = await runLever(sim, {
			resource: 'opportunity',
			operation: 'removeLinks',
			opportunity: byId(id()),
			links: ' , ',
		});
		expect(error?.message).toBe(`"Links" is empty (opportunity ${id()})`);
	});

	it('refuses an empty tag list before calling Lever', async () => {
		const { error } = await runLever(sim, {
			resource: 'opportunity',
			operation: 'addTags',
			opportunity: byId(id()),
			tags: '={{ [] }}',
		});
		expect(error?.message).toBe(`"Tag Names or IDs" is empty (opportunity ${id()})`);
		expect(sim.requests).toHaveLength(0);
	});

	it('archives with a reason and unarchives', async () => {
		await runLever(sim, {
			resource: 'opportunity',
			operation: 'archive',
			opportunity: byId(id()),
			reason: sim.seed.archiveReasons.withdrew,
		});
		expect(opportunity(id()).archived).toMatchObject({ reason: sim.seed.archiveReasons.withdrew });
		await runLever(sim, {
			resource: 'opportunity',
			operation: 'unarchive',
			opportunity: byId(id()),
		});
		expect(opportunity(id()).archived).toBeNull();
	});

	it('adds a note with score and secret flag', async () => {
		const { json } = await runLever(sim, {
			resource: 'opportunity',
			operation: 'addNote',
			opportunity: byId(id()),
			note: 'Strong systems background',
			options: { score: 4, secret: true },
			performAs: byId(sim.seed.users.recruiter),
		});
		const note = sim.state.notes.find(
			(candidate) =>
				candidate.opportunityId === id() &&
				candidate.fields[0].value === 'Strong systems background',
		)!;
		expect(note).toMatchObject({ secret: true, user: sim.seed.users.recruiter });
		expect(note.fields[0].score).toBe(4);
		expect(json[0]).toMatchObject({ noteId: note.id });
	});

	it('uploads a file from a binary field', async () => {
		const { json, error } = await runLever(
			sim,
			{
				resource: 'opportunity',
				operation: 'uploadFile',
				opportunity: byId(id()),
				binaryPropertyName: 'data',
				performAs: byId(sim.seed.users.recruiter),
			},
			{ input: [pdf('portfolio.pdf', 'portfolio bytes')] },
		);
		expect(error).toBeUndefined();
		const file = sim.state.files.find((candidate) => candidate.id === json[0].id)!;
		expect(file).toMatchObject({
			opportunityId: id(),
			name: 'portfolio.pdf',
			user: sim.seed.users.recruiter,
		});
		expect(file.content.toString()).toBe('portfolio bytes');
	});

	it('refuses a file upload without Perform As, naming the field', async () => {
		const { error } = await runLever(
			sim,
			{
				resource: 'opportunity',
				operation: 'uploadFile',
				opportunity: byId(id()),
				binaryPropertyName: 'data',
			},
			{ input: [pdf('portfolio.pdf', 'x')] },
		);
		expect(error?.message).toBe(
			`Lever needs a user to act as to upload or delete a file: "Perform As" is empty (opportunity ${id()})`,
		);
		expect(sim.requests).toHaveLength(0);
	});

	it('reports the missing binary field by name', async () => {
		const { error } = await runLever(
			sim,
			{
				resource: 'opportunity',
				operation: 'uploadFile',
				opportunity: byId(id()),
				binaryPropertyName: 'resume',
				performAs: byId(sim.seed.users.recruiter),
			},
			{ input: [pdf('portfolio.pdf', 'x')] },
		);
		expect(error?.message).toContain('resume');
	});
});
