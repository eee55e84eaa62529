/**
 * `npm run test:n8n`, setting the recipes up (issue 15): in a fresh real n8n, recipes imported before their
 * credentials exist and recipes imported after them both end linked — every credential reference points at the
 * credential the recipe names, and each recipe publishes (its triggers register with the simulated ATS). The first
 * order is repaired by `ats-sync n8n-setup` through n8n's public API (with an API key the owner creates over REST);
 * the second is n8n's own link by name on import. Running n8n-setup again changes nothing.
 */
import { ensureBuilt, writeJson } from '../recipes/helpers';
import { runCli, tempDir } from '../runner/cli';
import { freePort, N8nInstance } from './instance';
import { credentialsFor, scenarios, type Ports, type Scenario, type Workflow } from './scenarios';

interface Reference {
	id: string | null;
	name: string;
}
type N8nNode = Workflow['nodes'][number] & { credentials?: Record<string, Reference> };
interface N8nWorkflow {
	id: string;
	name: string;
	versionId: string;
	nodes: N8nNode[];
}
interface N8nCredential {
	id: string;
	name: string;
	type: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('setting the recipes up in a real n8n, in either order', () => {
	const dir = tempDir('test-n8n-setup-');
	let ports: Ports;
	let n8n: N8nInstance;
	let apiKey: string;
	let credentialsFile: string;
	/** Each scenario's workflow as the ops person imports it (its URLs filled in), and its file. */
	const recipeFiles = new Map<Scenario, string>();

	const workflowOf = (scenario: Scenario) => scenario.workflow(ports);
	/** The credentials a recipe file names, node by node. */
	const namedReferences = (scenario: Scenario) =>
		workflowOf(scenario).nodes.flatMap((node) =>
			Object.entries((node as N8nNode).credentials ?? {}).map(([type, reference]) => ({
				node: node.name,
				type,
				name: reference.name,
			})),
		);

	const credentials = async () =>
		(await n8n.request('GET', '/rest/credentials')).body.data as N8nCredential[];
	const workflowsNamed = async (name: string) =>
		(
			(
				await n8n.request(
					'GET',
					`/rest/workflows?filter=${encodeURIComponent(JSON.stringify({ name }))}`,
				)
			).body.data as N8nWorkflow[]
		).filter((workflow) => workflow.name === name);
	const workflow = async (id: string) =>
		(await n8n.request('GET', `/rest/workflows/${id}`)).body.data as N8nWorkflow;

	/** The references of a stored workflow that do not point at an existing credential of the recipe's name and type. */
	async function unlinked(scenario: Scenario, workflowId: string): Promise<string[]> {
		const stored = await workflow(workflowId);
		const existing = await credentials();
		return namedReferences(scenario)
			.filter(({ node, type, name }) => {
				const reference = stored.nodes.find((candidate) => candidate.name === node)?.credentials?.[
					type
				];
				return !existing.some(
					(credential) =>
						credential.id === reference?.id &&
						credential.type === type &&
						credential.name === name &&
						reference?.name === name,
				);
			})
			.map(({ node, name }) => `${scenario.name} → ${node}: ${name}`);
	}

	/** Publishes the workflow (its ATS triggers register with the scenario's simulator), then unpublishes it. */
	async function publishes(scenario: Scenario, workflowId: string) {
		const run = await scenario.start(ports);
		const until = async (what: string, done: () => Promise<boolean>) => {
			const deadline = Date.now() + 60_000;
			while (!(await done())) {
				if (Date.now() > deadline)
					throw new Error(
						`${scenario.name}: ${what} did not finish within 60 s\n${n8n.log().split('\n').slice(-30).join('\n')}`,
					);
				await sleep(250);
			}
		};
		try {
			await n8n.activate(workflowId);
			await until(
				'publishing',
				async () =>
					(await n8n.publicationStatus(workflowId)) === 'published' &&
					run.registeredWebhooks() === scenario.registeringTriggers.length,
			);
			await n8n.deactivate(workflowId);
			await until(
				'unpublishing',
				async () =>
					(await n8n.publicationStatus(workflowId)) === 'not_published' &&
					run.registeredWebhooks() === 0,
			);
		} finally {
			await run.close();
		}
	}

	/** Imports a recipe the way the editor saves it after "Import from file" (REST), with its references as given. */
	async function importByHand(scenario: Scenario, nodes: N8nNode[]): Promise<string> {
		const { name, connections, settings } = workflowOf(scenario);
		return (
			(await n8n.request('POST', '/rest/workflows', { name, nodes, connections, settings })).body
				.data as { id: string }
		).id;
	}

	const setup = () =>
		runCli(
			[
				'n8n-setup',
				'--url',
				n8n.baseUrl,
				'--credentials',
				credentialsFile,
				...scenarios.map((scenario) => recipeFiles.get(scenario)!),
			],
			{
				env: { N8N_API_KEY: apiKey },
			},
		);

	async function removeEverything() {
		for (const scenario of scenarios) {
			for (const stored of await workflowsNamed(String(workflowOf(scenario).name))) {
				await n8n.request('POST', `/rest/workflows/${stored.id}/archive`, {});
				await n8n.request('DELETE', `/rest/workflows/${stored.id}`);
			}
		}
		for (const credential of await credentials())
			await n8n.request('DELETE', `/rest/credentials/${credential.id}`);
	}

	beforeAll(async () => {
		await ensureBuilt();
		ports = {
			lever: await freePort(),
			smartRecruiters: await freePort(),
			onboarding: await freePort(),
			files: await freePort(),
			receiver: await freePort(),
		};
		credentialsFile = writeJson(dir, 'credentials.json', credentialsFor(ports));
		for (const scenario of scenarios)
			recipeFiles.set(scenario, writeJson(dir, scenario.recipe, workflowOf(scenario)));
		n8n = new N8nInstance(await freePort());
		n8n.installPackage();
		await n8n.start();
		// The owner creates an API key for the public API, as under Settings → n8n API.
		const scopes = [
			'credential:list',
			'credential:create',
			'workflow:list',
			'workflow:create',
			'workflow:read',
			'workflow:update',
		];
		const created = await n8n.request('POST', '/rest/api-keys', {
			label: 'ats-sync n8n-setup',
			scopes,
			expiresAt: null,
		});
		apiKey = (created.body.data as { rawApiKey: string }).rawApiKey;
	}, 15 * 60_000);

	afterAll(async () => {
		await n8n?.stop();
		if (n8n && !process.env.KEEP_N8N_USER_FOLDER) n8n.cleanup();
	});

	it("listens only on the free ports it was given (main and task broker), never on n8n's defaults", () => {
		expect(n8n.listeningPorts()).toEqual([n8n.port, n8n.brokerPort!].sort((a, b) => a - b));
	});

	it('import first, then credentials: n8n-setup creates the credentials and links the imported recipes', async () => {
		// Imported before any credential exists. Half as an editor that dropped the references saves them (issue 15:
		// red warnings, Publish disabled), half as n8n's CLI and API keep them: by name, linked to nothing (id null).
		const imported = new Map<Scenario, string>();
		for (const scenario of scenarios) {
			const nodes = workflowOf(scenario).nodes as N8nNode[];
			const asTheEditorSaves = scenario.recipe.includes('.lever.')
				? nodes.map(({ credentials: _dropped, ...node }) => node as N8nNode)
				: nodes;
			imported.set(scenario, await importByHand(scenario, asTheEditorSaves));
		}
		for (const scenario of scenarios)
			expect((await unlinked(scenario, imported.get(scenario)!)).length).toBeGreaterThan(0);

		const first = await setup();
		expect(first.stderr).not.toMatch(/error/i);
		expect(first.code).toBe(0);
		const names = Object.keys(credentialsFor(ports));
		const created = await credentials();
		expect(created.map((credential) => credential.name).sort()).toEqual([...names].sort());
		for (const scenario of scenarios) {
			// Relinked in place: still one workflow of that name, the one imported.
			expect(
				(await workflowsNamed(String(workflowOf(scenario).name))).map((stored) => stored.id),
			).toEqual([imported.get(scenario)]);
			expect(await unlinked(scenario, imported.get(scenario)!)).toEqual([]);
			await publishes(scenario, imported.get(scenario)!);
		}

		// Again: every credential reused, every workflow already linked, nothing new and no new workflow version.
		const versions = await Promise.all(
			scenarios.map(async (scenario) => (await workflow(imported.get(scenario)!)).versionId),
		);
		const again = await setup();
		expect(again.code).toBe(0);
		expect(again.stderr).not.toMatch(/created|imported|relinked/);
		expect((await credentials()).map((credential) => credential.id).sort()).toEqual(
			created.map((credential) => credential.id).sort(),
		);
		expect(
			await Promise.all(
				scenarios.map(async (scenario) => (await workflow(imported.get(scenario)!)).versionId),
			),
		).toEqual(versions);
		expect(again.stderr).not.toContain(apiKey);
	});

	it("credentials first, then import: n8n links each reference by the recipe's credential name", async () => {
		await removeEverything();
		// Created by hand with exactly the recipes' names (what the setup steps in docs/recipes.md say).
		for (const [name, { type, data }] of Object.entries(credentialsFor(ports)))
			await n8n.request('POST', '/rest/credentials', { name, type, data });
		const imported = new Map<Scenario, string>();
		for (const scenario of scenarios)
			imported.set(scenario, await importByHand(scenario, workflowOf(scenario).nodes as N8nNode[]));
		for (const scenario of scenarios) {
			expect(await unlinked(scenario, imported.get(scenario)!)).toEqual([]);
			await publishes(scenario, imported.get(scenario)!);
		}

		// n8n-setup afterwards finds everything in place.
		const before = (await credentials()).map((credential) => credential.id).sort();
		const result = await setup();
		expect(result.code).toBe(0);
		expect(result.stderr).not.toMatch(/created|imported|relinked/);
		expect((await credentials()).map((credential) => credential.id).sort()).toEqual(before);
		expect(result.stderr.match(/its credentials are linked already/g)).toHaveLength(
			scenarios.length,
		);
	});

	it("n8n-setup refuses to guess when two credentials share a recipe's name and type", async () => {
		const [lever] = (await credentials()).filter(
			(credential) => credential.name === 'Lever account',
		);
		const data = credentialsFor(ports)['Lever account'].data;
		await n8n.request('POST', '/rest/credentials', { name: lever.name, type: lever.type, data });
		const result = await setup();
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/n8n has 2 credentials named "Lever account" of type leverApi/);
	});
});
