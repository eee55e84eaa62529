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
import type { Database, SqlValue } from './sqlite';
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
	const stem = path.basename(stateFile).replace(/\.json$/i, '').replace(/\.state$/i, '');
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
const TOKEN_PREFIX = 'oauth:';

const isPlainObject = (value: unknown): value is IDataObject => value !== null && typeof value === 'object' && !Array.isArray(value);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** One change a step made to the static data: a field of a top-level entry (`node:<name>`, `global`), or the entry. */
interface StaticDataChange {
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

const text = (value: SqlValue | undefined) => (value === null || value === undefined ? undefined : String(value));

export class Inbox implements StateStore {
	private readonly db: Database;

	/** The committed static data as JSON, and the database version it was read at. */
	private cached?: { version: number; json: string };

	private constructor(
		readonly file: string,
		private readonly now: () => number,
	) {
		mkdirSync(path.dirname(file), { recursive: true });
		this.db = openDatabase(file);
		// FULL: every commit is on disk before the 2xx goes out, so a power loss cannot take an acknowledged event.
		this.db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;');
		this.db.exec(SCHEMA);
	}

	static open(file: string, options: { now?: () => number } = {}): Inbox {
		return new Inbox(file, options.now ?? Date.now);
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
			if (this.db.isTransaction) this.db.exec('ROLLBACK');
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
		if (this.db.prepare(`SELECT 1 FROM meta WHERE key = 'imported'`).get()) return false;
		const state = readState();
		return this.transaction(() => {
			if (this.db.prepare(`SELECT 1 FROM meta WHERE key = 'imported'`).get()) return false;
			const put = this.db.prepare('INSERT OR REPLACE INTO state (key, value) VALUES (?, ?)');
			for (const [key, value] of Object.entries(state.staticData)) put.run(`${STATIC_PREFIX}${key}`, JSON.stringify(value));
			for (const [key, value] of Object.entries(state.oauthTokens)) put.run(`${TOKEN_PREFIX}${key}`, JSON.stringify(value));
			this.db.prepare(`INSERT INTO meta (key, value) VALUES ('imported', ?)`).run(new Date(this.now()).toISOString());
			return true;
		});
	}

	// — the workflow's state —

	private dataVersion(): number {
		return Number(this.db.prepare('PRAGMA data_version').get()?.data_version ?? 0);
	}

	staticData(): IDataObject {
		const version = this.dataVersion();
		if (!this.cached || this.cached.version !== version) {
			const rows = this.db.prepare(`SELECT key, value FROM state WHERE key LIKE '${STATIC_PREFIX}%'`).all();
			const data = Object.fromEntries(rows.map((row) => [String(row.key).slice(STATIC_PREFIX.length), JSON.parse(String(row.value)) as unknown]));
			this.cached = { version, json: JSON.stringify(data) };
		}
		return JSON.parse(this.cached.json) as IDataObject;
	}

	commitStaticData(before: IDataObject, after: IDataObject, alongWith?: () => void) {
		const changes = staticDataChanges(before, after);
		// Most requests (a refused signature, a handshake) change nothing: no transaction, no disk flush.
		if (changes.length === 0 && !alongWith) return;
		this.transaction(() => {
			const read = this.db.prepare('SELECT value FROM state WHERE key = ?');
			const put = this.db.prepare('INSERT OR REPLACE INTO state (key, value) VALUES (?, ?)');
			const remove = this.db.prepare('DELETE FROM state WHERE key = ?');
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
			alongWith?.();
		});
	}

	savedToken(credentialKey: string): unknown {
		const stored = text(this.db.prepare('SELECT value FROM state WHERE key = ?').get(`${TOKEN_PREFIX}${credentialKey}`)?.value);
		return stored === undefined ? undefined : (JSON.parse(stored) as unknown);
	}

