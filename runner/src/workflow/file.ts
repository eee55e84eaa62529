/** Reading a workflow JSON file and checking it against the loaded node types, before anything runs. */
import { readFileSync } from 'node:fs';

import type {
	INode,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	IWorkflowBase,
} from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { UserError } from '../errors';
import type { LoadProblem } from '../nodePackages';
import type { TypeRegistry } from './types';
import { renameMovedNodeTypes } from './movedTypes';

export function readJsonFile(file: string, what: string): unknown {
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		throw new UserError(
			`${what} ${file} ${code === 'ENOENT' ? 'does not exist' : `cannot be read (${code})`}`,
		);
	}
	try {
		return JSON.parse(text) as unknown;
	} catch (error) {
		throw new UserError(`${what} ${file} is not valid JSON: ${(error as Error).message}`);
	}
}

/** n8n's sticky note: text on the canvas, never run (n8n does not execute it either), so it is left out. */
const STICKY_NOTE = 'n8n-nodes-base.stickyNote';

/**
 * Reads and shape-checks a workflow as exported from n8n (nodes + connections). Sticky notes are dropped; node types
 * that moved to the toolkit package are renamed, and `warn` is told.
 */
export function readWorkflow(
	file: string,
	warn: (message: string) => void = () => {},
): IWorkflowBase {
	const data = readJsonFile(file, 'Workflow file') as Partial<IWorkflowBase> | null;
	if (data === null || typeof data !== 'object' || !Array.isArray(data.nodes)) {
		throw new UserError(
			`Workflow file ${file} has no "nodes" array: is it an n8n workflow export?`,
		);
	}
	const names = new Set<string>();
	data.nodes.forEach((node: Partial<INode>, index) => {
		if (typeof node?.name !== 'string' || node.name === '')
			throw new UserError(`Workflow file ${file}: node #${index + 1} has no "name"`);
		if (typeof node.type !== 'string' || node.type === '')
			throw new UserError(`Workflow file ${file}: node "${node.name}" has no "type"`);
		if (names.has(node.name))
			throw new UserError(`Workflow file ${file}: two nodes are named "${node.name}"`);
		names.add(node.name);
		node.typeVersion ??= 1;
		node.parameters ??= {};
		node.position ??= [0, 0];
		node.id ??= node.name;
	});
	const connections = (data.connections ?? {}) as IWorkflowBase['connections'];
	for (const [from, byType] of Object.entries(connections)) {
		if (!names.has(from))
			throw new UserError(
				`Workflow file ${file}: connections start at "${from}", which is not a node`,
			);
		for (const outputs of Object.values(byType)) {
			for (const targets of outputs ?? []) {
				for (const target of targets ?? []) {
					if (!names.has(target.node))
						throw new UserError(
							`Workflow file ${file}: "${from}" connects to "${target.node}", which is not a node`,
						);
				}
			}
		}
	}
	const nodes = data.nodes.filter((node) => node.type !== STICKY_NOTE);
	const workflowData = {
		...data,
		id: data.id ?? file,
		name: data.name ?? file,
		connections,
		nodes,
	} as IWorkflowBase;
	const moved = renameMovedNodeTypes(workflowData);
	if (moved) warn(moved);
	return workflowData;
}

/** The package part of `<package>.<node>` (scoped packages: `@scope/pkg.node`). */
export function packageOfType(type: string): string {
	const dot = type.lastIndexOf('.');
	return dot > 0 ? type.slice(0, dot) : type;
}

/** Node types that load but cannot work without parts of n8n a headless run does not have. */
const UNSUPPORTED_TYPES: Record<string, string> = {
	'n8n-nodes-base.code':
		"the Code node runs its code in n8n's task runner, which ats-sync does not have",
	'n8n-nodes-base.function':
		"the Function node runs its code in n8n's task runner, which ats-sync does not have",
	'n8n-nodes-base.functionItem':
		"the Function Item node runs its code in n8n's task runner, which ats-sync does not have",
	'n8n-nodes-base.executeWorkflow': 'sub-workflows need an n8n instance to load them from',
	'n8n-nodes-base.wait': 'waiting executions need an n8n instance to resume them',
};

