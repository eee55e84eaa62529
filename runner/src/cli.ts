/**
 * ats-sync — runs n8n workflow JSON outside n8n on n8n's own engine.
 * Exit codes: 0 success, 1 some items failed (or a node error stopped the run), 2 invalid workflow, credentials,
 * input or usage (nothing was sent), or another run holds the state lock.
 */
import { parseArgs } from 'node:util';

import { EXIT_INVALID, EXIT_ITEMS_FAILED, UserError } from './errors';
import { limitHeapGrowth } from './heap';
import { Reporter } from './report/reporter';
import { Masker } from './secrets';
import { parseSize } from './serve/http';
import type { EventStatus } from './serve/inbox';
import type { ServeOptions } from './serve/options';
import type { SessionOptions } from './session';
import {
	DEFAULT_MAX_BODY,
	DEFAULT_MAX_OPEN_BODIES,
	DEFAULT_SHUTDOWN_TIMEOUT_MS,
} from './serve/options';
import { DEFAULT_RETRY_POLICY } from './serve/worker';
import { checkAllowedTypes } from './workflow/hostAccess';

export const USAGE = `Usage:
  ats-sync run <workflow.json> [--credentials creds.json|yaml] [--input events.ndjson|json|-] [--state file]
               [--dry-run] [--json] [--verbose] [--nodes <package or path>]... [--trigger <node name>] [--wait-lock]
               [--allow-node-type <type>]...
  ats-sync serve <workflow.json> [--port 5678] [--host 127.0.0.1] [--public-url https://…] [--credentials …]
               [--state …] [--nodes …]... [--json] [--verbose] [--wait-lock] [--shutdown-timeout 10]
               [--max-body 1mb | --max-body "<trigger>=<size>"]... [--max-open-bodies 8] [--allow-node-type …]...
               [--retry-attempts 12] [--retry-base 2] [--retry-max 600]
  ats-sync inbox <workflow.json> [list] [--pending | --dead] [--json] [--state …]
  ats-sync inbox <workflow.json> show <id> | retry <id> | retry --all | discard <id> --reason "…"
  ats-sync deregister <workflow.json> [--credentials …] [--state …] [--nodes …]... [--allow-node-type …]... [--wait-lock]
  ats-sync validate <workflow.json>... [--credentials …] [--nodes …]... [--allow-node-type …]... [--json]
  ats-sync n8n-setup --url https://n8n.example.com [--api-key …] [--credentials …] <recipe.json>...
               creates the recipes' credentials in that n8n (public API) and imports the recipes linked to them;
               reuses what exists by name, so it can run again (API key also from N8N_API_KEY)

Node types that run commands or use files on this host (Execute Command, Read/Write Files, SSH, FTP, …) are refused
unless allowed one by one with --allow-node-type <type>, e.g. --allow-node-type n8n-nodes-base.executeCommand.
Credentials come from --credentials and/or ATS_SYNC_CREDENTIALS (JSON) and ATS_SYNC_CRED_<NAME>_<FIELD> variables.
Exit codes: 0 success, 1 some items failed, 2 invalid workflow/credentials/input/usage or state locked.`;

const OPTIONS = {
	credentials: { type: 'string' },
	input: { type: 'string' },
	state: { type: 'string' },
	'dry-run': { type: 'boolean', default: false },
	json: { type: 'boolean', default: false },
	verbose: { type: 'boolean', short: 'v', default: false },
	nodes: { type: 'string', multiple: true },
	'allow-node-type': { type: 'string', multiple: true },
	trigger: { type: 'string' },
	'wait-lock': { type: 'boolean', default: false },
	port: { type: 'string', default: '5678' },
	host: { type: 'string', default: '127.0.0.1' },
	'public-url': { type: 'string' },
	'shutdown-timeout': { type: 'string' },
	'max-body': { type: 'string', multiple: true },
	'max-open-bodies': { type: 'string' },
	'retry-attempts': { type: 'string' },
	'retry-base': { type: 'string' },
	'retry-max': { type: 'string' },
	pending: { type: 'boolean', default: false },
	dead: { type: 'boolean', default: false },
	all: { type: 'boolean', default: false },
	reason: { type: 'string' },
	url: { type: 'string' },
	'api-key': { type: 'string' },
	help: { type: 'boolean', short: 'h', default: false },
} as const;

type Parsed = ReturnType<
	typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>
>;

function parse(argv: string[]): Parsed {
	try {
		return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
	} catch (error) {
		throw new UserError(`${(error as Error).message.split('\n')[0]} (see ats-sync --help)`);
	}
}

