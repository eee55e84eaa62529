/**
 * The state file of a workflow: poll cursors (n8n's workflow static data) and rotated OAuth2 tokens.
 * Written atomically (temp file + rename, so a crash never leaves half a file) and guarded by a lock
 * (proper-lockfile), so two cron runs of the same workflow never overlap.
 */
import {
	closeSync,
	fsyncSync,
	mkdirSync,
	openSync,
	readFileSync,
	renameSync,
	rmSync,
	writeSync,
} from 'node:fs';
import path from 'node:path';

import lockfile from 'proper-lockfile';
import type { IDataObject } from 'n8n-workflow';

import { UserError } from './errors';

export interface RunnerState {
	version: 1;
	/** n8n workflow static data: what polling triggers keep between polls (their cursors). */
	staticData: IDataObject;
	/** OAuth2 token data rotated during runs, by credential name (or id). The credentials file is never written. */
	oauthTokens: Record<string, unknown>;
	updatedAt?: string;
}

/**
 * Where a session keeps the workflow's state between steps: the state file (`run`), or serve's inbox database, which
 * commits a step's static data together with the inbox change it belongs to.
 */
export interface StateStore {
	/** The file, for messages. */
	readonly where: string;
	/** The committed static data, read-only: a step (a run, a poll, a webhook call) changes a copy of it. */
	staticData(): IDataObject;
	/** What a step left in the static data it started from (`before`), committed; `alongWith` belongs to the same commit. */
	commitStaticData(before: IDataObject, after: IDataObject, alongWith?: () => void): void;
	/** The newest OAuth2 token data saved for a credential. */
	savedToken(credentialKey: string): unknown;
	/** Stores rotated tokens at once: the old refresh token may already be invalid, even if the run fails later. */
	saveOauthTokens(credentialKey: string, oauthTokenData: unknown): void;
}

/** `<workflow>.state.json` next to the workflow file. */
export function defaultStatePath(workflowFile: string): string {
	return path.join(
		path.dirname(workflowFile),
		`${path.basename(workflowFile).replace(/\.json$/i, '')}.state.json`,
	);
}

/** How long a lock whose owner stopped refreshing it (a killed run) keeps others out. */
function lockStaleMs(): number {
	const configured = Number(process.env.ATS_SYNC_LOCK_STALE_MS);
	return Number.isFinite(configured) && configured >= 2000 ? configured : 10_000;
}

export function writeFileAtomic(file: string, content: string) {
	mkdirSync(path.dirname(file), { recursive: true });
	const temp = `${file}.${process.pid}.tmp`;
	const fd = openSync(temp, 'w', 0o600);
	try {
		writeSync(fd, content);
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
	try {
		renameSync(temp, file);
	} catch (error) {
		rmSync(temp, { force: true });
		throw error;
	}
}

/** The state file of `run`: written whole, atomically, under the lock. */
export class StateFile implements StateStore {
	private release?: () => Promise<void>;

	private compromised?: Error;

	private state: RunnerState = { version: 1, staticData: {}, oauthTokens: {} };

	constructor(readonly file: string) {}

	/**
	 * Takes the lock or, without `wait`, refuses at once with a message saying who holds it. A lock left by a killed
	 * run turns stale after ATS_SYNC_LOCK_STALE_MS (default 10 s) and is then taken over.
	 */
	async lock(wait: boolean, onWaiting?: () => void) {
		mkdirSync(path.dirname(this.file), { recursive: true });
		const stale = lockStaleMs();
		let waiting = false;
		for (;;) {
			try {
				this.release = await lockfile.lock(this.file, {
					realpath: false,
					stale,
					onCompromised: (error) => {
						this.compromised = error;
					},
				});
				return;
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
				if (!wait) {
					throw new UserError(
						`Another ats-sync run holds the lock on ${this.file} (${this.file}.lock): not starting a second, overlapping run. Use --wait-lock to wait for it`,
					);
				}
				if (!waiting) onWaiting?.();
				waiting = true;
				await new Promise((resolve) => setTimeout(resolve, 250));
			}
		}
	}

	async unlock() {
		const release = this.release;
		this.release = undefined;
		if (release && !this.compromised) await release().catch(() => undefined);
	}

	read(): RunnerState {
		let text: string;
		try {
			text = readFileSync(this.file, 'utf8');
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') return this.state;
			throw new UserError(
				`Cannot read state file ${this.file}: ${(error as NodeJS.ErrnoException).code}`,
			);
		}
		let parsed: Partial<RunnerState>;
		try {
			parsed = JSON.parse(text) as Partial<RunnerState>;
		} catch {
			throw new UserError(
				`State file ${this.file} is not valid JSON: fix or delete it (deleting it resets poll cursors)`,
			);
		}
		this.state = {
			version: 1,
			staticData: parsed.staticData ?? {},
			oauthTokens: parsed.oauthTokens ?? {},
		};
		return this.state;
	}

	/** The committed state: static data as of the last successful run. */
	get current(): RunnerState {
		return this.state;
	}

	get where(): string {
		return this.file;
	}

	staticData(): IDataObject {
		return this.state.staticData;
	}

	/** Advances the cursors (called only after a successful run): the file holds the whole static data the run left. */
	commitStaticData(_before: IDataObject, after: IDataObject, alongWith?: () => void) {
		this.save({ ...this.state, staticData: JSON.parse(JSON.stringify(after)) as IDataObject });
		alongWith?.();
	}

	savedToken(credentialKey: string): unknown {
		return this.state.oauthTokens[credentialKey];
	}

	saveOauthTokens(credentialKey: string, oauthTokenData: unknown) {
		this.save({
			...this.state,
			oauthTokens: { ...this.state.oauthTokens, [credentialKey]: oauthTokenData },
		});
	}

	private save(next: RunnerState) {
		if (this.compromised) {
			throw new UserError(
				`The lock on ${this.file} was lost during the run (${this.compromised.message}); state not saved`,
			);
		}
		this.state = { ...next, updatedAt: new Date().toISOString() };
		writeFileAtomic(this.file, `${JSON.stringify(this.state, null, '\t')}\n`);
	}
}
