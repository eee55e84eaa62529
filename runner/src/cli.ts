/**
 * ats-sync — runs n8n workflow JSON outside n8n on n8n's own engine.
 * Exit codes: 0 success, 1 some items failed (or a node error stopped the run), 2 invalid workflow, credentials,
 * input or usage (nothing was sent), or another run holds the state lock.
 */
import { parseArgs } from 'node:util';

import { configureN8nLogging } from './engine';
import { EXIT_INVALID, EXIT_ITEMS_FAILED, UserError } from './errors';
import { Reporter } from './report';
import { runCommand } from './run';
import { Masker } from './secrets';
import { serveCommand } from './serve';
import { validateCommand } from './validate';

export const USAGE = `Usage:
  ats-sync run <workflow.json> [--credentials creds.json|yaml] [--input events.ndjson|json|-] [--state file]
               [--dry-run] [--json] [--verbose] [--nodes <package or path>]... [--trigger <node name>] [--wait-lock]
  ats-sync serve <workflow.json> [--port 5678] [--host 127.0.0.1] [--public-url https://…] [--credentials …]
               [--state …] [--nodes …]... [--json] [--verbose] [--wait-lock]
  ats-sync validate <workflow.json>... [--credentials …] [--nodes …]... [--json]

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
	trigger: { type: 'string' },
	'wait-lock': { type: 'boolean', default: false },
	port: { type: 'string', default: '5678' },
	host: { type: 'string', default: '127.0.0.1' },
	'public-url': { type: 'string' },
	help: { type: 'boolean', short: 'h', default: false },
} as const;

type Parsed = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>;

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
		const isDefault = value === undefined || value === (OPTIONS[option] as { default?: unknown }).default;
		if (!isDefault && !common.includes(option) && !allowed.includes(option)) {
			throw new UserError(`--${name} is not an option of "ats-sync ${command}" (see ats-sync --help)`);
		}
	}
}

function oneWorkflow(command: string, positionals: string[]): string {
	if (positionals.length !== 1) throw new UserError(`"ats-sync ${command}" takes exactly one workflow file (got ${positionals.length})`);
	return positionals[0];
}

export async function main(argv: string[], io: { stdout?: NodeJS.WritableStream; stderr?: NodeJS.WritableStream } = {}): Promise<number> {
	const masker = new Masker();
	let reporter = new Reporter({ json: argv.includes('--json'), verbose: argv.includes('--verbose') || argv.includes('-v'), masker, ...io });
	try {
		const parsed = parse(argv);
		const { values } = parsed;
		reporter = new Reporter({ json: values.json, verbose: values.verbose, masker, ...io });
		configureN8nLogging(values.verbose ? (level, message) => reporter.note(`[n8n ${level}] ${message}`) : undefined);
		const [command, ...rest] = parsed.positionals;
		if (values.help || command === undefined || command === 'help') {
			(io.stdout ?? process.stdout).write(`${USAGE}\n`);
			return command === undefined && !values.help ? EXIT_INVALID : 0;
		}
		const session = { credentialsFile: values.credentials, stateFile: values.state, nodes: values.nodes ?? [], waitLock: values['wait-lock'] };
		switch (command) {
			case 'run': {
				onlyFor(parsed, command, ['input', 'state', 'dry-run', 'trigger', 'wait-lock']);
				const workflowFile = oneWorkflow(command, rest);
				const { exitCode } = await runCommand(
					{ ...session, workflowFile, inputFile: values.input, trigger: values.trigger, dryRun: values['dry-run'] },
					reporter,
				);
				return exitCode;
			}
			case 'serve': {
				onlyFor(parsed, command, ['state', 'port', 'host', 'public-url', 'wait-lock']);
				const port = Number(values.port);
				if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(`--port ${values.port} is not a port number`);
				return await serveCommand(
					{ ...session, workflowFile: oneWorkflow(command, rest), port, host: values.host, publicUrl: values['public-url'] },
					reporter,
				);
			}
			case 'validate':
				onlyFor(parsed, command, []);
				if (rest.length === 0) throw new UserError('"ats-sync validate" needs at least one workflow file');
				return validateCommand({ files: rest, credentialsFile: values.credentials, nodes: values.nodes ?? [] }, reporter, values.json);
			default:
				throw new UserError(`Unknown command "${command}": use run, serve or validate (see ats-sync --help)`);
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
