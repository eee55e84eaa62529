/**
 * n8n in queue mode, as a team that outgrew one process runs it (n8n docs, "Enable queue mode"): one main instance
 * (editor, REST API, production webhooks; it enqueues executions and runs none), `n8n worker` processes that run
 * them, Redis as the queue and PostgreSQL as the shared database (both from Debian's packages, test/n8n/debianServices.ts).
 *
 * Every process has a user folder of its own with this package installed, as separate machines would: nothing
 * reaches a worker through a shared disk. So binary data (the recipes' CVs) goes where n8n's queue-mode docs say:
 * `N8N_DEFAULT_BINARY_DATA_MODE=database` (the filesystem mode is not supported in queue mode; S3 is a licensed
 * feature). n8n 2.41 picks `database` in queue mode by itself; it is set explicitly so the choice is visible.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import {
	ensureDebianPackages,
	startPostgres,
	startRedis,
	type PostgresService,
	type ServiceProcess,
} from './debianServices';
import { freePort, N8nInstance } from './instance';

/** Connections each n8n process keeps to PostgreSQL (`DB_POSTGRESDB_POOL_SIZE`; n8n's default is 2). */
export const POSTGRES_POOL_SIZE = 10;

export interface QueueModeOptions {
	workers: number;
	/** Executions one worker runs at once (`n8n worker --concurrency`, n8n's default 10). */
	concurrency: number;
}

/** One `n8n worker`: ready when its health endpoint (`QUEUE_HEALTH_CHECK_PORT`, here `port`) says so. */
export class N8nWorker extends N8nInstance {
	async startWorker(concurrency: number) {
		await this.launch(['worker', `--concurrency=${concurrency}`], async () => {
			const ready = await fetch(`${this.baseUrl}/healthz/readiness`).then(
				(response) => response.ok,
				() => false,
			);
			return ready && /n8n worker is now ready/.test(this.serverLog);
		});
	}
}

export class QueueModeCluster {
	private constructor(
		readonly redis: ServiceProcess,
		readonly postgres: PostgresService,
		readonly main: N8nInstance,
		readonly workers: N8nWorker[],
		readonly options: QueueModeOptions,
	) {}

	/**
	 * Installs Redis and PostgreSQL if missing, starts them, and prepares (but does not start) main and workers with
	 * this package installed in each. Import credentials and workflows through `main`, then `start()`.
	 */
	static async create(options: QueueModeOptions): Promise<QueueModeCluster> {
		ensureDebianPackages();
		const redis = await startRedis();
		let postgres: PostgresService | undefined;
		try {
			postgres = await startPostgres();
			const shared = {
				EXECUTIONS_MODE: 'queue',
				QUEUE_BULL_REDIS_HOST: '127.0.0.1',
				QUEUE_BULL_REDIS_PORT: String(redis.port),
				DB_TYPE: 'postgresdb',
				DB_POSTGRESDB_HOST: '127.0.0.1',
				DB_POSTGRESDB_PORT: String(postgres.port),
				DB_POSTGRESDB_DATABASE: postgres.database,
				DB_POSTGRESDB_USER: postgres.user,
				DB_POSTGRESDB_PASSWORD: postgres.password,
				// n8n's default pool is 2 connections: under a burst of webhooks main's pool timed out (issue 17's first
				// runs lost 19 acknowledged deliveries that way). 10 per process stays far below PostgreSQL's 100.
				DB_POSTGRESDB_POOL_SIZE: String(POSTGRES_POOL_SIZE),
				N8N_DEFAULT_BINARY_DATA_MODE: 'database',
				// Manual executions run on workers too (n8n warns that main-run manual executions are going away).
				OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			};
			// Each process starts a task broker (default port 5679): a free port each.
			const main = new N8nInstance(await freePort(), {
				...shared,
				N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			});
			const workers: N8nWorker[] = [];
			for (let index = 0; index < options.workers; index++) {
				const healthPort = await freePort();
				workers.push(
					new N8nWorker(healthPort, {
						...shared,
						// Webhooks are main's: URLs a worker builds (e.g. $execution.resumeUrl) point there.
						N8N_WEBHOOK_URL: `${main.baseUrl}/`,
						N8N_RUNNERS_BROKER_PORT: String(await freePort()),
						QUEUE_HEALTH_CHECK_ACTIVE: 'true',
						QUEUE_HEALTH_CHECK_PORT: String(healthPort),
						N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
					}),
				);
			}
			for (const instance of [main, ...workers]) instance.installPackage();
			return new QueueModeCluster(redis, postgres, main, workers, options);
		} catch (error) {
			await postgres?.stop();
			await redis.stop();
			throw error;
		}
	}

	/** Main first (it runs n8n's database migrations), then the workers. */
	async start() {
		await this.main.start();
		await this.startWorkers();
	}

	async startWorkers() {
		await Promise.all(this.workers.map((worker) => worker.startWorker(this.options.concurrency)));
	}

	/** Workers stop taking jobs and finish the ones they run; what main enqueues meanwhile waits in Redis. */
	async stopWorkers() {
		await Promise.all(this.workers.map((worker) => worker.stop()));
	}

	/**
	 * Workers first (they finish what they run), then main, then the services; temporary folders removed.
	 * QUEUE_MODE_LOGS=<folder> keeps every process's log there.
	 */
	async stop() {
		await this.stopWorkers();
		await this.main.stop();
		await this.postgres.stop();
		await this.redis.stop();
		const logs = process.env.QUEUE_MODE_LOGS;
		if (logs) {
			mkdirSync(logs, { recursive: true });
			const files = {
				'main.log': this.main.log(),
				'postgres.log': this.postgres.log(),
				'redis.log': this.redis.log(),
			};
			this.workers.forEach((worker, index) =>
				Object.assign(files, { [`worker-${index + 1}.log`]: worker.log() }),
			);
			for (const [name, text] of Object.entries(files)) writeFileSync(path.join(logs, name), text);
		}
		if (!process.env.KEEP_N8N_USER_FOLDER)
			for (const instance of [this.main, ...this.workers]) instance.cleanup();
	}

	/** What n8n says of the PostgreSQL it runs on (n8n 2.41 warns below its supported majors, and runs). */
	postgresWarning(): string | undefined {
		return /Postgres \d+ is [^\n]*/.exec(this.main.log())?.[0];
	}

	/** The last lines of every process's log, for an error message. */
	logTail(lines = 30): string {
		const tail = (text: string) => text.split('\n').slice(-lines).join('\n');
		return [
			`--- main ---\n${tail(this.main.log())}`,
			...this.workers.map((worker, index) => `--- worker ${index + 1} ---\n${tail(worker.log())}`),
			`--- postgres ---\n${tail(this.postgres.log())}`,
		].join('\n');
	}
}
