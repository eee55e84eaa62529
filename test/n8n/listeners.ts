/**
 * TCP ports a process and its descendants listen on, read from Linux's /proc (test:n8n runs on Linux only): proves
 * that n8n and its task runners open no port but the free ones the test gave them.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

const LISTEN = '0A';

function parentOf(pid: number): number | undefined {
	try {
		// "<pid> (<command, may hold spaces and parentheses>) <state> <ppid> …"
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
	} catch {
		return undefined; // exited meanwhile
	}
}

function processTree(rootPid: number): number[] {
	const children = new Map<number, number[]>();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		const parent = parentOf(Number(entry));
		if (parent !== undefined)
			children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
	}
	const tree = [rootPid];
	for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]) ?? []));
	return tree;
}

function socketInodes(pid: number): string[] {
	try {
		return readdirSync(`/proc/${pid}/fd`)
			.map((fd) => {
				try {
					return /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
				} catch {
					return undefined;
				}
			})
			.filter((inode): inode is string => inode !== undefined);
	} catch {
		return [];
	}
}

export function listeningPorts(rootPid: number): number[] {
	const inodes = new Set(processTree(rootPid).flatMap(socketInodes));
	const ports = new Set<number>();
	for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
		// sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
		for (const line of readFileSync(table, 'utf8').trim().split('\n').slice(1)) {
			const fields = line.trim().split(/\s+/);
			if (fields[3] === LISTEN && inodes.has(fields[9]))
				ports.add(parseInt(fields[1].split(':').pop()!, 16));
		}
	}
	return [...ports].sort((a, b) => a - b);
}
