/**
 * n8n-core's services live in its DI container (@n8n/di). They are resolved from n8n-core's own location so the
 * runner talks to the very Container instance n8n-core uses, whatever npm hoisted where. Also here: the settings
 * n8n-core reads from its surroundings (the user folder, the loggers, the regex guard), made before an engine is built.
 */
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';

import type { IDataObject, Logger as N8nLogger, RegexEngine } from 'n8n-workflow';
import { ExpressionError, LoggerProxy, setSafeRegexEngine } from 'n8n-workflow';
// Not exported from the index; the same module instance n8n-workflow's Expression uses (its package exports `./*`).
import { setErrorHandler } from 'n8n-workflow/dist/cjs/expression-evaluator-proxy.js';

const coreRequire = createRequire(require.resolve('n8n-core'));

export const { Container } = coreRequire('@n8n/di') as {
	Container: { get<T>(type: unknown): T; set(type: unknown, instance: unknown): void };
};

/** Owns all outbound HTTP of nodes (package @n8n/backend-network). */
export const { OutboundHttp } = coreRequire('@n8n/backend-network') as { OutboundHttp: unknown };

/** n8n's winston logger (package @n8n/backend-common); constructing it also re-points n8n-workflow's LoggerProxy. */
const { Logger } = coreRequire('@n8n/backend-common') as { Logger: unknown };

/** The user's cache directory (XDG on Linux), where the runner keeps n8n's user folder. */
function userCacheDir(): string {
	if (process.env.XDG_CACHE_HOME && path.isAbsolute(process.env.XDG_CACHE_HOME))
		return process.env.XDG_CACHE_HOME;
	if (process.platform === 'darwin') return path.join(homedir(), 'Library', 'Caches');
	if (process.platform === 'win32' && process.env.LOCALAPPDATA) return process.env.LOCALAPPDATA;
	return path.join(homedir(), '.cache');
}

/** `dir`, created private (0700) or made private, and owned by this user; throws when it cannot be. */
function privateDir(dir: string): string {
	mkdirSync(dir, { recursive: true, mode: 0o700 });
	const stats = lstatSync(dir);
	if (!stats.isDirectory() || (process.getuid && stats.uid !== process.getuid()))
		throw new Error(`${dir} is not a folder of this user`);
	if (process.platform !== 'win32' && (stats.mode & 0o077) !== 0) chmodSync(dir, 0o700);
	return dir;
}

/**
 * n8n-core keeps an instance settings file (its encryption key) under N8N_USER_FOLDER, read when its settings service
 * is first used: give it a folder of our own, so running a recipe never touches ~/.n8n of a real n8n install. The
 * folder is private (0700) in the user's cache directory — never a fixed name in the shared temp directory, where
 * another user could create it first or read the key. Without a usable cache directory (a service user without a
 * home), a fresh private folder with a random name in the temp directory, removed when the process ends.
 */
