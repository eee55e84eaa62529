/**
 * serve's durable inbox: one SQLite database per workflow, beside its state file (`<workflow>.inbox.db`), WAL with
 * synchronous=FULL. An accepted delivery is a row committed before the vendor gets its 2xx; the worker runs rows in
 * arrival order until each is done or dead-lettered. The workflow's static data (the triggers' dedupe memory and
 * registrations, poll cursors) and rotated OAuth2 tokens live here too, so "accept + remember the event id" and
 * "run done + what the run changed" are each one transaction.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { RunnerState, StateStore } from '../state';
import type { Database, SqlValue, Statement } from './sqlite';
import { openDatabase } from './sqlite';

export type EventStatus = 'pending' | 'done' | 'dead' | 'discarded';

export interface DeadLetter {
	/** What failed, masked: the node's message (several failed items joined). */
	error: string;
	/** The node that failed, when one did. */
	node?: string;
	/** Whose record it was: an email, else the event's id. */
	who?: string;
	attempts: number;
	deadAt: number;
}

export interface InboxEvent {
	id: number;
	deliveryKey: string;
	/** The trigger node that accepted the delivery (the run starts there). */
	trigger: string;
	items: INodeExecutionData[];
	who?: string;
	receivedAt: number;
	status: EventStatus;
	/** Runs started for this event, the one in progress included. */
	attempts: number;
	/** Not before this time (ms) is it run again (backoff after a transient failure). */
	nextAttemptAt: number;
	lastError?: string;
	finishedAt?: number;
	discardReason?: string;
	deadLetter?: DeadLetter;
}

export interface Delivery {
	deliveryKey: string;
	trigger: string;
	items: INodeExecutionData[];
	who?: string;
}

