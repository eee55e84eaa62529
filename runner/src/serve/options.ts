/** What `ats-sync serve` is started with, and its defaults (kept apart from the server, which loads n8n-core). */
import type { SessionOptions } from '../session';
import type { RetryPolicy } from './worker';

export interface ServeOptions extends SessionOptions {
	port: number;
	host: string;
	/** Public base URL the ATS should call (behind a proxy); default http://<host>:<port>. */
	publicUrl?: string;
	/** Body limit in bytes for every trigger, and per trigger node name. */
	maxBody: { all: number; byTrigger: Record<string, number> };
	/** Request bodies read at once; more get 503. */
	maxOpenBodies: number;
	/** How long a stop waits for the run in progress. */
	shutdownTimeoutMs: number;
	retry: RetryPolicy;
	json: boolean;
	verbose: boolean;
}

export const DEFAULT_MAX_BODY = 1024 * 1024;
export const DEFAULT_MAX_OPEN_BODIES = 8;
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;

/**
 * V8 sizes a thread's young generation from the machine's memory (tens of MB on a server); serve's two threads that
 * load n8n-core get a smaller one, which keeps each copy of n8n-core tens of MB lighter. Requests and runs allocate
 * little that survives, so minor collections stay short.
 */
export const THREAD_YOUNG_GENERATION_MB = 12;
