/**
 * Runs this package's nodes through n8n's real engine (runner/src/engine.ts → n8n-core WorkflowExecute) in tests.
 * Node and credential classes are loaded from the TypeScript sources that the `n8n` fields of both packages'
 * package.json list (n8n-nodes-ats-sync at the root, n8n-nodes-ats-sync-toolkit in packages/toolkit).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypeDescription,
	IRun,
	IVersionedNodeType,
	IWorkflowBase,
} from 'n8n-workflow';

import { credentialsByType } from '../runner/src/credentials/helper';
import { Engine } from '../runner/src/engine';
import { TypeRegistry } from '../runner/src/workflow/types';
import { recordOutput, registerCredentialSecrets } from './secrets/record';

export const PACKAGE_NAME = 'n8n-nodes-ats-sync';
export const TOOLKIT_PACKAGE_NAME = 'n8n-nodes-ats-sync-toolkit';
const repoRoot = path.resolve(__dirname, '..');

/** The repository's two node packages: the ATS nodes at the root, the recipes' helper nodes in packages/toolkit. */
export const SOURCE_PACKAGES = [
	{ name: PACKAGE_NAME, dir: repoRoot },
	{ name: TOOLKIT_PACKAGE_NAME, dir: path.join(repoRoot, 'packages', 'toolkit') },
];

