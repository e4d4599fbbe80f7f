import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/platform/server/db/engine';
import { startJobs, type Job } from '../../src/lib/platform/server/jobs';
import { claimDueMail } from '../../src/lib/platform/server/mail-delivery';
import { createTestDatabase, truncateAll } from '../helpers/db';

// Two instances of the app on one PostgreSQL server. The embedded engine has one connection, so
// these run only on PostgreSQL (vite.config.ts includes tests/postgres/ when DATABASE_URL is set).

const HOUR = 3_600_000;

describe('two instances on one PostgreSQL database', () => {
	let database: Database;
	beforeAll(async () => {
		if (!process.env.DATABASE_URL) throw new Error('tests/postgres/ needs DATABASE_URL');
		database = await createTestDatabase();
	});
	afterAll(async () => {
		await database?.close();
	});
	beforeEach(async () => {
		await truncateAll(database);
	});

	it('claimDueMail skips mail another instance holds, without waiting for it', async () => {
		const due = new Date(Date.now() - 1000);
		await database.db
			.insertInto('outbox')
			.values(
				Array.from({ length: 5 }, (_, i) => ({
					toAddress: `m${i}@example.dk`,
					subject: `Mail ${i}`,
					bodyText: 'Tekst',
					nextAttemptAt: due
				}))
			)
			.execute();
		let release!: () => void;
		const held = new Promise<void>((r) => (release = r));
		let first: string[] = [];
		const firstClaimer = database.db.transaction().execute(async (trx) => {
			first = (await claimDueMail(trx, { limit: 3 })).map((m) => m.id);
			await held;
		});
		await expect.poll(() => first.length).toBe(3);
		// The first claimer's transaction is still open: its rows are locked, not skipped over.
		const second = (await claimDueMail(database.db, { limit: 5 })).map((m) => m.id);
		release();
		await firstClaimer;
		expect(second).toHaveLength(2);
		expect(second.filter((id) => first.includes(id))).toEqual([]);
		// Everything is claimed now (its lease runs): a third claimer finds nothing.
		expect(await claimDueMail(database.db)).toEqual([]);
	});

	it('startJobs skips an exclusive job while another instance runs it', async () => {
		let release!: () => void;
		const held = new Promise<void>((r) => (release = r));
		let firstStarted = false;
		let secondRan = false;
		const job = (onRun: () => Promise<void>): Job => ({
			name: 'test-exclusive',
			everyMs: HOUR,
			exclusive: true,
			run: onRun
		});
		const first = startJobs(database.db, [
			job(async () => {
				firstStarted = true;
				await held;
			})
		]);
		await expect.poll(() => firstStarted).toBe(true);
		const second = startJobs(database.db, [
			job(async () => {
				secondRan = true;
			})
		]);
		await second.runNow('test-exclusive');
		expect(secondRan).toBe(false);
		release();
		await first.stop();
		// The first run is over and its transaction with the lock ended: now it runs.
		await second.runNow('test-exclusive');
		await second.stop();
		expect(secondRan).toBe(true);
	});
});
