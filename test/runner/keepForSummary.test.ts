/**
 * A run keeps of each node's output only what its summary reads (runner/src/report/keepForSummary.ts), once no node
 * still to run can read it. Proved on the hire recipe, whose late nodes read earlier ones by name through several
 * nodes in between (`$('Get Opportunity').item`, `$('Get Offer').item`): every employee still gets its own fields, and
 * afterwards the run data holds item counts and pairedItem links only.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';

import type { INode, INodeExecutionData } from 'n8n-workflow';

import { summarizeRun, summaryView } from '../../runner/src/report/summary';
import { readWorkflow } from '../../runner/src/workflow/file';
import { createEngine } from '../harness';
import { LEVER_SEED as S, startLeverSimulator, type LeverSimulator } from '../simulators/lever';
import { startOnboardingSimulator, type OnboardingSimulator } from '../simulators/onboarding';

const TOKEN = 'Bearer keep-for-summary-token';
let sim: LeverSimulator;
let onboarding: OnboardingSimulator;

beforeAll(async () => {
	sim = await startLeverSimulator({ rateLimit: false });
	onboarding = await startOnboardingSimulator({ auth: { header: 'authorization', value: TOKEN } });
});
afterAll(async () => {
	await sim.close();
	await onboarding.close();
});

/** A hire cloned from Alan (hired, with a signed offer), with its own name and email; `withOffer: false` has none. */
function hire(index: number, withOffer: boolean): string {
	const state = sim.state;
	const alan = state.opportunities.find((o) => o.id === S.opportunities.alanHired)!;
	const ids = { contact: randomUUID(), opportunity: randomUUID(), application: randomUUID() };
	const email = `kept${index}@example.net`;
	state.contacts.push({
		...structuredClone(state.contacts.find((c) => c.id === alan.contact)!),
		id: ids.contact,
		name: `Kept Number${index}`,
		emails: [email],
		links: [],
	});
	const application = state.applications.find((a) => a.id === alan.applications[0])!;
	state.applications.push({
		...structuredClone(application),
		id: ids.application,
		opportunityId: ids.opportunity,
		candidateId: ids.opportunity,
		email,
	});
	state.opportunities.push({
		...structuredClone(alan),
		id: ids.opportunity,
		contact: ids.contact,
		applications: [ids.application],
	});
	if (withOffer) {
		const offer = state.offers.find((o) => o.opportunityId === alan.id && o.status === 'signed')!;
		state.offers.push({
			...structuredClone(offer),
			id: randomUUID(),
			opportunityId: ids.opportunity,
		});
	}
	return ids.opportunity;
}

it('late nodes still read earlier ones by name, and the run data ends with counts and pairedItem links only', async () => {
	// Read as the runner reads a workflow file (sticky notes dropped).
	const recipe = readWorkflow(
		path.join(__dirname, '..', '..', 'recipes', 'hire-to-onboarding.lever.json'),
	);
	recipe.nodes.find((node) => node.name === 'Onboarding Push')!.parameters.url = onboarding.url;
	const engine = createEngine({
		leverApi: {
			apiKey: sim.apiKey,
			environment: 'custom',
			customUrl: sim.baseUrl,
			defaultPerformAs: S.users.recruiter,
		},
		onboardingApi: { authType: 'header', headerName: 'Authorization', headerValue: TOKEN },
	});
	const opportunities = [hire(1, true), hire(2, false), hire(3, true), hire(4, true)];
	const startItems: INodeExecutionData[] = opportunities.map((id) => ({ json: { id } }));
	const workflow = engine.workflow(recipe);
	const run = await engine.run({
		workflow,
		workflowData: recipe,
		startNodeName: 'Hired (Schedule)',
		startItems,
		keepOnlySummaryData: true,
	});

	expect(run.status).toBe('success');
	// Each employee's name and email come from `$('Get Opportunity').item` and its job title from `$('Get Offer').item`,
	// read after the nodes in between were cut down: pairing is intact.
	const pushed = [...onboarding.employees.values()].map((employee) => employee.record);
	expect(
		pushed.map((record) => [
			record.atsCandidateId,
			record.firstName,
			record.lastName,
			record.email,
			record.jobTitle,
		]),
	).toEqual(
		[1, 3, 4].map((index) => [
			opportunities[index - 1],
			'Kept',
			`Number${index}`,
			`kept${index}@example.net`,
			S.alanOffer.jobTitle,
		]),
	);
	expect(
		sim.state.notes
			.filter((note) => note.opportunityId === opportunities[1])
			.map((note) => note.fields.map((field) => String(field.value)).join(' ')),
	).toEqual([expect.stringMatching(/Onboarding not started/)]);

	const runData = run.data.resultData.runData;
	for (const [nodeName, runs] of Object.entries(runData)) {
		for (const task of runs) {
			for (const items of task.data?.main ?? []) {
				for (const item of items ?? [])
					expect({ nodeName, json: item.json, binary: item.binary }).toEqual({
						nodeName,
						json: {},
						binary: undefined,
					});
			}
		}
	}
	const summary = summarizeRun({
		run,
		nodes: recipe.nodes,
		connections: recipe.connections,
		workflow: recipe.name,
		trigger: 'Hired (Schedule)',
		startItems,
		durationMs: 0,
		dryRun: false,
		plannedWrites: 0,
		stateSaved: false,
	});
	expect(summary.status).toBe('success');
	expect(
		Object.fromEntries(summary.nodes.map((node) => [node.node, [node.itemsIn, node.itemsOut]])),
	).toMatchObject({
		'Hired (Schedule)': [4, 4],
		'Has Offer?': [4, 4],
		'Onboarding Push': [3, 3],
		'Note: Offer Missing': [1, 1],
		'Note: Onboarding Started': [3, 3],
	});
});

it('summaryView keeps counts, pairedItem links and failed items whole, and drops the rest', () => {
	const node = { name: 'Push', onError: 'continueErrorOutput' } as INode;
	const ok = {
		json: { email: 'a@example.com', big: 'x'.repeat(1000) },
		binary: { data: { data: 'AAAA', mimeType: 'text/plain' } },
		pairedItem: { item: 0 },
	};
	const failed = { json: { email: 'b@example.com', error: 'refused' }, pairedItem: { item: 1 } };
	expect(summaryView(node, [[ok], [failed]])).toEqual([
		[{ json: {}, pairedItem: { item: 0 } }],
		[failed],
	]);
	// A node set to continue (regular output) marks a failed item by `json.error`.
	const continuing = { name: 'Push', onError: 'continueRegularOutput' } as INode;
	expect(summaryView(continuing, [[ok, failed], null])).toEqual([
		[{ json: {}, pairedItem: { item: 0 } }, failed],
		null,
	]);
});