/** Pass-through start node standing in for a trigger: emits the items the test gives it. */
class HarnessStart implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Harness Start',
		name: 'harnessStart',
		group: ['trigger'],
		version: 1,
		description: 'Emits the test input',
		defaults: { name: 'Start' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

/** The TypeScript sources of the node or credential files a package's `n8n` field lists (those that exist). */
export function sourceFiles(packageDir: string, kind: 'nodes' | 'credentials'): string[] {
	const manifest = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as {
		n8n: Record<typeof kind, string[]>;
	};
	return manifest.n8n[kind]
		.map((distPath) =>
			path.join(packageDir, distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts')),
		)
		.filter((file) => existsSync(file));
}

/** An instance of the class a node or credential source file exports. */
export function loadClass<T>(file: string): T {
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- which file is known only at run time
	const moduleExports = require(file) as Record<string, new () => T>;
	const Class = Object.values(moduleExports).find((value) => typeof value === 'function');
	if (!Class) throw new Error(`${file} exports no class`);
	return new Class();
}

/** Every credential type and node type of both packages that exists in the source tree (others are skipped). */
export function packageTypes(): TypeRegistry {
	const types = new TypeRegistry();
	for (const { name: packageName, dir } of SOURCE_PACKAGES) {
		for (const file of sourceFiles(dir, 'credentials'))
			types.addCredentialType(loadClass<ICredentialType>(file));
		for (const file of sourceFiles(dir, 'nodes')) {
			const nodeType = loadClass<INodeType | IVersionedNodeType>(file);
			types.addNodeType(`${packageName}.${nodeType.description.name}`, nodeType, packageName);
		}
	}
	types.addNodeType('harness.start', new HarnessStart(), 'test');
	return types;
}

let packageOfNode: Map<string, string> | undefined;

/**
 * The full type of one of the repository's nodes: typeName('lever') is 'n8n-nodes-ats-sync.lever'. A test's own
 * node type, registered on the engine it runs with, is found there.
 */
export function typeName(name: string, registered?: TypeRegistry): string {
	packageOfNode ??= new Map(
		SOURCE_PACKAGES.flatMap(({ name: packageName, dir }) =>
			sourceFiles(dir, 'nodes').map(
				(file) =>
					[loadClass<INodeType | IVersionedNodeType>(file).description.name, packageName] as const,
			),
		),
	);
	const packageName = packageOfNode.get(name);
	const testType =
		registered && Object.keys(registered.getKnownTypes()).find((type) => type.endsWith(`.${name}`));
	if (!packageName && testType) return testType;
	if (!packageName) throw new Error(`Neither package of this repository has a node type "${name}"`);
	return `${packageName}.${name}`;
}

export function createEngine(
	credentials: Record<string, ICredentialDataDecryptedObject> = {},
	types = packageTypes(),
) {
	return new Engine({ types, credentials: credentialsByType(credentials) });
}

export interface RunNodeOptions {
	/** Node type name without the package prefix, e.g. 'lever' or 'jsonLogicRules'. */
	type: string;
	parameters: INodeParameters;
	typeVersion?: number;
	/** Credential data keyed by credential type name, e.g. { leverApi: { apiKey, ... } }. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	input?: Array<IDataObject | INodeExecutionData>;
	continueOnFail?: boolean;
	onError?: INode['onError'];
	engine?: Engine;
}

export interface RunNodeResult {
	/** The node's outputs: outputs[0] is the main output, outputs[1] the error output when used. */
	outputs: INodeExecutionData[][];
	/** The node's error when it failed the execution (not continueOnFail). */
	error?: Error & { description?: string; httpCode?: string | null };
	run: IRun;
}

const toItem = (entry: IDataObject | INodeExecutionData): INodeExecutionData =>
	'json' in entry && typeof entry.json === 'object'
		? (entry as INodeExecutionData)
		: { json: entry as IDataObject };

/** Runs one node of either package after a start node that emits `input`, through n8n's engine. */
export async function runNode(options: RunNodeOptions): Promise<RunNodeResult> {
	registerCredentialSecrets(options.credentials, `${options.type} node test`);
	const engine = options.engine ?? createEngine(options.credentials);
	const type = typeName(options.type, engine.types);
	const nodeType = engine.types.getByNameAndVersion(type, options.typeVersion);
	const credentialRefs = Object.fromEntries(
		(nodeType.description.credentials ?? [])
			.filter((c) => options.credentials?.[c.name] !== undefined)
			.map((c) => [c.name, { id: c.name, name: c.name }]),
	);
	const underTest: INode = {
		id: 'node-under-test',
		name: 'Node',
		type,
		typeVersion: options.typeVersion ?? latestVersion(nodeType.description.version),
		position: [200, 0],
		parameters: options.parameters,
		credentials: credentialRefs,
		...(options.onError
			? { onError: options.onError }
			: options.continueOnFail
				? { onError: 'continueRegularOutput' }
				: {}),
	};
	const workflowData: IWorkflowBase = {
		id: 'harness',
		name: 'harness',
		active: false,
		nodes: [
			{
				id: 'start',
				name: 'Start',
				type: 'harness.start',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			underTest,
		],
		connections: { Start: { main: [[{ node: 'Node', type: 'main', index: 0 }]] } },
		settings: {},
	} as unknown as IWorkflowBase;
	const run = await runWorkflowData(
		engine,
		workflowData,
		'Start',
		(options.input ?? [{}]).map(toItem),
	);
	const taskData = run.data.resultData.runData.Node?.[0];
	const outputs = (taskData?.data?.main ?? []).map((output) => output ?? []);
	const error = (taskData?.error ?? run.data.resultData.error) as RunNodeResult['error'];
	recordNodeErrors(`${options.type} node`, error, outputs);
	return { outputs, error, run };
}

/** For the secrets scan: the node's error and every failed item's error, as n8n would show them to a person. */
function recordNodeErrors(
	label: string,
	error: RunNodeResult['error'],
	outputs: INodeExecutionData[][],
) {
	const messages = outputs
		.flat()
		.flatMap((item) => [item.error, item.json.error])
		.filter((found) => found !== undefined && found !== null)
		.map((found) =>
			JSON.stringify(
				found instanceof Error
					? { message: found.message, description: (found as RunNodeResult['error'])?.description }
					: found,
			),
		);
	if (error)
		messages.unshift(JSON.stringify({ message: error.message, description: error.description }));
	recordOutput(label, messages.join('\n'));
}

function latestVersion(version: number | number[]) {
	return Array.isArray(version) ? Math.max(...version) : version;
}

export async function runWorkflowData(
	engine: Engine,
	workflowData: IWorkflowBase,
	startNodeName: string,
	startItems: INodeExecutionData[],
	staticData: IDataObject = {},
) {
	const workflow = engine.workflow(workflowData, staticData);
	return await engine.run({ workflow, workflowData, startNodeName, startItems });
}