function onlyFor(parsed: Parsed, command: string, allowed: Array<keyof typeof OPTIONS>) {
	const common: Array<keyof typeof OPTIONS> = ['json', 'verbose', 'nodes', 'help', 'credentials'];
	for (const [name, value] of Object.entries(parsed.values)) {
		const option = name as keyof typeof OPTIONS;
		const isDefault =
			value === undefined || value === (OPTIONS[option] as { default?: unknown }).default;
		if (!isDefault && !common.includes(option) && !allowed.includes(option)) {
			throw new UserError(
				`--${name} is not an option of "ats-sync ${command}" (see ats-sync --help)`,
			);
		}
	}
}

/** A number option within bounds, or its default. */
function numberOption(
	value: string | undefined,
	name: string,
	fallback: number,
	{ min = 0, integer = false } = {},
): number {
	if (value === undefined) return fallback;
	const parsed = Number(value);
	if (
		value.trim() === '' ||
		!Number.isFinite(parsed) ||
		parsed < min ||
		(integer && !Number.isInteger(parsed))
	) {
		throw new UserError(
			`--${name} ${value} is not ${integer ? 'a whole number' : 'a number'}${min > 0 ? ` of at least ${min}` : ''}`,
		);
	}
	return parsed;
}

/** `--max-body 2mb` for every trigger, `--max-body "Contact Event=4mb"` for one. */
function bodyLimits(values: string[] | undefined): ServeOptions['maxBody'] {
	const limits: ServeOptions['maxBody'] = { all: DEFAULT_MAX_BODY, byTrigger: {} };
	for (const value of values ?? []) {
		const at = value.lastIndexOf('=');
		const size = parseSize(at >= 0 ? value.slice(at + 1) : value);
		if (size === undefined || size < 1)
			throw new UserError(
				`--max-body ${value}: give a size such as 1mb or 512kb, or "<trigger node>=<size>"`,
			);
		if (at >= 0) limits.byTrigger[value.slice(0, at).trim()] = size;
		else limits.all = size;
	}
	return limits;
}

function serveOptions(values: Parsed['values']): Omit<ServeOptions, keyof SessionOptions> {
	const port = Number(values.port);
	if (!Number.isInteger(port) || port < 0 || port > 65535)
		throw new UserError(`--port ${values.port} is not a port number`);
	const seconds = (name: 'shutdown-timeout' | 'retry-base' | 'retry-max', fallbackMs: number) =>
		Math.round(numberOption(values[name], name, fallbackMs / 1000) * 1000);
	const retry = {
		attempts: numberOption(
			values['retry-attempts'],
			'retry-attempts',
			DEFAULT_RETRY_POLICY.attempts,
			{ min: 1, integer: true },
		),
		baseMs: seconds('retry-base', DEFAULT_RETRY_POLICY.baseMs),
		maxMs: seconds('retry-max', DEFAULT_RETRY_POLICY.maxMs),
	};
	if (retry.maxMs < retry.baseMs) throw new UserError('--retry-max must be at least --retry-base');
	return {
		port,
		host: values.host,
		publicUrl: values['public-url'],
		maxBody: bodyLimits(values['max-body']),
		maxOpenBodies: numberOption(
			values['max-open-bodies'],
			'max-open-bodies',
			DEFAULT_MAX_OPEN_BODIES,
			{ min: 1, integer: true },
		),
		shutdownTimeoutMs: seconds('shutdown-timeout', DEFAULT_SHUTDOWN_TIMEOUT_MS),
		retry,
		json: values.json,
		verbose: values.verbose,
	};
}

function oneWorkflow(command: string, positionals: string[]): string {
	if (positionals.length !== 1)
		throw new UserError(
			`"ats-sync ${command}" takes exactly one workflow file (got ${positionals.length})`,
		);
	return positionals[0];
}