/** One message per node whose type is not available, saying what to install or pass. */
export function nodeTypeProblems(
	workflowData: IWorkflowBase,
	types: TypeRegistry,
	loaded: string[],
	loadProblems: LoadProblem[],
): string[] {
	const problems: string[] = [];
	for (const node of workflowData.nodes) {
		const packageName = packageOfType(node.type);
		const unsupported = UNSUPPORTED_TYPES[node.type];
		if (unsupported && !node.disabled) {
			problems.push(`Node "${node.name}" (${node.type}) cannot run in ats-sync: ${unsupported}`);
			continue;
		}
		if (types.hasNodeType(node.type)) {
			try {
				types.getByName(node.type);
			} catch (error) {
				problems.push(
					`Node "${node.name}" has type "${node.type}" from package "${packageName}", which failed to load: ${(error as Error).message}`,
				);
			}
			continue;
		}
		if (!loaded.includes(packageName)) {
			problems.push(
				`Node "${node.name}" has type "${node.type}" from package "${packageName}", which is not loaded: install it and pass --nodes ${packageName}`,
			);
			continue;
		}
		const failed = loadProblems.filter((problem) => problem.packageName === packageName);
		problems.push(
			`Node "${node.name}" has type "${node.type}", which package "${packageName}" does not provide` +
				(failed.length
					? ` (files that failed to load: ${failed.map((f) => `${f.file}: ${f.message}`).join('; ')})`
					: ''),
		);
	}
	return problems;
}

/** Missing required parameters and invalid option values, as the n8n editor shows them on the canvas. */
export function parameterProblems(workflowData: IWorkflowBase, types: TypeRegistry): string[] {
	const problems: string[] = [];
	for (const node of workflowData.nodes) {
		if (node.disabled || !types.hasNodeType(node.type)) continue;
		const description = types.getByNameAndVersion(node.type, node.typeVersion).description;
		const issues = NodeHelpers.getNodeParametersIssues(description.properties, node, description);
		if (issues)
			problems.push(
				...NodeHelpers.nodeIssuesToString(issues, node).map(
					(issue) => `Node "${node.name}": ${issue}`,
				),
			);
		problems.push(...parameterTypeProblems(node, description));
	}
	return problems;
}

