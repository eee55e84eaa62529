/**
 * Redis and PostgreSQL from Debian's packages, for n8n's queue mode (test/n8n/queueMode.ts): installed with apt-get
 * when missing (as root, which CI is), then each started as a child process of this run on a free loopback port,
 * with its data in a temporary folder, and stopped by its own PID. Nothing is left running or installed by hand.
 */
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { tempDir } from '../runner/cli';
import { registerSecret } from '../secrets/record';
import { freePort } from './instance';

const POSTGRES_ROOT = '/usr/lib/postgresql';
const STARTUP_MS = 2 * 60_000;

export interface ServiceProcess {
	port: number;
	/** The server's own version line, e.g. "redis-server v=7.0.15" or "postgres (PostgreSQL) 15.18". */
	version: string;
	log(): string;
	stop(): Promise<void>;
}

export interface PostgresService extends ServiceProcess {
	database: string;
	user: string;
	password: string;
	/** Rows of a query (psql over the local socket), each row's columns in order. */
	query(sql: string): string[][];
}

type Log = (line: string) => void;
const stderrLog: Log = (line) => process.stderr.write(`${line}\n`);

/** Debian's PostgreSQL server binaries: the newest major under /usr/lib/postgresql (not on PATH by design). */
function postgresBinDir(): string | undefined {
	if (!existsSync(POSTGRES_ROOT)) return undefined;
	const majors = readdirSync(POSTGRES_ROOT)
		.filter((major) => existsSync(path.join(POSTGRES_ROOT, major, 'bin', 'postgres')))
		.sort((a, b) => Number(b) - Number(a));
	return majors.length > 0 ? path.join(POSTGRES_ROOT, majors[0], 'bin') : undefined;
}

const onPath = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

function run(file: string, args: string[], options: SpawnSyncOptions = {}): string {
	const result = spawnSync(file, args, { encoding: 'utf8', ...options });
	if (result.status !== 0)
		throw new Error(
			`${file} ${args.join(' ')} failed (exit ${result.status}): ${String(result.stderr ?? '').slice(-2000) || result.error?.message}`,
		);
	return String(result.stdout ?? '');
}

