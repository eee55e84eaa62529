import { randomUUID } from 'node:crypto';

/** Resource-locator list search and load options, run in n8n's LoadOptionsContext as the editor runs them. */
import type {
	ILoadOptionsFunctions,
	INode,
	INodeParameters,
	INodeType,
	IWorkflowBase,
} from 'n8n-workflow';

import { startLeverSimulator, type LeverSimulator } from '../simulators/lever';
import { createEngine, PACKAGE_NAME } from '../harness';
import { apiKeyCredentials } from './helpers';

let sim: LeverSimulator;
beforeAll(async () => {
	sim = await startLeverSimulator();
});
afterAll(async () => await sim.close());
beforeEach(() => sim.reset());

function editorContext(parameters: INodeParameters = {}): {
	context: ILoadOptionsFunctions;
	nodeType: INodeType;
} {
	const engine = createEngine(apiKeyCredentials(sim));
	const node: INode = {
		id: 'lever',
		name: 'Lever',
		type: `${PACKAGE_NAME}.lever`,
		typeVersion: 1,
		position: [0, 0],
		parameters: {
			authentication: 'apiKey',
			resource: 'opportunity',
			operation: 'get',
			...parameters,
		},
		credentials: { leverApi: { id: 'leverApi', name: 'leverApi' } },
	};
	const workflowData = {
		id: 'editor',
		name: 'editor',
		active: false,
		nodes: [node],
		connections: {},
	} as unknown as IWorkflowBase;
	const context = engine.loadOptionsContext(
		engine.workflow(workflowData),
		workflowData,
		node,
	) as unknown as ILoadOptionsFunctions;
	return { context, nodeType: engine.types.getByNameAndVersion(node.type) as INodeType };
}

