import type { Kysely } from 'kysely';
import type { DB } from './db/schema';
import { tryAdvisoryTransactionLock } from './queries/database';

// The one runner of the server's periodic jobs (mail retries, cleanup). Started from the server's
// init, stopped on shutdown; tests start it only when they mean to. Its timers are unref'd: they
// never keep a process alive on their own.

export interface Job {
	/** For the log, and the advisory lock's key when `exclusive`. */
	name: string;
	everyMs: number;
	/**
	 * Only one instance on the database runs it at a time (the others skip that turn): for work
	 * that would be done twice, not for correctness — every job is safe to run concurrently.
	 */
	exclusive?: boolean;
	run(db: Kysely<DB>): Promise<unknown>;
}

export interface JobRunner {
	/** Runs a job now (unless it is running already); resolves when that run is over. */
	runNow(name: string): Promise<void>;
	/** Clears the timers and waits for runs in progress, so the database can then be closed. */
	stop(): Promise<void>;
}

/** A stable 32-bit key per job name for pg_try_advisory_xact_lock(int, int). */
function lockKey(name: string): number {
	let hash = 0;
	for (const char of name) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
	return hash;
}

/** Namespace of this app's advisory locks (the first of the two keys): 'årsh'. */
const LOCK_SPACE = 0x61727368;

/** Runs `job` inside a transaction holding its advisory lock; false when another instance has it. */
async function runExclusive(db: Kysely<DB>, job: Job): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		if (!(await tryAdvisoryTransactionLock(trx, LOCK_SPACE, lockKey(job.name)))) return false;
		await job.run(trx);
		return true;
	});
}

/** Starts every job at once and then every `everyMs`; a run never overlaps the job's last one. */
export function startJobs(db: Kysely<DB>, jobs: readonly Job[]): JobRunner {
	const running = new Map<string, Promise<void>>();
	const timers: NodeJS.Timeout[] = [];
	let stopped = false;

	const runNow = (name: string): Promise<void> => {
		const job = jobs.find((j) => j.name === name);
		if (!job) throw new Error(`no job ${name}`);
		const current = running.get(name);
		if (current) return current;
		if (stopped) return Promise.resolve();
		const run = (async () => {
			try {
				if (job.exclusive) await runExclusive(db, job);
				else await job.run(db);
			} catch (error) {
				// A lost database connection or a failed job must not end the process: next turn.
				console.error(`job ${name}: ${error instanceof Error ? error.message : String(error)}`);
			} finally {
				running.delete(name);
			}
		})();
		running.set(name, run);
		return run;
	};

	for (const job of jobs) {
		const first = setTimeout(() => void runNow(job.name), 0);
		const every = setInterval(() => void runNow(job.name), job.everyMs);
		first.unref();
		every.unref();
		timers.push(first, every);
	}

	return {
		runNow,
		stop: async () => {
			stopped = true;
			for (const timer of timers) clearTimeout(timer);
			await Promise.all(running.values());
		}
	};
}
