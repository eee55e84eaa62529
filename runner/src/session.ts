/**
 * What `run` and `serve` share: load node packages, read and check the workflow, resolve and validate credentials,
 * lock and read the state file, and build the engine — in that order, so every problem that needs no network is
 * reported (exit 2) before anything is sent anywhere.
 */
import path from 'node:path';

import type { IDataObject, IWorkflowBase } from 'n8n-workflow';

import { credentialUses, readCredentialsFile, resolveCredentials } from './credentials';
import { Engine } from './engine';
import { UserError } from './errors';
import type { LoadedPackages } from './nodePackages';
import { loadNodePackages } from './nodePackages';
import type { Reporter } from './report';
import { defaultStatePath, StateFile } from './state';
import { nodeTypeProblems, parameterProblems, readWorkflow } from './workflowFile';

export interface SessionOptions {
	workflowFile: string;
	credentialsFile?: string;
	stateFile?: string;
	nodes: string[];
	waitLock: boolean;
	/** Base URL for webhook URLs the nodes register (serve). */
	webhookBaseUrl?: string;
}

export interface Session<Prepared = undefined> {
	/** What the caller's `prepare` returned: checks and reads that need the workflow but no lock. */
	prepared: Prepared;
	workflowData: IWorkflowBase;
	loaded: LoadedPackages;
	engine: Engine;
	state: StateFile;
	/** A copy of the committed static data, for the Workflow object of this run to change. */
	staticData(): IDataObject;
	close(): Promise<void>;
}

/** Several problems become one line each joined by "; " — the first line of output says everything. */
export function failOn(problems: string[]) {
	if (problems.length > 0) throw new UserError(problems.join('; '));
}

export function checkWorkflow(workflowFile: string, nodes: string[], warn?: (message: string) => void) {
	const workflowData = readWorkflow(workflowFile, warn);
	const loaded = loadNodePackages(nodes);
	failOn(nodeTypeProblems(workflowData, loaded.types, loaded.packages, loaded.problems));
	failOn(parameterProblems(workflowData, loaded.types));
	return { workflowData, loaded };
}

export async function openSession<Prepared = undefined>(
	options: SessionOptions,
	reporter: Reporter,
	prepare?: (workflowData: IWorkflowBase, loaded: LoadedPackages) => Prepared,
): Promise<Session<Prepared>> {
	const { workflowData, loaded } = checkWorkflow(options.workflowFile, options.nodes, (message) => reporter.note(message));
	const prepared = prepare?.(workflowData, loaded) as Prepared;
	const state = new StateFile(path.resolve(options.stateFile ?? defaultStatePath(options.workflowFile)));
	const file = options.credentialsFile ? readCredentialsFile(options.credentialsFile) : undefined;
	const { uses, problems } = credentialUses(workflowData, loaded.types);
	failOn(problems);
	// The lock comes before reading the state: a run that waited must see the cursor the previous run saved.
	await state.lock(options.waitLock, () => reporter.note(`waiting for another run to release ${state.file}.lock`));
	try {
		const saved = state.read();
		const resolved = resolveCredentials(uses, {
			types: loaded.types,
			file,
			savedTokens: saved.oauthTokens,
			masker: reporter.masker,
			onTokensRotated: (key, tokens) => {
				state.saveOauthTokens(key, tokens);
				reporter.verbose(`OAuth2 tokens of credential "${key}" were refreshed and saved to ${state.file}`);
			},
		});
		failOn(resolved.problems);
		const engine = new Engine({ types: loaded.types, credentials: resolved.store, webhookBaseUrl: options.webhookBaseUrl });
		return {
			prepared,
			workflowData,
			loaded,
			engine,
			state,
			staticData: () => JSON.parse(JSON.stringify(state.current.staticData)) as IDataObject,
			close: async () => await state.unlock(),
		};
	} catch (error) {
		await state.unlock();
		throw error;
	}
}