/** `<workflow>.state.json` → `<workflow>.inbox.db` (a state file named otherwise gets `.inbox.db` after its stem). */
export function inboxPathFor(stateFile: string): string {
	const stem = path
		.basename(stateFile)
		.replace(/\.json$/i, '')
		.replace(/\.state$/i, '');
	return path.join(path.dirname(stateFile), `${stem}.inbox.db`);
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
CREATE TABLE IF NOT EXISTS events (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	delivery_key TEXT NOT NULL UNIQUE,
	trigger_node TEXT NOT NULL,
	items TEXT NOT NULL,
	who TEXT,
	received_at INTEGER NOT NULL,
	status TEXT NOT NULL CHECK (status IN ('pending', 'done', 'dead', 'discarded')),
	attempts INTEGER NOT NULL DEFAULT 0,
	next_attempt_at INTEGER NOT NULL DEFAULT 0,
	last_error TEXT,
	finished_at INTEGER,
	discard_reason TEXT
) STRICT;
CREATE INDEX IF NOT EXISTS events_by_status ON events (status, id);
CREATE TABLE IF NOT EXISTS dead_letters (
	event_id INTEGER PRIMARY KEY REFERENCES events (id),
	error TEXT NOT NULL,
	node TEXT,
	who TEXT,
	attempts INTEGER NOT NULL,
	dead_at INTEGER NOT NULL
) STRICT;
`;

const STATIC_PREFIX = 'static:';
/** How long a write waits for another connection's transaction (the worker's are short). */
const BUSY_TIMEOUT_MS = 10_000;

/** SQLITE_BUSY / SQLITE_LOCKED: another connection holds the write lock. */
const isBusy = (error: unknown) => [5, 6].includes((error as { errcode?: number }).errcode ?? -1);
const TOKEN_PREFIX = 'oauth:';

const isPlainObject = (value: unknown): value is IDataObject =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

/** Deep equality of JSON values, stopping at the first difference (static data holds arrays of a thousand ids). */
function same(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	if (Array.isArray(a)) {
		const other = b as unknown[];
		return a.length === other.length && a.every((value, index) => same(value, other[index]));
	}
	const keys = Object.keys(a).filter((key) => (a as IDataObject)[key] !== undefined);
	const otherKeys = Object.keys(b).filter((key) => (b as IDataObject)[key] !== undefined);
	return (
		keys.length === otherKeys.length &&
		keys.every((key) => same((a as IDataObject)[key], (b as IDataObject)[key]))
	);
}

/** One change a step made to the static data: a field of a top-level entry (`node:<name>`, `global`), or the entry. */
export interface StaticDataChange {
	key: string;
	field?: string;
	/** undefined: deleted. */
	value: unknown;
}

/**
 * What changed between the static data a step started from and what it left, field by field of each top-level
 * entry. Applying only these keeps what another thread committed meanwhile to other fields (the acceptor writes a
 * trigger's seen ids, the worker the same node's processed ids) instead of overwriting it with a stale copy.
 */
export function staticDataChanges(before: IDataObject, after: IDataObject): StaticDataChange[] {
	const changes: StaticDataChange[] = [];
	for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
		const now = after[key];
		// An entry this step created is merged like one it changed: another thread may have created it meanwhile.
		const old = before[key] === undefined && isPlainObject(now) ? {} : before[key];
		if (same(old, now)) continue;
		if (!isPlainObject(old) || !isPlainObject(now)) {
			changes.push({ key, value: now });
			continue;
		}
		for (const field of new Set([...Object.keys(old), ...Object.keys(now)])) {
			if (!same(old[field], now[field])) changes.push({ key, field, value: now[field] });
		}
	}
	return changes;
}

const text = (value: SqlValue | undefined) =>
	value === null || value === undefined ? undefined : String(value);

/**
 * How a connection commits. `full` (the acceptor, the commands): the WAL is flushed to disk before COMMIT returns,
 * so an acknowledged delivery survives a power loss. `normal` (the worker): no flush of its own — what it records
 * (attempts, done, dead letters, a run's static data) can only be lost to a power loss, which means an event runs
 * again (safe: the nodes create or update), and the next `full` commit flushes it anyway.
 */
export type Durability = 'full' | 'normal';

export interface StaticDataCommit {
	/** What the step changed (`staticDataChanges`). */
	changes: StaticDataChange[];
	alongWith?: () => void;
}

export class Inbox implements StateStore {
	private readonly db: Database;

	private readonly statements = new Map<string, Statement>();

	/** The committed static data (read-only: steps get copies), and the database version it was read at. */
	private cached?: { version: number; data: IDataObject };

	private constructor(
		readonly file: string,
		private readonly now: () => number,
		durability: Durability,
	) {
		mkdirSync(path.dirname(file), { recursive: true });
		this.db = openDatabase(file, BUSY_TIMEOUT_MS);
		this.db.exec(
			`PRAGMA journal_mode = WAL; PRAGMA synchronous = ${durability === 'full' ? 'FULL' : 'NORMAL'}; PRAGMA foreign_keys = ON;`,
		);
		this.db.exec(SCHEMA);
	}

	static open(file: string, options: { now?: () => number; durability?: Durability } = {}): Inbox {
		return new Inbox(file, options.now ?? Date.now, options.durability ?? 'full');
	}

	/** A prepared statement, prepared once per connection. */
	private sql(text: string): Statement {
		let statement = this.statements.get(text);
		if (!statement) {
			statement = this.db.prepare(text);
			this.statements.set(text, statement);
		}
		return statement;
	}

	get where(): string {
		return this.file;
	}

	close() {
		this.db.close();
	}

	/** Runs `work` in one write transaction (taken at once: IMMEDIATE), rolled back if it throws. */
	transaction<T>(work: () => T): T {
		this.db.exec('BEGIN IMMEDIATE');
		try {
			const result = work();
			this.db.exec('COMMIT');
			return result;
		} catch (error) {
			// COMMIT itself may have failed (the transaction is then still open) or SQLite may have rolled back already.
			try {
				this.db.exec('ROLLBACK');
			} catch {
				// no transaction left to roll back
			}
			throw error;
		} finally {
			this.cached = undefined;
		}
	}

	/**
	 * On the first open, takes over the static data and tokens of the workflow's state file (registrations made by
	 * an older ats-sync are then reused). Returns whether it did.
	 */
	importState(readState: () => RunnerState): boolean {
		if (this.sql(`SELECT 1 FROM meta WHERE key = 'imported'`).get()) return false;
		const state = readState();
		return this.transaction(() => {
			if (this.sql(`SELECT 1 FROM meta WHERE key = 'imported'`).get()) return false;
			const put = this.sql('INSERT OR REPLACE INTO state (key, value) VALUES (?, ?)');
			for (const [key, value] of Object.entries(state.staticData))
				put.run(`${STATIC_PREFIX}${key}`, JSON.stringify(value));
			for (const [key, value] of Object.entries(state.oauthTokens))
				put.run(`${TOKEN_PREFIX}${key}`, JSON.stringify(value));
			this.sql(`INSERT INTO meta (key, value) VALUES ('imported', ?)`).run(
				new Date(this.now()).toISOString(),
			);
			return true;
		});
	}

	// — the workflow's state —

	private dataVersion(): number {
		return Number(this.sql('PRAGMA data_version').get()?.data_version ?? 0);
	}

	/** The committed static data, read again only when another connection committed since. Do not change it. */
	staticData(): IDataObject {
		const version = this.dataVersion();
		if (!this.cached || this.cached.version !== version) {
			const rows = this.sql(
				`SELECT key, value FROM state WHERE key LIKE '${STATIC_PREFIX}%'`,
			).all();
			const data = Object.fromEntries(
				rows.map((row) => [
					String(row.key).slice(STATIC_PREFIX.length),
					JSON.parse(String(row.value)) as unknown,
				]),
			);
			this.cached = { version, data: data as IDataObject };
		}
		return this.cached.data;
	}

	commitStaticData(before: IDataObject, after: IDataObject, alongWith?: () => void) {
		this.commitBatch([{ changes: staticDataChanges(before, after), alongWith }]);
	}

	/**
	 * `commitBatch` unless another connection is writing right now: then nothing is done and it returns false, so the
	 * caller (the acceptor's event loop) tries again shortly instead of sleeping in SQLite's busy handler.
	 */
	tryCommitBatch(commits: StaticDataCommit[]): boolean {
		this.db.exec('PRAGMA busy_timeout = 0');
		try {
			this.commitBatch(commits);
			return true;
		} catch (error) {
			if (isBusy(error)) return false;
			throw error;
		} finally {
			this.db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
		}
	}

	/**
	 * Several steps' static data changes (and what goes along with each) in one transaction: one disk flush for all
	 * the deliveries accepted in the same turn of the event loop.
	 */
	commitBatch(commits: StaticDataCommit[]) {
		const changes = commits.flatMap((commit) => commit.changes);
		// Most requests (a refused signature, a handshake) change nothing: no transaction, no disk flush.
		if (changes.length === 0 && commits.every((commit) => !commit.alongWith)) return;
		this.transaction(() => {
			const read = this.sql('SELECT value FROM state WHERE key = ?');
			const put = this.sql('INSERT OR REPLACE INTO state (key, value) VALUES (?, ?)');
			const remove = this.sql('DELETE FROM state WHERE key = ?');
			for (const change of changes) {
				const key = `${STATIC_PREFIX}${change.key}`;
				let value = change.value;
				if (change.field !== undefined) {
					const stored = text(read.get(key)?.value);
					const entry = stored === undefined ? {} : (JSON.parse(stored) as unknown);
					const merged: IDataObject = isPlainObject(entry) ? entry : {};
					if (change.value === undefined) delete merged[change.field];
					else merged[change.field] = change.value as IDataObject[string];
					value = merged;
				}
				if (value === undefined) remove.run(key);
				else put.run(key, JSON.stringify(value));
			}
			for (const commit of commits) commit.alongWith?.();
		});
	}

	savedToken(credentialKey: string): unknown {
		const stored = text(
			this.sql('SELECT value FROM state WHERE key = ?').get(`${TOKEN_PREFIX}${credentialKey}`)
				?.value,
		);
		return stored === undefined ? undefined : (JSON.parse(stored) as unknown);
	}

	saveOauthTokens(credentialKey: string, oauthTokenData: unknown) {
		this.transaction(() => {
			this.sql('INSERT OR REPLACE INTO state (key, value) VALUES (?, ?)').run(
				`${TOKEN_PREFIX}${credentialKey}`,
				JSON.stringify(oauthTokenData),
			);
		});
	}

	// — events —

	/**
	 * Adds a delivery unless one with the same key is already in the inbox (whatever its state): returns its id and
	 * whether it is new. Call inside a transaction (with the static data the acceptance changed).
	 */
	insert(delivery: Delivery): { id: number; inserted: boolean } {
		const result = this.db
			.prepare(
				`INSERT INTO events (delivery_key, trigger_node, items, who, received_at, status) VALUES (?, ?, ?, ?, ?, 'pending')
				 ON CONFLICT (delivery_key) DO NOTHING`,
			)
			.run(
				delivery.deliveryKey,
				delivery.trigger,
				JSON.stringify(delivery.items),
				delivery.who ?? null,
				this.now(),
			);
		if (Number(result.changes) > 0) return { id: Number(result.lastInsertRowid), inserted: true };
		const existing = this.sql('SELECT id FROM events WHERE delivery_key = ?').get(
			delivery.deliveryKey,
		);
		return { id: Number(existing?.id), inserted: false };
	}

	/** The oldest pending event (the head of the queue), due or not. */
	head(): InboxEvent | undefined {
		const row = this.sql(`SELECT * FROM events WHERE status = 'pending' ORDER BY id LIMIT 1`).get();
		return row && this.toEvent(row);
	}

	/** Counts a run as started (committed before it starts, so a run a crash cut short still counts). */
	started(id: number): number {
		return this.transaction(() => {
			this.sql('UPDATE events SET attempts = attempts + 1 WHERE id = ?').run(id);
			return Number(this.sql('SELECT attempts FROM events WHERE id = ?').get(id)?.attempts);
		});
	}

	/** Marks the event done: call inside the transaction that commits its run's static data. */
	markDone(id: number) {
		this.sql(
			`UPDATE events SET status = 'done', finished_at = ?, last_error = NULL, next_attempt_at = 0 WHERE id = ?`,
		).run(this.now(), id);
	}

	/** A transient failure: run it again at `at`. */
	retryAt(id: number, error: string, at: number) {
		this.transaction(() => {
			this.sql('UPDATE events SET last_error = ?, next_attempt_at = ? WHERE id = ?').run(
				error,
				at,
				id,
			);
		});
	}

	/** A permanent failure or exhausted retries: out of the queue, into the dead letters. */
	deadLetter(id: number, failure: Omit<DeadLetter, 'deadAt' | 'attempts'>) {
		this.transaction(() => {
			const attempts = Number(
				this.sql('SELECT attempts FROM events WHERE id = ?').get(id)?.attempts ?? 0,
			);
			this.sql(
				`UPDATE events SET status = 'dead', last_error = ?, finished_at = ? WHERE id = ?`,
			).run(failure.error, this.now(), id);
			this.db
				.prepare(
					'INSERT OR REPLACE INTO dead_letters (event_id, error, node, who, attempts, dead_at) VALUES (?, ?, ?, ?, ?, ?)',
				)
				.run(id, failure.error, failure.node ?? null, failure.who ?? null, attempts, this.now());
		});
	}

	/**
	 * Dead events back to the queue (one id, or all of them), with a fresh count of attempts. They keep their place
	 * in arrival order, so they run before anything that arrived after them. Returns how many were requeued.
	 */
	requeue(id?: number): number {
		return this.transaction(() => {
			const ids = (
				id === undefined
					? this.sql(`SELECT id FROM events WHERE status = 'dead'`).all()
					: this.sql(`SELECT id FROM events WHERE status = 'dead' AND id = ?`).all(id)
			).map((row) => Number(row.id));
			for (const deadId of ids) {
				this.sql(
					`UPDATE events SET status = 'pending', attempts = 0, next_attempt_at = 0, finished_at = NULL WHERE id = ?`,
				).run(deadId);
				this.sql('DELETE FROM dead_letters WHERE event_id = ?').run(deadId);
			}
			return ids.length;
		});
	}

	/** Gives up on a dead or pending event for good, saying why; returns whether there was such an event. */
	discard(id: number, reason: string): boolean {
		return this.transaction(() => {
			const changed = this.db
				.prepare(
					`UPDATE events SET status = 'discarded', discard_reason = ?, finished_at = ? WHERE id = ? AND status IN ('dead', 'pending')`,
				)
				.run(reason, this.now(), id);
			return Number(changed.changes) > 0;
		});
	}

	get(id: number): InboxEvent | undefined {
		const row = this.sql('SELECT * FROM events WHERE id = ?').get(id);
		return row && this.toEvent(row);
	}

	/** Events of some states, in arrival order. */
	list(statuses: EventStatus[]): InboxEvent[] {
		const placeholders = statuses.map(() => '?').join(', ');
		return this.db
			.prepare(`SELECT * FROM events WHERE status IN (${placeholders}) ORDER BY id`)
			.all(...statuses)
			.map((row) => this.toEvent(row));
	}

	counts(): Record<EventStatus, number> {
		const counts: Record<EventStatus, number> = { pending: 0, done: 0, dead: 0, discarded: 0 };
		for (const row of this.sql(
			'SELECT status, COUNT(*) AS count FROM events GROUP BY status',
		).all()) {
			counts[String(row.status) as EventStatus] = Number(row.count);
		}
		return counts;
	}

	/**
	 * Forgets done and discarded events finished before `before` (their delivery keys stop catching repeats then);
	 * pending and dead events stay until they are run or discarded.
	 */
	prune(before: number): number {
		return this.transaction(() =>
			Number(
				this.sql(
					`DELETE FROM events WHERE status IN ('done', 'discarded') AND finished_at < ?`,
				).run(before).changes,
			),
		);
	}

	private toEvent(row: Record<string, SqlValue>): InboxEvent {
		const dead =
			row.status === 'dead'
				? this.sql('SELECT * FROM dead_letters WHERE event_id = ?').get(row.id)
				: undefined;
		return {
			id: Number(row.id),
			deliveryKey: String(row.delivery_key),
			trigger: String(row.trigger_node),
			items: JSON.parse(String(row.items)) as INodeExecutionData[],
			who: text(row.who),
			receivedAt: Number(row.received_at),
			status: String(row.status) as EventStatus,
			attempts: Number(row.attempts),
			nextAttemptAt: Number(row.next_attempt_at),
			lastError: text(row.last_error),
			finishedAt: row.finished_at === null ? undefined : Number(row.finished_at),
			discardReason: text(row.discard_reason),
			...(dead
				? {
						deadLetter: {
							error: String(dead.error),
							node: text(dead.node),
							who: text(dead.who),
							attempts: Number(dead.attempts),
							deadAt: Number(dead.dead_at),
						},
					}
				: {}),
		};
	}
}
