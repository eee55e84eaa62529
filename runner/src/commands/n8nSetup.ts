/**
 * `ats-sync n8n-setup --url <n8n> --api-key <key> [--credentials <file>] <recipe.json>...`: sets recipes up in an n8n
 * through its public API so that their credential links hold, whichever came first.
 *
 * 1. Reads each recipe and the credentials its nodes use (by type and name, as `ats-sync run` does).
 * 2. Reuses the n8n credential of that name and type, or creates it from the credentials file (validated first;
 *    nothing is sent when one is invalid or missing). Never a second credential of the same name and type.
 * 3. Imports each recipe with every reference pointing at those credentials' ids, unless a workflow of that name
 *    exists: then only its credential references are relinked (e.g. after an import made before the credentials
 *    existed, whose references n8n dropped), and everything else in it is kept.
 * Running it again changes nothing.
 */
import type { IWorkflowBase } from 'n8n-workflow';

import type { CredentialUse } from '../credentials/sources';
import { credentialUses, readCredentialsFile, resolveCredentials } from '../credentials/sources';
import { EXIT_INVALID, EXIT_SUCCESS, UserError } from '../errors';
import type { PublicCredential, PublicWorkflow, WorkflowWrite } from '../n8nPublicApi';
import { N8nPublicApi } from '../n8nPublicApi';
import { loadNodePackages } from '../nodePackages';
import type { Reporter } from '../report/reporter';
import { credentialKey, relinkCredentials } from '../workflow/credentialLinks';
import { nodeTypeProblems, readWorkflow } from '../workflow/file';

export interface N8nSetupOptions {
	url: string;
	apiKey: string;
	credentialsFile?: string;
	recipes: string[];
	nodes: string[];
}

interface Recipe {
	file: string;
	workflowData: IWorkflowBase;
	uses: CredentialUse[];
}

function readRecipes(options: N8nSetupOptions, reporter: Reporter) {
	const loaded = loadNodePackages(options.nodes);
	const problems: string[] = [];
	const recipes: Recipe[] = [];
	for (const file of options.recipes) {
		const workflowData = readWorkflow(file, (message) => reporter.note(`${file}: ${message}`));
		const typeProblems = nodeTypeProblems(
			workflowData,
			loaded.types,
			loaded.packages,
			loaded.problems,
		);
		if (typeProblems.length > 0) {
			problems.push(...typeProblems.map((problem) => `${file}: ${problem}`));
			continue;
		}
		const { uses, problems: unset } = credentialUses(workflowData, loaded.types);
		problems.push(...unset.map((problem) => `${file}: ${problem}`));
		recipes.push({ file, workflowData, uses });
	}
	return { recipes, problems, types: loaded.types };
}

/** The one n8n credential of each wanted type and name; two of the same name and type are refused (n8n would not link either). */
function existingMatches(
	wanted: CredentialUse[],
	existing: PublicCredential[],
): Map<string, PublicCredential> {
	const found = new Map<string, PublicCredential>();
	for (const use of wanted) {
		const matches = existing.filter(
			(credential) => credential.type === use.type && credential.name === use.details.name,
		);
		if (matches.length > 1) {
			throw new UserError(
				`n8n has ${matches.length} credentials named "${use.details.name}" of type ${use.type} (ids ${matches.map((match) => match.id).join(', ')}): rename or delete all but one, then run n8n-setup again`,
			);
		}
		if (matches.length === 1) found.set(credentialKey(use.type, use.details.name), matches[0]);
	}
	return found;
}

/** What n8n's public API takes of a workflow (it refuses read-only fields such as `active`, `id` or `meta`). */
function writable(
	workflow: Pick<IWorkflowBase, 'name' | 'nodes' | 'connections' | 'settings' | 'pinData'>,
): WorkflowWrite {
	const pinData =
		workflow.pinData && Object.keys(workflow.pinData).length > 0
			? { pinData: workflow.pinData }
			: {};
	return {
		name: workflow.name,
		nodes: workflow.nodes,
		connections: workflow.connections,
		settings: { ...(workflow.settings ?? {}) },
		...pinData,
	};
}

