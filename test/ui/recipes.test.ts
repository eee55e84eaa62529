/**
 * `npm run test:ui`: each shipped recipe in a real n8n editor (the n8n of test/n8n/instance.ts, both packages installed
 * as community packages), in Debian's Chromium, set up the way docs/recipes.md says: credentials created under the
 * names the recipes use, then the recipe file imported from the workflow menu. It asserts what an ops person sees —
 * credentials linked by name, no red issue icons, Publish enabled, every label readable — and saves each canvas
 * (zoomed to fit) as docs/images/<recipe>.png, the pictures docs/recipes.md shows. One recipe is published and sent one
 * bad item on its production URL: the Executions tab must show a failed execution, and the good item must reach Lever.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

import type { BrowserContext, Page } from 'playwright-core';

import {
	ensureBuilt,
	postSigned,
	recipeFile,
	writeJson,
	type RecipeWorkflow,
} from '../recipes/helpers';
import { OUTREACH_SIGNING_SECRET, pushLever } from '../recipes/inputs';
import { leverByEmail } from '../recipes/leverState';
import { repoRoot, tempDir } from '../runner/cli';
import { startLeverSimulator } from '../simulators/lever';
import { credentialNamesIn, freePort, N8nInstance } from '../n8n/instance';
import { credentialsFor, type Ports } from '../n8n/scenarios';
import { chromiumVersion, launchChromium } from './chromium';
import {
	canvasLayoutProblems,
	executionStatusesShown,
	importFromFile,
	nodesWithIssues,
	openWorkflow,
	publish,
	publishButton,
	saveCanvasPicture,
	signIn,
	waitUntil,
	zoomToFit,
} from './editor';

const IMAGES_DIR = path.join(repoRoot, 'docs', 'images');
const RECIPES = readdirSync(path.join(repoRoot, 'recipes'))
	.filter((file) => file.endsWith('.json'))
	.map((file) => path.basename(file, '.json'))
	.sort();
/** The recipe sent a bad item on its production URL, and the webhook path its Contact Event trigger serves. */
const FAILING_RECIPE = 'push-on-interested.lever';
const CONTACT_EVENT_PATH = 'contact-events';

type SavedWorkflow = {
	nodes: Array<{
		name: string;
		type: string;
		webhookId?: string;
		credentials?: Record<string, { id: string; name: string }>;
	}>;
};

const recipeOf = (recipe: string) =>
	JSON.parse(readFileSync(recipeFile(`${recipe}.json`), 'utf8')) as RecipeWorkflow;

/** Credential name → type, for every credential the recipes name. */
function credentialsNamedByRecipes(): Map<string, string> {
	const named = new Map<string, string>();
	for (const recipe of RECIPES) {
		for (const node of recipeOf(recipe).nodes)
			for (const [type, reference] of Object.entries(node.credentials ?? {}))
				named.set(reference.name, type);
	}
	return named;
}