const shown = (value: unknown) => {
	const text = JSON.stringify(value) ?? String(value);
	return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

/** What a top-level parameter value of this type must be, or undefined when it is fine. */
function typeMismatch(property: INodeProperties, value: unknown): string | undefined {
	if (typeof value === 'string' && value.startsWith('=')) return undefined; // an expression, resolved at run time
	const allowed = (property.options ?? []).map((option) =>
		'value' in option ? option.value : undefined,
	);
	const listed = () => allowed.map((option) => JSON.stringify(option)).join(', ');
	switch (property.type) {
		case 'string':
			return typeof value === 'string' ? undefined : 'must be text';
		case 'number':
			return typeof value === 'number' && Number.isFinite(value) ? undefined : 'must be a number';
		case 'boolean':
			return typeof value === 'boolean' ? undefined : 'must be true or false';
		case 'options':
			// Options filled by a load-options method are only known at run time.
			if (property.typeOptions?.loadOptionsMethod || property.typeOptions?.loadOptions)
				return undefined;
			return allowed.includes(value as string) ? undefined : `must be one of ${listed()}`;
		case 'multiOptions':
			if (!Array.isArray(value)) return `must be a list of ${listed()}`;
			if (property.typeOptions?.loadOptionsMethod || property.typeOptions?.loadOptions)
				return undefined;
			return value.every((entry) => allowed.includes(entry as string))
				? undefined
				: `must only contain ${listed()}`;
		case 'collection':
		case 'fixedCollection':
			return value !== null && typeof value === 'object' && !Array.isArray(value)
				? undefined
				: 'must be an object';
		default:
			return undefined;
	}
}

/**
 * Parameters whose value has the wrong type for the node (a number where a list of options belongs, text for a
 * switch): n8n's editor cannot produce them, but a hand-edited or generated file can, and the node would then
 * quietly do something else. Only parameters the node shows with its other values are checked.
 */
function parameterTypeProblems(node: INode, description: INodeTypeDescription): string[] {
	const problems: string[] = [];
	for (const [name, value] of Object.entries(node.parameters)) {
		const properties = description.properties.filter(
			(property) =>
				property.name === name &&
				NodeHelpers.displayParameter(node.parameters, property, node, description),
		);
		if (properties.length === 0) continue;
		const mismatches = properties.map((property) => typeMismatch(property, value));
		if (mismatches.some((mismatch) => mismatch === undefined)) continue;
		problems.push(
			`Node "${node.name}": parameter "${name}" (${properties[0].displayName}) ${mismatches[0]}, but is ${shown(value)}`,
		);
	}
	return problems;
}

export type TriggerKind = 'poll' | 'webhook' | 'trigger' | 'start';

export interface StartPoint {
	node: INode;
	kind: TriggerKind;
	nodeType: INodeType;
}

function kindOf(nodeType: INodeType): TriggerKind | undefined {
	if (nodeType.poll) return 'poll';
	if (nodeType.webhook && nodeType.description.group.includes('trigger')) return 'webhook';
	if (nodeType.trigger || nodeType.description.group.includes('trigger')) return 'trigger';
	return undefined;
}

export function triggersOf(workflowData: IWorkflowBase, types: TypeRegistry): StartPoint[] {
	const triggers: StartPoint[] = [];
	for (const node of workflowData.nodes) {
		if (node.disabled) continue;
		const nodeType = types.getByNameAndVersion(node.type, node.typeVersion);
		const kind = kindOf(nodeType);
		if (kind) triggers.push({ node, kind, nodeType });
	}
	return triggers;
}

/**
 * Where `run` starts: the node named by --trigger; else the polling trigger; else the only trigger; a workflow
 * without triggers starts at its only node that has no incoming connection.
 */
export function pickStart(
	workflowData: IWorkflowBase,
	types: TypeRegistry,
	named?: string,
): StartPoint {
	const triggers = triggersOf(workflowData, types);
	if (named !== undefined) {
		const node = workflowData.nodes.find((candidate) => candidate.name === named);
		if (!node)
			throw new UserError(
				`--trigger "${named}": the workflow has no node of that name (nodes: ${workflowData.nodes.map((n) => n.name).join(', ')})`,
			);
		const nodeType = types.getByNameAndVersion(node.type, node.typeVersion);
		return { node, nodeType, kind: kindOf(nodeType) ?? 'start' };
	}
	const polling = triggers.filter((trigger) => trigger.kind === 'poll');
	if (polling.length === 1) return polling[0];
	const listed = (list: StartPoint[]) => list.map((trigger) => `"${trigger.node.name}"`).join(', ');
	if (polling.length > 1)
		throw new UserError(
			`The workflow has several polling triggers (${listed(polling)}): choose one with --trigger`,
		);
	if (triggers.length === 1) return triggers[0];
	if (triggers.length > 1)
		throw new UserError(
			`The workflow has several triggers (${listed(triggers)}): choose one with --trigger`,
		);
	const targets = new Set(
		Object.values(workflowData.connections).flatMap((byType) =>
			Object.values(byType).flatMap((outputs) =>
				(outputs ?? []).flatMap((targets) => (targets ?? []).map((t) => t.node)),
			),
		),
	);
	const roots = workflowData.nodes.filter((node) => !node.disabled && !targets.has(node.name));
	if (roots.length !== 1)
		throw new UserError(
			'The workflow has no trigger node and no single first node: choose where to start with --trigger',
		);
	const nodeType = types.getByNameAndVersion(roots[0].type, roots[0].typeVersion);
	return { node: roots[0], nodeType, kind: 'start' };
}
