/**
 * Node's built-in SQLite (`node:sqlite`, DatabaseSync): no native build and no dependency, on the Node 24 the runner
 * pins. Loaded only by the commands that keep an inbox, so `ats-sync run` still works on Node 20. The types below are
 * the few members the inbox uses (the project's @types/node predates node:sqlite).
 */
import { UserError } from '../errors';

export type SqlValue = string | number | bigint | null | Uint8Array;

export interface Statement {
	run(...parameters: SqlValue[]): { changes: number | bigint; lastInsertRowid: number | bigint };
	get(...parameters: SqlValue[]): Record<string, SqlValue> | undefined;
	all(...parameters: SqlValue[]): Array<Record<string, SqlValue>>;
}

export interface Database {
	exec(sql: string): void;
	prepare(sql: string): Statement;
	close(): void;
}

type DatabaseConstructor = new (file: string) => Database;

let constructor: DatabaseConstructor | undefined;

/**
 * Node 22 announces node:sqlite with an ExperimentalWarning on stderr (Node 24.21 no longer does): that one warning
 * is dropped while the module loads, every other warning still prints.
 */
function loadDriver(): DatabaseConstructor {
	if (constructor) return constructor;
	const emitWarning = process.emitWarning;
	process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
		const type =
			typeof rest[0] === 'string' ? rest[0] : (rest[0] as { type?: string } | undefined)?.type;
		if (type === 'ExperimentalWarning' && /sqlite/i.test(String(warning))) return;
		(emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
	}) as typeof process.emitWarning;
	try {
		// Node 20 has no node:sqlite (undefined here); 22.5–22.12 have it only behind a flag (a throw).
		const driver = (
			process.getBuiltinModule?.('node:sqlite') as
				| { DatabaseSync?: DatabaseConstructor }
				| undefined
		)?.DatabaseSync;
		if (!driver) throw new Error('node:sqlite is not available');
		constructor = driver;
		return constructor;
	} catch {
		throw new UserError(
			`ats-sync keeps its webhook inbox in SQLite through Node's built-in node:sqlite, which Node ${process.versions.node} does not have: use Node 24 (or 22.13 and later)`,
		);
	} finally {
		process.emitWarning = emitWarning;
	}
}

/** Opens (creating) a database file; `busyTimeoutMs`: how long a write waits for another connection's transaction. */
export function openDatabase(file: string, busyTimeoutMs = 10_000): Database {
	const Driver = loadDriver();
	const db = new Driver(file);
	db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
	return db;
}
