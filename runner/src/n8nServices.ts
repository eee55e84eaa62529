/**
 * n8n-core's services live in its DI container (@n8n/di). They are resolved from n8n-core's own location so the
 * runner talks to the very Container instance n8n-core uses, whatever npm hoisted where. Also here: the two settings
 * n8n-core reads from its surroundings (the user folder, the loggers), made before an engine is built.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { IDataObject, Logger as N8nLogger } from 'n8n-workflow';
import { LoggerProxy } from 'n8n-workflow';

const coreRequire = createRequire(require.resolve('n8n-core'));

export const { Container } = coreRequire('@n8n/di') as {
	Container: { get<T>(type: unknown): T; set(type: unknown, instance: unknown): void };
};

/** Owns all outbound HTTP of nodes (package @n8n/backend-network). */
export const { OutboundHttp } = coreRequire('@n8n/backend-network') as { OutboundHttp: unknown };

/** n8n's winston logger (package @n8n/backend-common); constructing it also re-points n8n-workflow's LoggerProxy. */
const { Logger } = coreRequire('@n8n/backend-common') as { Logger: unknown };

/**
 * n8n-core keeps an instance settings file (encryption key) under N8N_USER_FOLDER, read when its settings service is
 * first used: give it a folder of our own, so running a recipe never touches ~/.n8n of a real n8n install. One folder
 * per OS user: a shared /tmp folder created by another user would not be writable.
 */
export function useOwnN8nUserFolder() {
	process.env.N8N_USER_FOLDER ??= path.join(tmpdir(), `ats-sync-n8n-${process.getuid?.() ?? 'user'}`);
	mkdirSync(process.env.N8N_USER_FOLDER, { recursive: true });
}

let loggingConfigured = false;

/**
 * Routes n8n's own log calls to `write`, or drops them: a headless run prints its own progress and summary, n8n's
 * log lines only with --verbose. Both of n8n's loggers are replaced: n8n-workflow's LoggerProxy (nodes, engine)
 * and the winston Logger service n8n-core's HTTP and error paths take from the DI container — left alone, that one
 * prints request errors with stack traces to the console and re-points LoggerProxy at itself.
 */
export function configureN8nLogging(write?: (level: string, message: string) => void) {
	loggingConfigured = true;
	const log =
		(level: string) =>
		(message: string, metadata?: IDataObject): void => {
			if (!write) return;
			const error = metadata?.error;
			const detail = error instanceof Error ? error.message : typeof error === 'string' ? error : undefined;
			write(level, detail && !message.includes(detail) ? `${message}: ${detail}` : message);
		};
	const logger = { error: log('error'), warn: log('warn'), info: log('info'), debug: log('debug') };
	const scoped = Object.assign(logger, { scoped: () => scoped });
	Container.set(Logger, scoped);
	LoggerProxy.init(scoped as unknown as N8nLogger);
}

/** Quiet unless configured: tests and library use build engines without the CLI. */
export function ensureN8nLoggingConfigured() {
	if (!loggingConfigured) configureN8nLogging();
}
