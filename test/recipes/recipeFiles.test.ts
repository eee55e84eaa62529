/**
 * Every recipe is a plain n8n workflow export built only from this package's nodes and credentials, and passes
 * `ats-sync validate` (the checks `run` makes before sending anything).
 */
import { readdirSync, readFileSync } from 'node:fs';

import type { INodeTypeDescription, IWorkflowBase } from 'n8n-workflow';

import { packageTypes, typeName } from '../harness';
import { runCli } from '../runner/cli';
import { ensureBuilt, recipeFile, recipesDir } from './helpers';

const RECIPES = [
	'push-on-interested.lever.json',
	'push-on-interested.smartrecruiters.json',
	'hire-to-onboarding.lever.json',
	'hire-to-onboarding.smartrecruiters.json',
	'export-on-interview-feedback.lever.json',
	'export-on-interview-feedback.smartrecruiters.json',
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const read = (name: string) => JSON.parse(readFileSync(recipeFile(name), 'utf8')) as IWorkflowBase & { meta?: object; pinData?: object };

/** n8n's sticky note: the recipes' setup text on the canvas (n8n's own type; the runner leaves it out). */
const STICKY_NOTE = 'n8n-nodes-base.stickyNote';
const stickyNotesOf = (workflow: IWorkflowBase) => workflow.nodes.filter((node) => node.type === STICKY_NOTE);
const nodesOf = (workflow: IWorkflowBase) => workflow.nodes.filter((node) => node.type !== STICKY_NOTE);
/** n8n draws a node about 100 × 100 px with its name and subtitle below: closer than this, one hides the other's text. */
const MIN_GAP = 200;

/** Node and credential types this package provides: the classes package.json's `n8n` field lists (harness loader). */
function providedTypes() {
	const types = packageTypes();
	return { types, credentialNames: new Set(types.credentialTypeNames()) };
}

describe('recipe files', () => {
	const { types, credentialNames } = providedTypes();

	it('are exactly the six recipes, each for Lever and SmartRecruiters', () => {
		expect(readdirSync(recipesDir).filter((name) => name.endsWith('.json')).sort()).toEqual([...RECIPES].sort());
	});

	describe.each(RECIPES)('%s', (name) => {

		it('has the shape of an n8n export: name, nodes with ids and positions, connections, settings, meta', () => {
			const workflow = read(name);
			expect(typeof workflow.name).toBe('string');
			expect(workflow.settings).toMatchObject({ executionOrder: 'v1' });
			expect(workflow.meta).toEqual(expect.any(Object));
			expect(workflow.active).toBe(false);
			const names = new Set<string>();
			const ids = new Set<string>();
			for (const node of workflow.nodes) {
				expect(node.id).toMatch(UUID);
				expect(ids.has(node.id)).toBe(false);
				expect(names.has(node.name)).toBe(false);
				ids.add(node.id);
				names.add(node.name);
				expect(node.position).toEqual([expect.any(Number), expect.any(Number)]);
				expect(typeof node.typeVersion).toBe('number');
				expect(node.parameters).toEqual(expect.any(Object));
			}
			for (const [from, byType] of Object.entries(workflow.connections)) {
				expect(names.has(from)).toBe(true);
				for (const targets of byType.main ?? []) for (const target of targets ?? []) expect(names.has(target.node)).toBe(true);
			}
		});

		it('uses only node types of this repository\'s two packages, at versions they have, with parameters they define', () => {
			const workflow = read(name);
			for (const node of nodesOf(workflow)) {
				expect(node.type).toBe(typeName(node.type.slice(node.type.lastIndexOf('.') + 1)));
				expect(types.hasNodeType(node.type)).toBe(true);
				const nodeType = types.getByNameAndVersion(node.type, node.typeVersion);
				const description = nodeType.description as INodeTypeDescription;
				const versions = Array.isArray(description.version) ? description.version : [description.version];
				expect(versions).toContain(node.typeVersion);
				const known = new Set(description.properties.map((property) => property.name));
				// n8n's node loader gives every polling node a "Poll Times" schedule (the canvas uses it; cron replaces it).
				if (description.polling) known.add('pollTimes');
				const unknown = Object.keys(node.parameters).filter((parameter) => !known.has(parameter));
				expect({ node: node.name, unknown }).toEqual({ node: node.name, unknown: [] });
				if (description.webhooks?.length) expect(node.webhookId).toMatch(UUID);
			}
		});

		it('references credentials by name, of types this package provides and the node accepts', () => {
			const workflow = read(name);
			for (const node of nodesOf(workflow)) {
				const accepted = (types.getByNameAndVersion(node.type, node.typeVersion).description.credentials ?? []).map((c) => c.name);
				for (const [type, reference] of Object.entries(node.credentials ?? {})) {
					expect(credentialNames.has(type)).toBe(true);
					expect(accepted).toContain(type);
					// No id: n8n links a null id by name, while its editor drops an id it does not know (docs/recipes.md).
					expect(reference).toEqual({ id: null, name: expect.any(String) });
				}
			}
		});
	});

	describe.each(RECIPES)('%s on the canvas', (name) => {
		it('has a setup note naming every credential, and a note on where failures go', () => {
			const workflow = read(name);
			const notes = stickyNotesOf(workflow).map((note) => String(note.parameters.content));
			expect(notes).toHaveLength(2);
			const [setup, failures] = notes;
			const credentialNames = new Set(nodesOf(workflow).flatMap((node) => Object.values(node.credentials ?? {}).map((c) => c.name)));
			for (const credential of credentialNames) expect(setup).toContain(`**${credential}**`);
			expect(setup).toMatch(/### Fill in/);
			expect(setup).toMatch(/Report Failures/);
			if (name.startsWith('push-on-interested.lever') || name.startsWith('export-on-interview-feedback.lever')) {
				expect(setup).toMatch(/Default Perform As/);
			}
			expect(failures).toMatch(/Where failures go/);
		});

		it('lays nodes out so no node hides another one\'s name or subtitle', () => {
			const nodes = nodesOf(read(name));
			const tooClose = nodes.flatMap((a, i) =>
				nodes
					.slice(i + 1)
					.filter((b) => Math.abs(a.position[0] - b.position[0]) < MIN_GAP && Math.abs(a.position[1] - b.position[1]) < MIN_GAP)
					.map((b) => `${a.name} / ${b.name}`),
			);
			expect(tooClose).toEqual([]);
		});

		it('wires every error output to its own input of Report Failures', () => {
			const workflow = read(name);
			const report = workflow.nodes.filter((node) => node.type === typeName('reportFailures'));
			expect(report.map((node) => node.name)).toEqual(['Report Failures']);
			const sources = nodesOf(workflow).filter((node) => node.onError === 'continueErrorOutput');
			expect(report[0].parameters.numberInputs).toBe(sources.length);
			const inputs = sources.map((node) => {
				const outputs = workflow.connections[node.name]?.main ?? [];
				const description = types.getByNameAndVersion(node.type, node.typeVersion).description as INodeTypeDescription;
				const errorOutput = (description.outputs as string[]).length;
				expect({ node: node.name, targets: outputs[errorOutput] }).toEqual({
					node: node.name,
					targets: [{ node: 'Report Failures', type: 'main', index: expect.any(Number) }],
				});
				return outputs[errorOutput]![0].index;
			});
			expect(inputs.sort((a, b) => a - b)).toEqual(sources.map((_, index) => index));
		});
	});

	it('all pass `ats-sync validate`', async () => {
		await ensureBuilt();
		const result = await runCli(['validate', ...RECIPES.map(recipeFile), '--json']);
		const events = result.stdout
			.split('\n')
			.filter(Boolean)
			.map((line) => JSON.parse(line) as { file: string; valid: boolean; problems: string[] });
		expect(events.map(({ file, valid, problems }) => ({ file, valid, problems }))).toEqual(
			RECIPES.map((name) => ({ file: recipeFile(name), valid: true, problems: [] })),
		);
		expect(result.code).toBe(0);
	});
});
