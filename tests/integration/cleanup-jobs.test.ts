import { describe, expect, it } from 'vitest';
import { startJobs, type Job } from '../../src/lib/platform/server/jobs';
import { serverJobs } from '../../src/lib/platform/server/server-jobs';
import { useEmptyDatabase } from '../helpers/db';
import { createUser } from './auth-fixtures';

// Issue 12, point 11: expired sessions and idle throttle buckets are deleted when the server
// starts and every hour after, by the one job runner.

const HOUR = 3_600_000;

describe('jobs', () => {
	const database = useEmptyDatabase();

	async function seedRows() {
		const db = database.db;
		const user = await createUser(db, 'ida@skolen.dk', null);
		const now = Date.now();
		const session = (id: string, expiresAt: number) => ({
			id,
			secretHash: new Uint8Array(32),
			userId: user.id,
			expiresAt: new Date(expiresAt)
		});
		await db
			.insertInto('userSession')
			.values([session('expired', now - 1000), session('live', now + 30 * 24 * HOUR)])
			.execute();
		await db
			.insertInto('rateLimit')
			.values([
				{ key: 'login:ip:stale', tokens: 3, refilledAt: new Date(now - 25 * HOUR) },
				{ key: 'login:ip:recent', tokens: 3, refilledAt: new Date(now - HOUR) }
			])
			.execute();
	}

	const remaining = async () => ({
		sessions: (
			await database.db.selectFrom('userSession').select('id').orderBy('id').execute()
		).map((r) => r.id),
		buckets: (await database.db.selectFrom('rateLimit').select('key').orderBy('key').execute()).map(
			(r) => r.key
		)
	});

	describe('startJobs with the server jobs', () => {
		it('deletes expired sessions and stale throttle buckets at start, keeping live ones', async () => {
			await seedRows();
			const jobs = startJobs(database.db, serverJobs);
			try {
				await expect
					.poll(async () => (await remaining()).sessions, { timeout: 10_000 })
					.toEqual(['live']);
			} finally {
				await jobs.stop();
			}
			expect(await remaining()).toEqual({ sessions: ['live'], buckets: ['login:ip:recent'] });
		});
	});

	describe('startJobs', () => {
		it('runs a job at start and again on its interval, never two runs at once', async () => {
			let runs = 0;
			let concurrent = 0;
			let most = 0;
			const job: Job = {
				name: 'test-tick',
				everyMs: 50,
				run: async () => {
					runs++;
					most = Math.max(most, ++concurrent);
					await new Promise((r) => setTimeout(r, 120));
					concurrent--;
				}
			};
			const jobs = startJobs(database.db, [job]);
			await expect.poll(() => runs, { timeout: 5_000 }).toBeGreaterThanOrEqual(3);
			await jobs.stop();
			const after = runs;
			await new Promise((r) => setTimeout(r, 200));
			expect(runs).toBe(after);
			expect(most).toBe(1);
		});

		it('logs a failing job and runs it again next turn', async () => {
			let runs = 0;
			const jobs = startJobs(database.db, [
				{
					name: 'test-failing',
					everyMs: 30,
					run: async () => {
						runs++;
						throw new Error('database gone');
					}
				}
			]);
			await expect.poll(() => runs, { timeout: 5_000 }).toBeGreaterThanOrEqual(2);
			await jobs.stop();
		});
	});
});
