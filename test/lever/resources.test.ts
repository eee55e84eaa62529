/** The read-mostly resources (postings, stages, users, offers, feedback, …) through n8n's engine. */
import { startLeverSimulator, type LeverSimulator } from '../simulators/lever';
import { byId, runLever } from './helpers';

let sim: LeverSimulator;
beforeAll(async () => {
	sim = await startLeverSimulator();
});
afterAll(async () => await sim.close());
beforeEach(() => sim.reset());

const ids = (items: Array<Record<string, unknown>>) => items.map((item) => item.id).sort();

describe('postings', () => {
	it('gets one posting', async () => {
		const { json } = await runLever(sim, {
			resource: 'posting',
			operation: 'get',
			posting: byId(sim.seed.postings.published),
		});
		expect(json[0]).toMatchObject({ id: sim.seed.postings.published, state: 'published' });
	});

	it('filters by state and category', async () => {
		const published = sim.state.postings.filter(
			(p) =>
				p.confidentiality === 'non-confidential' && ['published', 'internal'].includes(p.state),
		);
		const open = await runLever(sim, {
			resource: 'posting',
			operation: 'getMany',
			returnAll: true,
			filters: { state: ['published', 'internal'] },
		});
		expect(ids(open.json)).toEqual(published.map((p) => p.id).sort());

		const closedOrDraft = await runLever(sim, {
			resource: 'posting',
			operation: 'getMany',
			returnAll: true,
			filters: { state: ['closed', 'draft'] },
		});
		expect(ids(closedOrDraft.json)).toEqual(
			[sim.seed.postings.closed, sim.seed.postings.draft].sort(),
		);

		const team = sim.state.postings.find((p) => p.id === sim.seed.postings.published)!.categories
			.team;
		const byTeam = await runLever(sim, {
			resource: 'posting',
			operation: 'getMany',
			returnAll: true,
			filters: { team },
		});
		expect(byTeam.json.length).toBeGreaterThan(0);
		expect(byTeam.json.every((p) => (p.categories as { team: string }).team === team)).toBe(true);
	});
});

describe('reference lists', () => {
	it('lists stages, sources and tags', async () => {
		const stages = await runLever(sim, {
			resource: 'stage',
			operation: 'getMany',
			returnAll: true,
		});
		expect(stages.json.map((stage) => stage.id)).toEqual(sim.state.stages.map((stage) => stage.id));
		const sources = await runLever(sim, {
			resource: 'source',
			operation: 'getMany',
			returnAll: true,
		});
		expect(sources.json.map((source) => source.text)).toEqual(
			expect.arrayContaining([...sim.seed.sources]),
		);
		const tags = await runLever(sim, {
			resource: 'tag',
			operation: 'getMany',
			returnAll: false,
			limit: 2,
		});
		expect(tags.json).toHaveLength(2);
	});

	it('lists archive reasons of one type', async () => {
		const { json } = await runLever(sim, {
			resource: 'archiveReason',
			operation: 'getMany',
			returnAll: true,
			type: 'hired',
		});
		expect(ids(json)).toEqual(
			sim.state.archiveReasons
				.filter((reason) => reason.type === 'hired')
				.map((reason) => reason.id)
				.sort(),
		);
	});

	it('finds a user by email and gets one by id', async () => {
		const found = await runLever(sim, {
			resource: 'user',
			operation: 'getMany',
			returnAll: true,
			filters: { email: sim.seed.userEmails.recruiter },
		});
		expect(ids(found.json)).toEqual([sim.seed.users.recruiter]);
		const one = await runLever(sim, {
			resource: 'user',
			operation: 'get',
			user: byId(sim.seed.users.admin),
		});
		expect(one.json[0]).toMatchObject({
			id: sim.seed.users.admin,
			email: sim.seed.userEmails.admin,
		});
		const all = await runLever(sim, {
			resource: 'user',
			operation: 'getMany',
			returnAll: true,
			filters: { includeDeactivated: true },
		});
		expect(ids(all.json)).toContain(sim.seed.users.deactivated);
	});
});

describe('per-opportunity lists', () => {
	it('lists offers, interviews and feedback of an opportunity', async () => {
		const offers = await runLever(sim, {
			resource: 'offer',
			operation: 'getMany',
			opportunity: byId(sim.seed.opportunities.alanHired),
			returnAll: true,
		});
		expect(ids(offers.json)).toEqual(
			[sim.seed.offers.alanSigned, sim.seed.offers.alanDenied].sort(),
		);
		const interviews = await runLever(sim, {
			resource: 'interview',
			operation: 'getMany',
			opportunity: byId(sim.seed.opportunities.adaBackend),
			returnAll: true,
		});
		expect(ids(interviews.json)).toEqual([sim.seed.interviews.adaPhoneScreen]);
		const feedback = await runLever(sim, {
			resource: 'feedback',
			operation: 'getMany',
			opportunity: byId(sim.seed.opportunities.adaBackend),
			returnAll: true,
		});
		expect(ids(feedback.json)).toEqual([sim.seed.feedback.adaPhoneScreen]);
	});

	it('runs once per input item, each result paired with its item', async () => {
		const opportunities = [sim.seed.opportunities.adaBackend, sim.seed.opportunities.alanHired];
		const { outputs } = await runLever(
			sim,
			{
				resource: 'feedback',
				operation: 'getMany',
				opportunity: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				returnAll: true,
			},
			{ input: opportunities.map((id) => ({ id })) },
		);
		const expected = opportunities.flatMap((id, item) =>
			sim.state.feedback.filter((f) => f.opportunityId === id).map(() => ({ item })),
		);
		expect(outputs[0].map((entry) => entry.pairedItem)).toEqual(expected);
	});
});

describe('feedback', () => {
	it('submits a scorecard from a template with field values', async () => {
		const fields = sim.seed.feedbackTemplateFields;
		const { json, error } = await runLever(sim, {
			resource: 'feedback',
			operation: 'create',
			opportunity: byId(sim.seed.opportunities.adaData),
			template: sim.seed.feedbackTemplate,
			fieldValues: {
				field: [
					{ id: fields.rating, value: '3 - Hire' },
					{ id: fields.comments, value: 'Clear thinker' },
				],
			},
			performAs: byId(sim.seed.users.interviewer),
		});
		expect(error).toBeUndefined();
		const stored = sim.state.feedback.find((f) => f.id === json[0].id)!;
		expect(stored).toMatchObject({
			opportunityId: sim.seed.opportunities.adaData,
			baseTemplateId: sim.seed.feedbackTemplate,
			user: sim.seed.users.interviewer,
		});
		expect(stored.fields.find((field) => field.id === fields.comments)?.value).toBe(
			'Clear thinker',
		);
		expect(stored.fields.find((field) => field.id === fields.rating)?.value).toBeTruthy();
	});

	it('needs a Perform As user', async () => {
		const { error } = await runLever(sim, {
			resource: 'feedback',
			operation: 'create',
			opportunity: byId(sim.seed.opportunities.adaData),
			template: sim.seed.feedbackTemplate,
		});
		expect(error?.message).toBe(
			`Lever needs a user to act as to submit feedback: "Perform As" is empty (opportunity ${sim.seed.opportunities.adaData})`,
		);
		expect(
			sim.state.feedback.filter((f) => f.opportunityId === sim.seed.opportunities.adaData),
		).toHaveLength(0);
	});
});
