/**
 * Which credential each node of a recipe links to, and relinking a workflow's nodes to credentials by the names the
 * recipe gives them. n8n links a reference by its id; an imported recipe's ids are those of the machine it was made
 * on, so `ats-sync n8n-setup` points each reference at the id the credential of that name has in the target n8n.
 */
import type { INode } from 'n8n-workflow';

import type { CredentialUse } from '../credentials/sources';

/** Key of a credential in n8n: its type and name (n8n allows the same name for two types). */
export const credentialKey = (type: string, name: string) => `${type}\u0000${name}`;

export interface Relinked {
	nodes: INode[];
	/** Nodes whose reference changed ("<node>: <credential name>"), for the report. */
	changed: string[];
	/** Nodes of the recipe that the workflow no longer has (renamed or deleted there): left alone. */
	missing: string[];
}

/**
 * A copy of `nodes` in which every node named in `uses` references the credential `idOf(type, name)` under the
 * recipe's credential name. Nodes and references the recipe does not name stay as they are.
 */
export function relinkCredentials(
	nodes: INode[],
	uses: CredentialUse[],
	idOf: (type: string, name: string) => string,
): Relinked {
	const copy = nodes.map((node) => ({
		...node,
		credentials: node.credentials ? { ...node.credentials } : undefined,
	}));
	const changed: string[] = [];
	const missing = new Set<string>();
	for (const use of uses) {
		const node = copy.find((candidate) => candidate.name === use.nodeName);
		if (!node) {
			missing.add(use.nodeName);
			continue;
		}
		const wanted = { id: idOf(use.type, use.details.name), name: use.details.name };
		const current = node.credentials?.[use.type];
		if (current?.id === wanted.id && current.name === wanted.name) continue;
		node.credentials = { ...node.credentials, [use.type]: wanted };
		changed.push(`${use.nodeName}: ${use.details.name}`);
	}
	return { nodes: copy as INode[], changed, missing: [...missing] };
}