describe('list search', () => {
	it('finds opportunities by exact email', async () => {
		const { context, nodeType } = editorContext();
		const { results } = await nodeType.methods!.listSearch!.searchOpportunities.call(
			context,
			'Ada.Lovelace@example.com',
		);
		const adas = sim.state.opportunities.filter(
			(o) => o.contact === sim.seed.contacts.ada && o.confidentiality === 'non-confidential',
		);
		expect(results.map((result) => result.value).sort()).toEqual(adas.map((o) => o.id).sort());
		expect(results[0].name).toBe('Ada Lovelace <ada.lovelace@example.com>');
		expect(sim.requests[0].query).toMatchObject({ email: 'Ada.Lovelace@example.com' });
	});

	it('filters opportunities by name when the text is not an email', async () => {
		const { context, nodeType } = editorContext();
		const { results } = await nodeType.methods!.listSearch!.searchOpportunities.call(
			context,
			'grace',
		);
		expect(results.map((result) => result.value)).toEqual([sim.seed.opportunities.graceArchived]);
		expect(sim.requests[0].query.email).toBeUndefined();
	});

	it("pages through opportunities with Lever's next token", async () => {
		const template = sim.state.opportunities.find((o) => o.id === sim.seed.opportunities.adaData)!;
		for (let index = 0; index < 60; index++) {
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
		const { context, nodeType } = editorContext();
		const first = await nodeType.methods!.listSearch!.searchOpportunities.call(context);
		expect(first.results).toHaveLength(50);
		expect(typeof first.paginationToken).toBe('string');
		const second = await nodeType.methods!.listSearch!.searchOpportunities.call(
			context,
			undefined,
			first.paginationToken as string,
		);
		expect(second.results).toHaveLength(visible - 50);
		expect(second.paginationToken).toBeUndefined();
		expect(new Set([...first.results, ...second.results].map((result) => result.value)).size).toBe(
			visible,
		);
	});

	it('lists postings, stages and users', async () => {
		const { context, nodeType } = editorContext();
		const search = nodeType.methods!.listSearch!;
		const postings = await search.searchPostings.call(context);
		expect(postings.results.map((result) => result.value)).toContain(sim.seed.postings.published);
		const stages = await search.searchStages.call(context, 'reach');
		expect(stages.results).toEqual([
			{ name: 'Reached out', value: sim.seed.stages.leadReachedOut },
		]);
		const users = await search.searchUsers.call(context, sim.seed.userEmails.interviewer);
		expect(users.results.map((result) => result.value)).toEqual([sim.seed.users.interviewer]);
	});
});

describe('load options', () => {
	it('offers archive reasons with their type, tags and sources by name', async () => {
		const { context, nodeType } = editorContext();
		const load = nodeType.methods!.loadOptions!;
		const reasons = await load.getArchiveReasons.call(context);
		const active = sim.state.archiveReasons.filter((reason) => reason.status === 'active');
		expect(reasons.map((option) => option.value).sort()).toEqual(
			active.map((reason) => reason.id).sort(),
		);
		expect(reasons.find((option) => option.value === sim.seed.archiveReasons.hired)?.name).toMatch(
			/\(hired\)$/,
		);
		const tags = await load.getTags.call(context);
		expect(tags.map((option) => option.value)).toEqual(expect.arrayContaining([...sim.seed.tags]));
		const sources = await load.getSources.call(context);
		expect(sources.map((option) => option.value)).toEqual(
			expect.arrayContaining([...sim.seed.sources]),
		);
	});

	it('offers feedback templates and the fields of the chosen one', async () => {
		const { context, nodeType } = editorContext({
			resource: 'feedback',
			operation: 'create',
			template: sim.seed.feedbackTemplate,
		});
		const load = nodeType.methods!.loadOptions!;
		const templates = await load.getFeedbackTemplates.call(context);
		expect(templates.map((option) => option.value)).toContain(sim.seed.feedbackTemplate);
		const fields = await load.getFeedbackTemplateFields.call(context);
		expect(fields.map((option) => option.value)).toEqual(
			expect.arrayContaining(Object.values(sim.seed.feedbackTemplateFields)),
		);
	});
});

describe('list search and options for the records of issue 16', () => {
	const byIdParameter = (value: string) => ({ __rl: true, mode: 'id', value });

	it('lists the records of the opportunity chosen in the node, filtered by the text typed', async () => {
		const { context, nodeType } = editorContext({
			resource: 'note',
			operation: 'get',
			opportunity: byIdParameter(sim.seed.opportunities.adaBackend),
		});
		const search = nodeType.methods!.listSearch!;
		const notes = await search.searchNotes.call(context);
		expect(notes.results).toEqual([
			{
				name: expect.stringMatching(/^2026-01-12 Strong async messaging/),
				value: sim.seed.notes.adaIntro,
			},
		]);
		expect(
			(await search.searchFiles.call(context, 'portfolio')).results.map((result) => result.value),
		).toEqual([sim.seed.files.adaPortfolio]);
		expect((await search.searchPanels.call(context)).results[0].name).toMatch(
			/\(made in Lever, read-only\)$/,
		);
		expect(
			(await search.searchInterviews.call(context)).results.map((result) => result.value),
		).toEqual([sim.seed.interviews.adaPhoneScreen]);
		const none = editorContext({ resource: 'note', operation: 'get' });
		expect(await none.nodeType.methods!.listSearch!.searchNotes.call(none.context)).toEqual({
			results: [],
		});
	});

	it('finds contacts through their opportunities, requisitions by code, and deactivated users only to reactivate them', async () => {
		const { context, nodeType } = editorContext({ resource: 'user', operation: 'reactivate' });
		const search = nodeType.methods!.listSearch!;
		const contacts = await search.searchContacts.call(context, sim.seed.contactEmails.ada);
		expect(contacts.results).toEqual([
			{ name: 'Ada Lovelace <ada.lovelace@example.com>', value: sim.seed.contacts.ada },
		]);
		expect(
			(await search.searchRequisitions.call(context, 'ENG-101')).results.map(
				(result) => result.value,
			),
		).toEqual([sim.seed.requisitions.backendEngineer]);
		expect(
			(await search.searchUsers.call(context, 'dana')).results.map((result) => result.value),
		).toEqual([sim.seed.users.deactivated]);
		const elsewhere = editorContext({ resource: 'user', operation: 'deactivate' });
		expect(
			(await elsewhere.nodeType.methods!.listSearch!.searchUsers.call(elsewhere.context, 'dana'))
				.results,
		).toEqual([]);
	});

	it('offers profile form templates, their fields, requisition fields, users and the fields of a feedback form', async () => {
		const { context, nodeType } = editorContext({
			resource: 'feedback',
			operation: 'update',
			opportunity: byIdParameter(sim.seed.opportunities.adaBackend),
			feedback: byIdParameter(sim.seed.feedback.adaPhoneScreen),
		});
		const options = nodeType.methods!.loadOptions!;
		expect(await options.getProfileFormTemplates.call(context)).toEqual([
			{ name: 'Onboarding details', value: sim.seed.formTemplate },
		]);
		const formCreate = editorContext({
			resource: 'profileForm',
			operation: 'create',
			template: sim.seed.formTemplate,
		});
		const formFields = await options.getProfileFormTemplateFields.call(formCreate.context);
		expect(formFields.map((option) => option.name)).toContain('Confirmed start date *');
		expect(
			(await options.getRequisitionFields.call(context)).map((option) => option.value),
		).toEqual(['cost_center', 'rec_start_date']);
		expect((await options.getUsers.call(context)).map((option) => option.value)).not.toContain(
			sim.seed.users.deactivated,
		);
		expect((await options.getFeedbackFields.call(context)).map((option) => option.value)).toContain(
			sim.seed.feedbackTemplateFields.rating,
		);
	});
});
