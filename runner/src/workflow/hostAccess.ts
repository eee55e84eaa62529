/**
 * Node types that reach the host the runner runs on — run commands, read or write its files, open shells or file
 * transfers elsewhere with keys from it — refused unless allowed one by one (`--allow-node-type <type>`). A recipe
 * file is data someone may have downloaded: with n8n-nodes-base installed and `--nodes n8n-nodes-base`, nothing else
 * would stop it from running a shell command. Checked on the workflow's node types before any package loads.
 *
 * The list is n8n-nodes-base 2.41's nodes that run a process, use the file system or open a remote shell (read from
 * its code: child processes, `fs`, ssh2 and ftp clients, n8n's file helpers). n8n 2 itself disables Execute Command
 * and Local File Trigger by default (NODES_EXCLUDE); the runner goes further because nobody looks at the canvas.
 */
import type { IWorkflowBase } from 'n8n-workflow';

import { UserError } from '../errors';

export const HOST_ACCESS_TYPES: Record<string, string> = {
	'n8n-nodes-base.executeCommand': 'runs shell commands on this host',
	'n8n-nodes-base.ssh': 'runs commands and moves files on other hosts over SSH',
	'n8n-nodes-base.ftp': 'reads, writes and deletes files on other hosts over FTP or SFTP',
	'n8n-nodes-base.git': 'runs git on repositories in this host’s file system',
	'n8n-nodes-base.readWriteFile': 'reads and writes files on this host',
	'n8n-nodes-base.readBinaryFile': 'reads files on this host',
	'n8n-nodes-base.readBinaryFiles': 'reads files on this host',
	'n8n-nodes-base.writeBinaryFile': 'writes files on this host',
	'n8n-nodes-base.localFileTrigger': 'watches files on this host',
	'n8n-nodes-base.executeWorkflow': 'can load the workflow it runs from a file on this host',
	'n8n-nodes-base.editImage': 'runs GraphicsMagick and reads font files on this host',
};

export interface HostAccessNode {
	node: string;
	type: string;
	/** What the type can do to the host. */
	risk: string;
	allowed: boolean;
}

/** Every node of a host-access type (disabled ones too: the file is what is judged), and whether it was allowed. */
export function hostAccessNodes(
	workflowData: IWorkflowBase,
	allowed: readonly string[] = [],
): HostAccessNode[] {
	return workflowData.nodes
		.filter((node) => Object.hasOwn(HOST_ACCESS_TYPES, node.type))
		.map((node) => ({
			node: node.name,
			type: node.type,
			risk: HOST_ACCESS_TYPES[node.type],
			allowed: allowed.includes(node.type),
		}));
}

/** One problem per refused node, saying how to allow its type. */
export function hostAccessProblems(
	workflowData: IWorkflowBase,
	allowed: readonly string[] = [],
): string[] {
	return hostAccessNodes(workflowData, allowed)
		.filter((found) => !found.allowed)
		.map(
			(found) =>
				`Node "${found.node}" (${found.type}) ${found.risk}: refused unless you allow it with --allow-node-type ${found.type}`,
		);
}

/** `--allow-node-type` names a type of the list, so a typo does not pass silently. */
export function checkAllowedTypes(allowed: readonly string[]) {
	const unknown = allowed.filter((type) => !Object.hasOwn(HOST_ACCESS_TYPES, type));
	if (unknown.length > 0) {
		throw new UserError(
			`--allow-node-type ${unknown.join(', ')}: not a node type ats-sync refuses (those are: ${Object.keys(HOST_ACCESS_TYPES).join(', ')})`,
		);
	}
}