export async function main(
	argv: string[],
	io: { stdout?: NodeJS.WritableStream; stderr?: NodeJS.WritableStream } = {},
): Promise<number> {
	limitHeapGrowth();
	const masker = new Masker();
	let reporter = new Reporter({
		json: argv.includes('--json'),
		verbose: argv.includes('--verbose') || argv.includes('-v'),
		masker,
		...io,
	});
	try {
		const parsed = parse(argv);
		const { values } = parsed;
		reporter = new Reporter({ json: values.json, verbose: values.verbose, masker, ...io });
		const [command, ...rest] = parsed.positionals;
		// Commands are loaded when chosen: serve and inbox keep n8n-core out of this thread (see commands/serve.ts).
		const withN8n = async () => {
			const { configureN8nLogging } = await import('./n8nServices');
			configureN8nLogging(
				values.verbose ? (level, message) => reporter.note(`[n8n ${level}] ${message}`) : undefined,
			);
		};
		if (values.help || command === undefined || command === 'help') {
			(io.stdout ?? process.stdout).write(`${USAGE}\n`);
			return command === undefined && !values.help ? EXIT_INVALID : 0;
		}
		const allowNodeTypes = values['allow-node-type'] ?? [];
		checkAllowedTypes(allowNodeTypes);
		const session = {
			credentialsFile: values.credentials,
			stateFile: values.state,
			nodes: values.nodes ?? [],
			allowNodeTypes,
			waitLock: values['wait-lock'],
		};
		switch (command) {
			case 'run': {
				onlyFor(parsed, command, [
					'input',
					'state',
					'dry-run',
					'trigger',
					'wait-lock',
					'allow-node-type',
				]);
				const workflowFile = oneWorkflow(command, rest);
				await withN8n();
				const { runCommand } = await import('./commands/run');
				const { exitCode } = await runCommand(
					{
						...session,
						workflowFile,
						inputFile: values.input,
						trigger: values.trigger,
						dryRun: values['dry-run'],
					},
					reporter,
				);
				return exitCode;
			}
			case 'serve': {
				onlyFor(parsed, command, [
					'state',
					'allow-node-type',
					'port',
					'host',
					'public-url',
					'wait-lock',
					'shutdown-timeout',
					'max-body',
					'max-open-bodies',
					'retry-attempts',
					'retry-base',
					'retry-max',
				]);
				const options = {
					...session,
					workflowFile: oneWorkflow(command, rest),
					...serveOptions(values),
				};
				const { serveCommand } = await import('./commands/serve');
				return await serveCommand(options, reporter);
			}
			case 'inbox': {
				onlyFor(parsed, command, ['state', 'pending', 'dead', 'all', 'reason']);
				const [workflowFile, action = 'list', id, ...extra] = rest;
				if (workflowFile === undefined)
					throw new UserError(
						'"ats-sync inbox" takes the workflow file first, e.g. ats-sync inbox flow.json list --dead',
					);
				if (!['list', 'show', 'retry', 'discard'].includes(action))
					throw new UserError(`Unknown inbox action "${action}": use list, show, retry or discard`);
				if (extra.length > 0)
					throw new UserError(
						`"ats-sync inbox … ${action}" takes one event id at most (got ${1 + extra.length})`,
					);
				const eventId = id === undefined ? undefined : Number(id.replace(/^#/, ''));
				if (eventId !== undefined && !Number.isInteger(eventId))
					throw new UserError(
						`"${id}" is not an event id (the number "ats-sync inbox … list" shows)`,
					);
				const statuses: EventStatus[] =
					values.pending || values.dead
						? [
								...(values.pending ? ['pending' as const] : []),
								...(values.dead ? ['dead' as const] : []),
							]
						: ['pending', 'dead'];
				const { inboxCommand } = await import('./commands/inbox');
				return inboxCommand(
					{
						workflowFile,
						stateFile: values.state,
						action: action as 'list',
						id: eventId,
						statuses,
						all: values.all,
						reason: values.reason,
						json: values.json,
					},
					reporter,
				);
			}
			case 'deregister': {
				onlyFor(parsed, command, ['state', 'wait-lock', 'allow-node-type']);
				await withN8n();
				return await (
					await import('./commands/deregister')
				).deregisterCommand({ ...session, workflowFile: oneWorkflow(command, rest) }, reporter);
			}
			case 'validate': {
				onlyFor(parsed, command, ['allow-node-type']);
				if (rest.length === 0)
					throw new UserError('"ats-sync validate" needs at least one workflow file');
				await withN8n();
				return (await import('./commands/validate')).validateCommand(
					{
						files: rest,
						credentialsFile: values.credentials,
						nodes: values.nodes ?? [],
						allowNodeTypes,
					},
					reporter,
					values.json,
				);
			}
			case 'n8n-setup': {
				onlyFor(parsed, command, ['url', 'api-key']);
				const apiKey = values['api-key'] ?? process.env.N8N_API_KEY;
				if (!values.url)
					throw new UserError(
						'"ats-sync n8n-setup" needs --url, the address of your n8n (e.g. https://n8n.example.com)',
					);
				if (!apiKey)
					throw new UserError(
						'"ats-sync n8n-setup" needs an n8n API key: --api-key or N8N_API_KEY (create one in n8n under Settings → n8n API)',
					);
				await withN8n();
				const { n8nSetupCommand } = await import('./commands/n8nSetup');
				return await n8nSetupCommand(
					{
						url: values.url,
						apiKey,
						credentialsFile: values.credentials,
						recipes: rest,
						nodes: values.nodes ?? [],
					},
					reporter,
				);
			}
			default:
				throw new UserError(
					`Unknown command "${command}": use run, serve, inbox, deregister, validate or n8n-setup (see ats-sync --help)`,
				);
		}
	} catch (error) {
		reporter.error(error);
		return error instanceof UserError ? error.exitCode : EXIT_ITEMS_FAILED;
	}
}

if (require.main === module) {
	void main(process.argv.slice(2)).then((code) => {
		process.exitCode = code;
	});
}