	saveOauthTokens(credentialKey: string, oauthTokenData: unknown) {
		this.transaction(() => {
			this.db.prepare('INSERT OR REPLACE INTO state (key, value) VALUES (?, ?)').run(`${TOKEN_PREFIX}${credentialKey}`, JSON.stringify(oauthTokenData));
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
			.run(delivery.deliveryKey, delivery.trigger, JSON.stringify(delivery.items), delivery.who ?? null, this.now());
		if (Number(result.changes) > 0) return { id: Number(result.lastInsertRowid), inserted: true };
		const existing = this.db.prepare('SELECT id FROM events WHERE delivery_key = ?').get(delivery.deliveryKey);
		return { id: Number(existing?.id), inserted: false };
	}

	/** The oldest pending event (the head of the queue), due or not. */
	head(): InboxEvent | undefined {
		const row = this.db.prepare(`SELECT * FROM events WHERE status = 'pending' ORDER BY id LIMIT 1`).get();
		return row && this.toEvent(row);
	}

	/** Counts a run as started (committed before it starts, so a run a crash cut short still counts). */
	started(id: number): number {
		return this.transaction(() => {
			this.db.prepare('UPDATE events SET attempts = attempts + 1 WHERE id = ?').run(id);
			return Number(this.db.prepare('SELECT attempts FROM events WHERE id = ?').get(id)?.attempts);
		});
	}

	/** Marks the event done: call inside the transaction that commits its run's static data. */
	markDone(id: number) {
		this.db.prepare(`UPDATE events SET status = 'done', finished_at = ?, last_error = NULL, next_attempt_at = 0 WHERE id = ?`).run(this.now(), id);
	}

	/** A transient failure: run it again at `at`. */
	retryAt(id: number, error: string, at: number) {
		this.transaction(() => {
			this.db.prepare('UPDATE events SET last_error = ?, next_attempt_at = ? WHERE id = ?').run(error, at, id);
		});
	}

	/** A permanent failure or exhausted retries: out of the queue, into the dead letters. */
	deadLetter(id: number, failure: Omit<DeadLetter, 'deadAt' | 'attempts'>) {
		this.transaction(() => {
			const attempts = Number(this.db.prepare('SELECT attempts FROM events WHERE id = ?').get(id)?.attempts ?? 0);
			this.db.prepare(`UPDATE events SET status = 'dead', last_error = ?, finished_at = ? WHERE id = ?`).run(failure.error, this.now(), id);
			this.db
				.prepare('INSERT OR REPLACE INTO dead_letters (event_id, error, node, who, attempts, dead_at) VALUES (?, ?, ?, ?, ?, ?)')
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
					? this.db.prepare(`SELECT id FROM events WHERE status = 'dead'`).all()
					: this.db.prepare(`SELECT id FROM events WHERE status = 'dead' AND id = ?`).all(id)
			).map((row) => Number(row.id));
			for (const deadId of ids) {
				this.db.prepare(`UPDATE events SET status = 'pending', attempts = 0, next_attempt_at = 0, finished_at = NULL WHERE id = ?`).run(deadId);
				this.db.prepare('DELETE FROM dead_letters WHERE event_id = ?').run(deadId);
			}
			return ids.length;
		});
	}

	/** Gives up on a dead or pending event for good, saying why; returns whether there was such an event. */
	discard(id: number, reason: string): boolean {
		return this.transaction(() => {
			const changed = this.db
				.prepare(`UPDATE events SET status = 'discarded', discard_reason = ?, finished_at = ? WHERE id = ? AND status IN ('dead', 'pending')`)
				.run(reason, this.now(), id);
			return Number(changed.changes) > 0;
		});
	}

	get(id: number): InboxEvent | undefined {
		const row = this.db.prepare('SELECT * FROM events WHERE id = ?').get(id);
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
		for (const row of this.db.prepare('SELECT status, COUNT(*) AS count FROM events GROUP BY status').all()) {
			counts[String(row.status) as EventStatus] = Number(row.count);
		}
		return counts;
	}

	/**
	 * Forgets done and discarded events finished before `before` (their delivery keys stop catching repeats then);
	 * pending and dead events stay until they are run or discarded.
	 */
	prune(before: number): number {
		return this.transaction(() => Number(this.db.prepare(`DELETE FROM events WHERE status IN ('done', 'discarded') AND finished_at < ?`).run(before).changes));
	}

	private toEvent(row: Record<string, SqlValue>): InboxEvent {
		const dead = row.status === 'dead' ? this.db.prepare('SELECT * FROM dead_letters WHERE event_id = ?').get(row.id) : undefined;
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