/** apt-get installs redis-server and postgresql when either is missing (waiting for another apt run's lock). */
export function ensureDebianPackages(log: Log = stderrLog) {
	const missing = [
		...(onPath('redis-server') ? [] : ['redis-server']),
		...(postgresBinDir() ? [] : ['postgresql']),
	];
	if (missing.length === 0) return;
	if (process.getuid?.() !== 0) {
		throw new Error(
			`n8n's queue mode needs Debian's ${missing.join(' and ')}: run "apt-get update && apt-get install -y ${missing.join(' ')}" as root, or run this as root`,
		);
	}
	log(`Installing Debian's ${missing.join(' and ')} (apt-get)…`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const lock = ['-o', 'DPkg::Lock::Timeout=600'];
	run('apt-get', [...lock, 'update'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
	run('apt-get', [...lock, 'install', '-y', '--no-install-recommends', ...missing], {
		env,
		stdio: ['ignore', 'ignore', 'pipe'],
	});
}

/** A server process started from `file`, ready once its log matches `ready`; `stopSignal` is its fast clean stop. */
async function startServer(
	name: string,
	file: string,
	args: string[],
	ready: RegExp,
	options: { uid?: number; gid?: number; cwd: string; stopSignal: NodeJS.Signals },
): Promise<Omit<ServiceProcess, 'port' | 'version'>> {
	const child = spawn(file, args, {
		cwd: options.cwd,
		uid: options.uid,
		gid: options.gid,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const deadline = Date.now() + STARTUP_MS;
	while (!ready.test(output)) {
		if (child.exitCode !== null || child.signalCode !== null)
			throw new Error(
				`${name} exited while starting (${child.exitCode ?? child.signalCode}):\n${output.slice(-3000)}`,
			);
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(
				`${name} did not become ready in ${STARTUP_MS / 1000} s:\n${output.slice(-3000)}`,
			);
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	return {
		log: () => output,
		stop: async () => {
			if (child.exitCode !== null || child.signalCode !== null) return;
			child.kill(options.stopSignal);
			const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
			await exited;
			clearTimeout(timer);
		},
	};
}

/** redis-server on a free loopback port, nothing persisted (n8n's queue and pub/sub only). */
export async function startRedis(): Promise<ServiceProcess> {
	const port = await freePort();
	const dir = tempDir('n8n-redis-');
	const args = [
		'--port',
		String(port),
		'--bind',
		'127.0.0.1',
		'--dir',
		dir,
		'--save',
		'',
		'--appendonly',
		'no',
	];
	const server = await startServer(
		'redis-server',
		'redis-server',
		args,
		/Ready to accept connections/,
		{ cwd: dir, stopSignal: 'SIGTERM' },
	);
	const version = /v=\S+/.exec(run('redis-server', ['--version']))?.[0] ?? 'unknown';
	return {
		...server,
		port,
		version: `redis-server ${version}`,
		stop: async () => {
			await server.stop();
			rmSync(dir, { recursive: true, force: true });
		},
	};
}

/** The uid and gid of Debian's `postgres` user: PostgreSQL refuses to run as root. */
function postgresUser(): { uid: number; gid: number } | undefined {
	if (process.getuid?.() !== 0) return undefined;
	const uid = Number(run('id', ['-u', 'postgres']).trim());
	const gid = Number(run('id', ['-g', 'postgres']).trim());
	return { uid, gid };
}

/**
 * A fresh PostgreSQL cluster (initdb) in a temporary folder, served on a free loopback port: a database `n8n` owned
 * by the user `n8n`, which logs in over TCP with a password (scram-sha-256) as n8n does in production.
 */
export async function startPostgres(): Promise<PostgresService> {
	const bin = postgresBinDir();
	if (!bin) throw new Error('PostgreSQL is not installed (ensureDebianPackages installs it)');
	const port = await freePort();
	const dir = tempDir('n8n-postgres-');
	const data = path.join(dir, 'data');
	const owner = postgresUser();
	if (owner) chownSync(dir, owner.uid, owner.gid);
	const as = owner ? { uid: owner.uid, gid: owner.gid } : {};
	const user = 'n8n';
	const database = 'n8n';
	const password = randomBytes(18).toString('base64url');
	registerSecret('queue-mode Postgres password', password);
	const passwordFile = path.join(dir, 'password');
	writeFileSync(passwordFile, password, { mode: 0o600 });
	if (owner) chownSync(passwordFile, owner.uid, owner.gid);
	try {
		run(
			path.join(bin, 'initdb'),
			[
				'-D',
				data,
				'-U',
				user,
				`--pwfile=${passwordFile}`,
				'--auth-local=trust',
				'--auth-host=scram-sha-256',
				'-E',
				'UTF8',
				'--locale=C',
			],
			{
				cwd: dir,
				...as,
			},
		);
	} finally {
		rmSync(passwordFile, { force: true });
	}
	const args = ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1'];
	// SIGINT: PostgreSQL's fast shutdown (SIGTERM would wait for every client to disconnect).
	const server = await startServer(
		'postgres',
		path.join(bin, 'postgres'),
		args,
		/database system is ready to accept connections/,
		{ cwd: dir, stopSignal: 'SIGINT', ...as },
	);
	try {
		run(path.join(bin, 'createdb'), ['-h', dir, '-p', String(port), '-U', user, database], {
			cwd: dir,
			...as,
		});
	} catch (error) {
		await server.stop();
		throw error;
	}
	const version = run(path.join(bin, 'postgres'), ['--version']).trim();
	return {
		...server,
		port,
		version,
		database,
		user,
		password,
		query: (sql) =>
			run(
				path.join(bin, 'psql'),
				[
					'-h',
					dir,
					'-p',
					String(port),
					'-U',
					user,
					'-d',
					database,
					'-XAt',
					'-F',
					'\t',
					'-v',
					'ON_ERROR_STOP=1',
					'-c',
					sql,
				],
				{ cwd: dir, ...as },
			)
				.split('\n')
				.filter(Boolean)
				.map((line) => line.split('\t')),
		stop: async () => {
			await server.stop();
			rmSync(dir, { recursive: true, force: true });
		},
	};
}