export async function n8nSetupCommand(
	options: N8nSetupOptions,
	reporter: Reporter,
): Promise<number> {
	reporter.masker.add(options.apiKey);
	if (options.recipes.length === 0)
		throw new UserError('"ats-sync n8n-setup" needs at least one recipe (workflow) file');
	const { recipes, problems, types } = readRecipes(options, reporter);
	if (problems.length > 0) {
		for (const problem of problems) reporter.note(problem);
		return EXIT_INVALID;
	}

	// One use per credential (type and name), the first node that names it standing for all.
	const wanted = [
		...new Map(
			recipes
				.flatMap((recipe) => recipe.uses)
				.map((use) => [credentialKey(use.type, use.details.name), use]),
		).values(),
	];
	const api = new N8nPublicApi(options.url, options.apiKey);
	const existing = existingMatches(wanted, await api.credentials());

	// Everything to create is checked before the first is sent.
	const toCreate = wanted.filter((use) => !existing.has(credentialKey(use.type, use.details.name)));
	const file = options.credentialsFile ? readCredentialsFile(options.credentialsFile) : undefined;
	const resolved = resolveCredentials(toCreate, { types, file, masker: reporter.masker });
	if (resolved.problems.length > 0) {
		for (const problem of resolved.problems) reporter.note(problem);
		reporter.note('nothing was created in n8n');
		return EXIT_INVALID;
	}

	const ids = new Map<string, string>();
	for (const use of wanted) {
		const key = credentialKey(use.type, use.details.name);
		const found = existing.get(key);
		if (found) {
			ids.set(key, found.id);
			reporter.note(
				`credential "${use.details.name}" (${use.type}) exists in n8n (id ${found.id}): reused as it is`,
			);
			continue;
		}
		const data = resolved.store.resolve(use.details, use.type) ?? {};
		const created = await api.createCredential({ name: use.details.name, type: use.type, data });
		ids.set(key, created.id);
		reporter.note(
			`credential "${use.details.name}" (${use.type}) created in n8n (id ${created.id})`,
		);
	}
	const idOf = (type: string, name: string) => ids.get(credentialKey(type, name))!;

	for (const recipe of recipes) {
		const name = recipe.workflowData.name;
		const found = await api.workflowsNamed(name);
		if (found.length === 0) {
			const { nodes } = relinkCredentials(recipe.workflowData.nodes, recipe.uses, idOf);
			const created = await api.createWorkflow(writable({ ...recipe.workflowData, nodes }));
			reporter.note(
				`workflow "${name}" imported from ${recipe.file} (id ${created.id}), its credentials linked`,
			);
			continue;
		}
		for (const workflow of found) await relinkExisting(api, workflow, recipe, idOf, reporter);
	}
	return EXIT_SUCCESS;
}

async function relinkExisting(
	api: N8nPublicApi,
	workflow: PublicWorkflow,
	recipe: Recipe,
	idOf: (type: string, name: string) => string,
	reporter: Reporter,
) {
	const { nodes, changed, missing } = relinkCredentials(workflow.nodes, recipe.uses, idOf);
	const where = `workflow "${workflow.name}" exists in n8n (id ${workflow.id})`;
	if (missing.length > 0)
		reporter.note(
			`${where}: it has no node${missing.length > 1 ? 's' : ''} ${missing.map((node) => `"${node}"`).join(', ')} of ${recipe.file}, left as it is`,
		);
	if (changed.length === 0) {
		reporter.note(`${where}: its credentials are linked already`);
		return;
	}
	await api.updateWorkflow(
		workflow.id,
		writable({ ...workflow, settings: workflow.settings ?? {}, nodes }),
	);
	reporter.note(
		`${where}: relinked ${changed.length} credential reference${changed.length > 1 ? 's' : ''} (${changed.join('; ')})${workflow.active ? '; publish it again for the running version to use them' : ''}`,
	);
}