describe('recipes in the n8n editor (Debian Chromium, headless)', () => {
	let n8n: N8nInstance;
	let ports: Ports;
	let context: BrowserContext;
	let closeBrowser: (() => Promise<void>) | undefined;
	let page: Page;
	const dir = tempDir('test-ui-');
	/** Screenshots of the page where a recipe's check failed; kept after the run. */
	const failuresDir = tempDir('test-ui-failures-');
	/** Credential name → the id n8n gave it. */
	const credentialIds = new Map<string, string>();
	const workflowIds = new Map<string, string>();
	const timings: Record<string, number> = {};
	const testStarted = Date.now();
	/** One line per step on stderr (jest shows it as it happens), so a stuck step names itself. */
	const progress = (what: string) =>
		process.stderr.write(`test:ui +${Math.round((Date.now() - testStarted) / 1000)} s: ${what}\n`);

	const saved = async (workflowId: string) =>
		(await n8n.request('GET', `/rest/workflows/${workflowId}`)).body.data as SavedWorkflow;
	/** Whether n8n has stored the workflow with all its nodes (the editor names a new workflow before it saves it). */
	const isSaved = async (workflowId: string, nodeCount: number) => {
		const response = await n8n.request('GET', `/rest/workflows/${workflowId}`, undefined, {
			allowError: true,
		});
		return (
			response.status === 200 && (response.body.data as SavedWorkflow).nodes.length === nodeCount
		);
	};

	beforeAll(async () => {
		const started = Date.now();
		await ensureBuilt();
		ports = {
			lever: await freePort(),
			smartRecruiters: await freePort(),
			onboarding: await freePort(),
			files: await freePort(),
			receiver: await freePort(),
		};
		n8n = new N8nInstance(await freePort());
		n8n.installPackage();
		await n8n.start();
		timings.n8nStartSeconds = (Date.now() - started) / 1000;

		// Step 1 of the setup: one credential per name the recipes use (the editor's credential modal saves through this call).
		const available = credentialsFor(ports);
		for (const [name, type] of credentialsNamedByRecipes()) {
			const credential = available[name];
			if (!credential)
				throw new Error(
					`The recipes name a credential "${name}" (${type}) that test/n8n/scenarios.ts credentialsFor() does not define`,
				);
			expect(credential.type).toBe(type);
			const created = (
				await n8n.request('POST', '/rest/credentials', { name, type, data: credential.data })
			).body.data as { id: string };
			credentialIds.set(name, created.id);
		}

		const browserStarted = Date.now();
		({ context, close: closeBrowser } = await launchChromium({
			viewport: { width: 1600, height: 1000 },
		}));
		page = await context.newPage();
		await signIn(page, n8n.baseUrl);
		timings.browserStartSeconds = (Date.now() - browserStarted) / 1000;
		process.stderr.write(`test:ui: n8n ${n8n.installation.version}, ${chromiumVersion()}\n`);
		mkdirSync(IMAGES_DIR, { recursive: true });
	}, 15 * 60_000);

	afterAll(async () => {
		await closeBrowser?.();
		await n8n?.stop();
		process.stderr.write(`test:ui timings (s): ${JSON.stringify(timings)}\n`);
		if (n8n && !process.env.KEEP_N8N_USER_FOLDER) n8n.cleanup();
		rmSync(dir, { recursive: true, force: true });
	});

	describe.each(RECIPES)('%s', (recipe) => {
		it('imports linked to its credentials, shows no warnings, can be published, keeps every label readable (picture saved)', async () => {
			const started = Date.now();
			const shipped = recipeOf(recipe);
			// Step 2 of the setup: the shipped file, unchanged, through the workflow menu.
			progress(`${recipe}: importing`);
			const workflowId = await importFromFile(
				page,
				n8n.baseUrl,
				recipeFile(`${recipe}.json`),
				(what) => progress(`${recipe}: ${what}`),
			);
			workflowIds.set(recipe, workflowId);
			progress(`${recipe}: imported as ${workflowId}, waiting for n8n to save it`);
			await waitUntil(() => isSaved(workflowId, shipped.nodes.length), `n8n to save ${recipe}`);
			progress(`${recipe}: saved; reopening`);

			// Reopened as someone coming back to it: the picture first, so it is there even when an assertion below fails.
			try {
				await openWorkflow(page, n8n.baseUrl, workflowId, shipped.nodes.length);
				progress(`${recipe}: reopened; zooming to fit`);
				await zoomToFit(page);
				progress(`${recipe}: drawing`);
				await saveCanvasPicture(page, path.join(IMAGES_DIR, `${recipe}.png`));
			} catch (error) {
				// What the browser showed when it went wrong, for the person reading the failure.
				const shown = path.join(failuresDir, `${recipe}.png`);
				await page.screenshot({ path: shown }).catch(() => undefined);
				progress(`${recipe}: ${String(error)}; the page as shown: ${shown}`);
				throw error;
			}
			progress(`${recipe}: picture saved; checking links, issues, Publish and labels`);

			// Each node keeps the credential of the name the recipe gives (n8n links by name; it must not pick another).
			const links = (
				workflow: SavedWorkflow | RecipeWorkflow,
				ids: (name: string, id: string | null) => string,
			) =>
				workflow.nodes.flatMap((node) =>
					Object.entries(node.credentials ?? {}).map(
						([type, reference]) =>
							`${node.name}: ${type} "${reference.name}" ${ids(reference.name, reference.id)}`,
					),
				);
			// One comparison, so a failure lists everything wrong with the recipe at once.
			expect({
				credentialLinks: links(await saved(workflowId), (_name, id) => id ?? 'none'),
				nodesWithIssues: await nodesWithIssues(page),
				publishEnabled: await publishButton(page).isEnabled(),
				hiddenLabels: await canvasLayoutProblems(page),
			}).toEqual({
				credentialLinks: links(shipped, (name) => credentialIds.get(name) ?? 'not created'),
				nodesWithIssues: [],
				publishEnabled: true,
				hiddenLabels: [],
			});
			timings[recipe] = (Date.now() - started) / 1000;
		});
	});

	it(`${FAILING_RECIPE}: published, one bad item on its production URL shows as a failed execution; the good item reaches Lever`, async () => {
		const workflowId = workflowIds.get(FAILING_RECIPE);
		if (!workflowId) throw new Error(`${FAILING_RECIPE} was not imported`);
		const started = Date.now();
		const lever = await startLeverSimulator({ port: ports.lever });
		try {
			const workflow = recipeOf(FAILING_RECIPE);
			await openWorkflow(page, n8n.baseUrl, workflowId, workflow.nodes.length);
			await publish(page);
			const trigger = (await saved(workflowId)).nodes.find((node) =>
				node.type.endsWith('.contactEventTrigger'),
			);
			if (!trigger?.webhookId)
				throw new Error(`${FAILING_RECIPE} has no Contact Event trigger with a webhook id`);
			const url = n8n.webhookUrl(trigger.webhookId, CONTACT_EVENT_PATH);
			await waitUntil(
				async () =>
					(await n8n.publicationStatus(workflowId)) === 'published' && (await n8n.webhookLive(url)),
				`${FAILING_RECIPE} to go live`,
			);

			// A good contact and one without the mandatory name, in one delivery.
			const bad = pushLever.events('http://127.0.0.1:1').find((event) => event.eventId === 'e-5')!;
			const delivery = await postSigned(url, OUTREACH_SIGNING_SECRET, [pushLever.served, bad]);
			expect(delivery.status).toBe(200);
			await waitUntil(async () => {
				const executions = await n8n.executions(workflowId);
				return (
					executions.length > 0 &&
					executions.every((execution) => !['new', 'running', 'waiting'].includes(execution.status))
				);
			}, 'the execution to finish');

			expect(
				leverByEmail(lever, (pushLever.served.contact as { email: string }).email),
			).toHaveLength(1);
			expect(await executionStatusesShown(page, n8n.baseUrl, workflowId)).toEqual(['error']);
		} finally {
			await n8n.deactivate(workflowId).catch(() => undefined);
			await lever.close();
		}
		timings.failedExecutionSeconds = (Date.now() - started) / 1000;
	});

	it('import first, then credentials: reopened, every node is linked by name, and the save keeps the links', async () => {
		// A copy of a recipe whose credential names exist nowhere yet, imported as an ops person does before setting up.
		const later = recipeOf('push-on-interested.smartrecruiters');
		later.name = `${later.name} (credentials created later)`;
		for (const node of later.nodes) {
			for (const reference of Object.values(node.credentials ?? {}))
				reference.name = `${reference.name} (created later)`;
			if (node.webhookId) node.webhookId = node.webhookId.replace(/^[0-9a-f]{8}/, '1a7e1a7e');
		}
		const workflowId = await importFromFile(
			page,
			n8n.baseUrl,
			writeJson(dir, 'push-on-interested.smartrecruiters.later.json', later),
		);
		await waitUntil(() => isSaved(workflowId, later.nodes.length), 'n8n to save the copy');
		// Saved by name, linked to nothing yet.
		const ids = (workflow: SavedWorkflow | RecipeWorkflow) =>
			workflow.nodes.flatMap((node) =>
				Object.values(node.credentials ?? {}).map((reference) => reference.id ?? null),
			);
		expect(ids(await saved(workflowId))).toEqual(ids(later));

		const available = credentialsFor(ports);
		const created = new Map<string, string>();
		for (const name of credentialNamesIn([later])) {
			const { type, data } = available[name.replace(/ \(created later\)$/, '')];
			const response = await n8n.request('POST', '/rest/credentials', { name, type, data });
			created.set(name, (response.body.data as { id: string }).id);
		}
		await openWorkflow(page, n8n.baseUrl, workflowId, later.nodes.length);
		expect(await nodesWithIssues(page)).toEqual([]);
		await page.keyboard.press('ControlOrMeta+s');
		const linked = async () =>
			(await saved(workflowId)).nodes.every((node) =>
				Object.values(node.credentials ?? {}).every(
					(reference) => reference.id === created.get(reference.name),
				),
			);
		await waitUntil(linked, 'the save to keep every credential link');
		await expect(publishButton(page).isEnabled()).resolves.toBe(true);
	});

	it('the checks see what is wrong: a node without its credential shows an issue, a node moved onto another hides labels', async () => {
		const broken = recipeOf(FAILING_RECIPE);
		const upsert = broken.nodes.find((node) => node.name === 'Upsert Candidate')!;
		// OAuth2 instead of the API key, and no OAuth2 credential exists: n8n cannot link one.
		upsert.parameters.authentication = 'oAuth2';
		delete upsert.credentials;
		// Sync Policy moved just below the trigger, over its label and subtitle.
		const placed = broken.nodes as Array<
			RecipeWorkflow['nodes'][number] & { position: [number, number] }
		>;
		const [x, y] = placed.find((node) => node.name === 'Contact Event')!.position;
		placed.find((node) => node.name === 'Sync Policy')!.position = [x, y + 60];
		broken.name = `${broken.name} (deliberately broken)`;
		for (const node of broken.nodes)
			if (node.webhookId) node.webhookId = node.webhookId.replace(/^[0-9a-f]{8}/, '0b0ea0a0');

		const workflowId = await importFromFile(
			page,
			n8n.baseUrl,
			writeJson(dir, `${FAILING_RECIPE}.broken.json`, broken),
		);
		await waitUntil(() => isSaved(workflowId, broken.nodes.length), 'n8n to save the broken copy');
		await openWorkflow(page, n8n.baseUrl, workflowId, broken.nodes.length);
		await zoomToFit(page);
		expect(await nodesWithIssues(page)).toEqual(['Upsert Candidate']);
		expect(await canvasLayoutProblems(page)).toEqual(
			expect.arrayContaining([expect.stringMatching(/"Sync Policy" covers "Contact Event" text/)]),
		);
	});
});
