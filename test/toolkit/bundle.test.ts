import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

import type { INode, INodeType } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { createEngine, runNode, TOOLKIT_PACKAGE_NAME } from '../harness';

// The toolkit's build step itself (plain JavaScript, run by `npm run build`).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const build = require('../../packages/toolkit/scripts/build.js') as {
	bundleNodeFile(entry: string, outfile: string): Promise<string[]>;
	requiredModules(file: string): string[];
};

describe('JSON Logic Rules as published (json-logic-js bundled in, no runtime dependency)', () => {
	// Inside the repository's node_modules, so the bundle resolves n8n-workflow the way n8n provides it.
	const cacheDir = path.resolve(__dirname, '../../node_modules/.cache');
	mkdirSync(cacheDir, { recursive: true });
	const outDir = mkdtempSync(path.join(cacheDir, 'toolkit-build-'));
	const outfile = path.join(outDir, 'JsonLogicRules.node.js');
	let bundled: string[] = [];

	beforeAll(async () => {
		bundled = await build.bundleNodeFile(
			path.resolve(__dirname, '../../packages/toolkit/nodes/JsonLogicRules/JsonLogicRules.node.ts'),
			outfile,
		);
	});

	afterAll(() => rmSync(outDir, { recursive: true, force: true }));

	it("requires nothing but n8n-workflow and keeps json-logic-js's MIT licence", () => {
		expect(bundled).toEqual(['json-logic-js']);
		expect(build.requiredModules(outfile)).toEqual(['n8n-workflow']);
		const head = readFileSync(outfile, 'utf8').slice(0, 600);
		expect(head).toMatch(/^\/\*! Bundled: json-logic-js \d+\.\d+\.\d+ \(MIT\)/);
		expect(head).toContain('Copyright (c) 2015 Jeremy Wadhams');
	});

	it("has no console call left, also none from json-logic-js (n8n's scanner forbids them in the tarball)", () => {
		expect(readFileSync(require.resolve('json-logic-js'), 'utf8')).toMatch(/console\.\w+\(/);
		expect(readFileSync(outfile, 'utf8')).not.toMatch(/console\.\w+\(/);
	});

	it("routes items by a sync policy through n8n's engine", async () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports -- the file this test just built
		const { JsonLogicRules } = require(outfile) as { JsonLogicRules: new () => INodeType };
		const engine = createEngine();
		engine.types.addNodeType(
			`${TOOLKIT_PACKAGE_NAME}.jsonLogicRules`,
			new JsonLogicRules(),
			TOOLKIT_PACKAGE_NAME,
		);
		const { outputs } = await runNode({
			engine,
			type: 'jsonLogicRules',
			parameters: {
				mode: 'syncPolicy',
				defaultPolicy: 'interested',
				campaignOverrides: { overrides: [{ campaignId: 'c-1', policy: 'added' }] },
			},
			input: [
				{ type: 'contact.added', campaign: { id: 'c-1' } },
				{ type: 'contact.replied', campaign: { id: 'c-2' } },
			],
		});
		expect(
			outputs.map((output) => output.map((item) => (item.json.campaign as { id: string }).id)),
		).toEqual([['c-1'], ['c-2']]);

		// The outputs expression is the bundled function's source; it must still evaluate on its own.
		const node: INode = {
			id: 'n',
			name: 'Rules',
			type: `${TOOLKIT_PACKAGE_NAME}.jsonLogicRules`,
			typeVersion: 1,
			position: [0, 0],
			parameters: { mode: 'syncPolicy' },
		};
		const workflow = engine.workflow({ nodes: [node], connections: {} } as never);
		const declared = NodeHelpers.getNodeOutputs(
			workflow,
			node,
			new JsonLogicRules().description,
		) as Array<{ displayName: string }>;
		expect(declared.map((output) => output.displayName)).toEqual(['Sync', 'Skip']);
	});
});
