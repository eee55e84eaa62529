/**
 * Workflow files saved before the helper nodes moved to n8n-nodes-ats-sync-toolkit name them
 * `n8n-nodes-ats-sync.<name>`: the runner runs them as the toolkit's types and says so once.
 */
import { execSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import type { IWorkflowBase } from 'n8n-workflow';

import { MOVED_NODE_TYPES, renameMovedNodeTypes } from '../../runner/src/workflow/movedTypes';
import { TOOLKIT_PACKAGE_NAME, typeName } from '../harness';
import { repoRoot, runInProcess, tempDir } from './cli';

const toolkitManifest = JSON.parse(
	readFileSync(path.join(repoRoot, 'packages', 'toolkit', 'package.json'), 'utf8'),
) as { n8n: { nodes: string[] } };
/** Toolkit nodes added after the split: no workflow file names them with the old package. */
const ADDED_AFTER_THE_SPLIT = ['reportFailures'];
/** A shipped recipe as it was saved before the split: the moved types under the old package name. */
const beforeTheSplit = (recipe: string) =>
	recipe.replace(/"n8n-nodes-ats-sync-toolkit\.(\w+)"/g, (type: string, name: string) =>
		ADDED_AFTER_THE_SPLIT.includes(name) ? type : `"n8n-nodes-ats-sync.${name}"`,
	);

describe('node types that moved to the toolkit package', () => {
	it("are exactly the toolkit's node types", () => {
		const moved = Object.values(MOVED_NODE_TYPES);
		expect(moved).toHaveLength(toolkitManifest.n8n.nodes.length - ADDED_AFTER_THE_SPLIT.length);
		for (const type of moved) expect(typeName(type.slice(type.indexOf('.') + 1))).toBe(type);
		expect(moved.every((type) => type.startsWith(`${TOOLKIT_PACKAGE_NAME}.`))).toBe(true);
	});

	it('are renamed in place, other types are left alone, and one warning names the old types', () => {
		const workflowData = {
			nodes: [
				{ name: 'Rules', type: 'n8n-nodes-ats-sync.jsonLogicRules' },
				{ name: 'Rules 2', type: 'n8n-nodes-ats-sync.jsonLogicRules' },
				{ name: 'Lever', type: 'n8n-nodes-ats-sync.lever' },
				{ name: 'Set', type: 'n8n-nodes-base.set' },
			],
		} as unknown as IWorkflowBase;
		const warning = renameMovedNodeTypes(workflowData);
		expect(workflowData.nodes.map((node) => node.type)).toEqual([
			'n8n-nodes-ats-sync-toolkit.jsonLogicRules',
			'n8n-nodes-ats-sync-toolkit.jsonLogicRules',
			'n8n-nodes-ats-sync.lever',
			'n8n-nodes-base.set',
		]);
		expect(warning).toMatch(
			/^warning: n8n-nodes-ats-sync\.jsonLogicRules moved to the package n8n-nodes-ats-sync-toolkit; running it as/,
		);
		expect(renameMovedNodeTypes(workflowData)).toBeUndefined();
	});

	it('still validate in a recipe saved before the move, with the warning on stderr', async () => {
		const recipe = readFileSync(
			path.join(repoRoot, 'recipes', 'push-on-interested.lever.json'),
			'utf8',
		);
		const old = beforeTheSplit(recipe);
		expect(old).not.toBe(recipe);
		const file = path.join(tempDir(), 'push-on-interested.before-the-split.json');
		writeFileSync(file, old);
		const result = await runInProcess(['validate', file]);
		expect(result.stderr).toContain(`ats-sync: ${file}: valid`);
		expect(result.stderr).toMatch(
			/warning: n8n-nodes-ats-sync\.contactEventTrigger, .*n8n-nodes-ats-sync\.downloadFile moved to the package n8n-nodes-ats-sync-toolkit; running them as n8n-nodes-ats-sync-toolkit\.<name>\. Update the workflow file before importing it into n8n/,
		);
		expect(result.code).toBe(0);
	});
});

describe('the sed command docs/recipes.md gives for n8n users', () => {
	it('turns each recipe saved before the move into the shipped recipe', () => {
		const docs = readFileSync(path.join(repoRoot, 'docs', 'recipes.md'), 'utf8');
		const command = /^\s*(sed -E -i\.bak '.*' )my-workflow\.json$/m.exec(docs)?.[1];
		expect(command).toBeDefined();
		const dir = tempDir();
		for (const name of readdirSync(path.join(repoRoot, 'recipes')).filter((file) =>
			file.endsWith('.json'),
		)) {
			const shipped = readFileSync(path.join(repoRoot, 'recipes', name), 'utf8');
			const file = path.join(dir, name);
			writeFileSync(file, beforeTheSplit(shipped));
			execSync(`${command}${JSON.stringify(file)}`, { stdio: 'pipe' });
			expect(readFileSync(file, 'utf8')).toBe(shipped);
		}
	});
});
