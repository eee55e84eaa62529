/**
 * The Cloud editions (recipes/cloud/) use only what n8n Cloud offers: n8n's built-in nodes and credentials
 * (n8n-nodes-base) and the verified package n8n-nodes-ats-sync, never the toolkit. `npm run test:n8n` runs them in a
 * real n8n with only the root package installed (test/n8n/cloudRecipes.test.ts); this checks the files.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { INodeTypeDescription, IWorkflowBase } from 'n8n-workflow';

import { packageTypes } from '../harness';
import { repoRoot } from '../runner/cli';
import { nodePackages, recipesDir } from './helpers';

const cloudDir = path.join(recipesDir, 'cloud');
/** n8n's own credential types the Cloud editions use: Crypto (HMAC secrets) and Header Auth (HTTP Request). */
const BUILT_IN_CREDENTIALS = ['crypto', 'httpHeaderAuth'];
const ROOT_PACKAGE = 'n8n-nodes-ats-sync';

type Workflow = IWorkflowBase;
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Workflow;
const editions = readdirSync(cloudDir)
	.filter((name) => name.endsWith('.json'))
	.sort();

/** Credential type names of the root package (its manifest lists `dist/credentials/<Name>.credentials.js`). */
const rootCredentials = nodePackages()
	.find((nodePackage) => nodePackage.name === ROOT_PACKAGE)!
	.n8n.credentials.map((file) => path.basename(file, '.credentials.js'))
	.map((name) => name.charAt(0).toLowerCase() + name.slice(1));

/** Names of the nodes an item leaving `from` at `output` can reach. */
function reachable(workflow: Workflow, from: string, output: number): Set<string> {
	const seen = new Set<string>();
	const queue = (workflow.connections[from]?.main?.[output] ?? []).map(
		(connection) => connection.node,
	);
	while (queue.length > 0) {
		const name = queue.shift()!;
		if (seen.has(name)) continue;
		seen.add(name);
		for (const targets of workflow.connections[name]?.main ?? [])
			for (const target of targets ?? []) queue.push(target.node);
	}
	return seen;
}

describe('Cloud editions of the recipes', () => {
	const types = packageTypes();

	it('exist for exactly the recipes there are', () => {
		expect(editions).toEqual(
			readdirSync(recipesDir)
				.filter((name) => name.endsWith('.json'))
				.sort(),
		);
	});

	it('are what scripts/cloud-editions builds from the toolkit editions (npm run recipes:cloud)', () => {
		const script =
			"import('./scripts/cloud-editions/index.mjs').then((module) => process.stdout.write(JSON.stringify(module.cloudEditions())))";
		const built = JSON.parse(
			execFileSync(process.execPath, ['--input-type=module', '-e', script], {
				cwd: repoRoot,
				encoding: 'utf8',
			}),
		) as Record<string, unknown>;
		expect(Object.keys(built).sort()).toEqual(editions);
		for (const name of editions)
			expect({ name, workflow: read(path.join(cloudDir, name)) }).toEqual({
				name,
				workflow: built[name],
			});
	});

	describe.each(editions)('%s', (name) => {
		const workflow = read(path.join(cloudDir, name));
		const toolkit = read(path.join(recipesDir, name));

		it("uses only n8n's built-in nodes and the nodes of n8n-nodes-ats-sync, with parameters they define", () => {
			for (const node of workflow.nodes) {
				if (node.type.startsWith('n8n-nodes-base.')) continue;
				expect({ node: node.name, type: node.type.slice(0, node.type.lastIndexOf('.')) }).toEqual({
					node: node.name,
					type: ROOT_PACKAGE,
				});
				const description = types.getByNameAndVersion(node.type, node.typeVersion)
					.description as INodeTypeDescription;
				const known = new Set(description.properties.map((property) => property.name));
				if (description.polling) known.add('pollTimes');
				expect({
					node: node.name,
					unknown: Object.keys(node.parameters).filter((parameter) => !known.has(parameter)),
				}).toEqual({ node: node.name, unknown: [] });
			}
		});

		it("uses only n8n's built-in credential types and those of n8n-nodes-ats-sync", () => {
			const used = workflow.nodes.flatMap((node) => Object.keys(node.credentials ?? {}));
			expect(
				used.filter(
					(type) => !BUILT_IN_CREDENTIALS.includes(type) && !rootCredentials.includes(type),
				),
			).toEqual([]);
		});

		it("has the toolkit edition's ATS steps, unchanged (same name, type, version and parameters)", () => {
			const atsSteps = workflow.nodes.filter((node) => node.type.startsWith(`${ROOT_PACKAGE}.`));
			expect(atsSteps.length).toBeGreaterThan(0);
			for (const node of atsSteps) {
				const original = toolkit.nodes.find((candidate) => candidate.name === node.name);
				expect({
					name: node.name,
					type: node.type,
					typeVersion: node.typeVersion,
					parameters: node.parameters,
				}).toEqual({
					name: node.name,
					type: original?.type,
					typeVersion: original?.typeVersion,
					parameters: original?.parameters,
				});
			}
		});

		it('ends the execution as failed for every item a step fails (error outputs lead to Stop and Error)', () => {
			expect(workflow.settings).toMatchObject({ executionOrder: 'v1' });
			const stops = new Set(
				workflow.nodes
					.filter((node) => node.type === 'n8n-nodes-base.stopAndError')
					.map((node) => node.name),
			);
			const failing = workflow.nodes.filter((node) => node.onError === 'continueErrorOutput');
			expect(failing.length).toBeGreaterThan(0);
			for (const node of failing) {
				expect({
					node: node.name,
					reachesStop: [...reachable(workflow, node.name, 1)].some((name) => stops.has(name)),
				}).toEqual({ node: node.name, reachesStop: true });
			}
			expect(workflow.nodes.filter((node) => node.onError === 'continueRegularOutput')).toEqual([]);
		});

		it('explains itself on the canvas with sticky notes', () => {
			expect(
				workflow.nodes.filter((node) => node.type === 'n8n-nodes-base.stickyNote').length,
			).toBeGreaterThanOrEqual(2);
		});
	});
});