export function useOwnN8nUserFolder() {
	if (process.env.N8N_USER_FOLDER) return;
	let folder: string;
	try {
		folder = privateDir(path.join(userCacheDir(), 'ats-sync', 'n8n'));
	} catch {
		folder = mkdtempSync(path.join(tmpdir(), 'ats-sync-n8n-'));
		const created = folder;
		process.on('exit', () => rmSync(created, { recursive: true, force: true }));
	}
	process.env.N8N_USER_FOLDER = folder;
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
			const detail =
				error instanceof Error ? error.message : typeof error === 'string' ? error : undefined;
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

/**
 * How long one regular expression of a workflow may run. n8n-workflow runs every pattern (a resource locator's ID
 * check, an expression's `.match()`) in a `node:vm` script stopped after 250 ms of wall-clock time, against
 * catastrophic backtracking. Wall-clock: on a busy host a trivial pattern misses that limit while the process waits
 * for a CPU, and the item fails with "Regular expression execution timed out" (seen on a 2-core machine at load 17).
 * The runner keeps n8n's guard, with a limit a waiting process does not reach and a runaway pattern still does.
 */
export const REGEX_TIME_LIMIT_MS = 5_000;

let regexGuardInstalled = false;

/** n8n-workflow's guarded regex engine (a `node:vm` script per call), stopping a pattern after `limitMs`. */
export function guardedRegexEngine(limitMs: number): RegexEngine {
	const context = vm.createContext({
		pattern: '',
		flags: '',
		input: '',
		replacement: '',
		result: undefined as unknown,
	});
	const script = (code: string) => new vm.Script(`result = ${code}`);
	const scripts = {
		exec: script('new RegExp(pattern, flags).exec(input)'),
		test: script('new RegExp(pattern, flags).test(input)'),
		replace: script('input.replace(new RegExp(pattern, flags), replacement)'),
		matchAll: script('Array.from(input.matchAll(new RegExp(pattern, flags)))'),
		split: script('input.split(new RegExp(pattern, flags))'),
	};
	const run = (
		name: keyof typeof scripts,
		pattern: string,
		input: string,
		flags = '',
		replacement = '',
	) => {
		Object.assign(context, { pattern, input, flags, replacement, result: undefined });
		try {
			scripts[name].runInContext(context, { timeout: limitMs });
		} catch (error) {
			// The message n8n-workflow's own engine gives, so callers and users see the same error.
			if ((error as NodeJS.ErrnoException).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT')
				throw new Error('Regular expression execution timed out');
			throw error;
		}
		return context.result;
	};
	const withGlobalFlag = (flags?: string) => (flags?.includes('g') ? flags : `${flags ?? ''}g`);
	return {
		exec: (pattern, input, flags) => run('exec', pattern, input, flags) as RegExpExecArray | null,
		test: (pattern, input, flags) => run('test', pattern, input, flags) as boolean,
		replace: (pattern, input, flags, replacement) =>
			run('replace', pattern, input, flags, replacement) as string,
		matchAll: (pattern, input, flags) =>
			run('matchAll', pattern, input, withGlobalFlag(flags)) as RegExpExecArray[],
		split: (pattern, input, flags) => run('split', pattern, input, flags) as string[],
	};
}

/** Installs the guard with REGEX_TIME_LIMIT_MS, once per process (thread). */
export function useRegexGuard() {
	if (regexGuardInstalled) return;
	regexGuardInstalled = true;
	setSafeRegexEngine(guardedRegexEngine(REGEX_TIME_LIMIT_MS));
}

/**
 * An expression that failed while it ran. Its message names the parameter, which n8n-core records on the error
 * (`context.parameter`) only after the expression threw, so the message is read when it is shown, not when it is made.
 */
export class ExpressionFailedError extends ExpressionError {
	constructor(reason: string, cause: unknown) {
		super(reason, { cause: cause instanceof Error ? cause : undefined });
		Object.defineProperty(this, 'message', {
			configurable: true,
			get: () =>
				typeof this.context.parameter === 'string'
					? `Parameter "${this.context.parameter}": ${reason}`
					: reason,
			// A node that adds to the message (e.g. who the item is about) fixes it from then on.
			set: (value: string) =>
				Object.defineProperty(this, 'message', { value, writable: true, configurable: true }),
		});
	}
}

/**
 * Why an expression failed. n8n's sandbox replaces what an expression must not reach (`require`, `Function`,
 * `eval`, `Reflect`, `Proxy`, `process`'s environment, …) with empty objects among the expression's globals, so
 * calling one is a TypeError like any other: one that names such a global is reported as blocked.
 */
function expressionFailure(error: unknown, globals: unknown): string {
	// The expression compiler reaches globals through a generated lookup, which V8 shows as "(intermediate value)".
	const message = (error instanceof Error ? error.message : String(error)).replace(
		/^(?:\(intermediate value\))+\./,
		'',
	);
	const callee = /^(([\w$]+)[\w$.]*) is not a (?:function|constructor)$/.exec(message);
	const standIn =
		callee && globals && typeof globals === 'object' && Object.hasOwn(globals, callee[2])
			? (globals as IDataObject)[callee[2]]
			: undefined;
	const blocked =
		standIn !== null &&
		typeof standIn === 'object' &&
		Object.getPrototypeOf(standIn) === Object.prototype &&
		Object.keys(standIn).length === 0;
	return blocked
		? `the expression calls ${callee?.[1]}, which n8n blocks in expressions`
		: `the expression failed: ${message}`;
}

let expressionsFailLoudly = false;

/**
 * n8n evaluates an expression that throws to an empty value (its error handler passes on only its own
 * ExpressionErrors): on the canvas someone sees the empty field; in a headless run the item would go on with an
 * empty value and the run exit 0. The runner fails the item instead, with the parameter and the cause, through the
 * hook n8n itself sets its handler with.
 */
export function failOnExpressionErrors() {
	if (expressionsFailLoudly) return;
	expressionsFailLoudly = true;
	// The expression's code calls the handler with the error and the expression's globals (typed with the error only).
	const handler = (error: unknown, globals?: unknown) => {
		if (error instanceof ExpressionError) throw error;
		throw new ExpressionFailedError(expressionFailure(error, globals), error);
	};
	setErrorHandler(handler);
}
