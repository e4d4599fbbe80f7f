import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startJobs } from '../../src/lib/platform/server/jobs';
import { sendMail } from '../../src/lib/platform/server/mail';
import { MAX_ATTEMPTS, RETRY_DELAYS_MS } from '../../src/lib/platform/server/mail-backoff';
import { deliverDueMail } from '../../src/lib/platform/server/mail-delivery';
import { listFailedMail } from '../../src/lib/platform/server/mail-failed';
import { serverJobs } from '../../src/lib/platform/server/server-jobs';
import { useEmptyDatabase } from '../helpers/db';

// Issue 12, point 5: mail the SMTP server did not take is tried again with back-off, by any
// instance (claimed with FOR UPDATE SKIP LOCKED), until it is sent or marked failed.

/** A real SMTP server that refuses every mail with a temporary error while `refusing` is true. */
async function startSmtp() {
	const state = { refusing: true, refused: 0, received: [] as string[] };
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onMailFrom(_address, _session, callback) {
			if (!state.refusing) return callback();
			state.refused++;
			const error = Object.assign(new Error('Mailbox busy, try again later'), {
				responseCode: 451
			});
			callback(error);
		},
		onData(stream, session, callback) {
			stream.on('data', () => undefined);
			stream.on('end', () => {
				state.received.push(...session.envelope.rcptTo.map((r) => r.address));
				callback();
			});
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.server.address() as AddressInfo;
	return {
		url: `smtp://127.0.0.1:${port}`,
		state,
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}

const MAIL = { to: 'lars@smedjen.dk', subject: 'Ny booking', text: 'Tekst' };

describe('mail retry', () => {
	const database = useEmptyDatabase();
	let smtp: Awaited<ReturnType<typeof startSmtp>>;
	const savedUrl = process.env.SMTP_URL;
	beforeAll(async () => {
		smtp = await startSmtp();
	});
	afterAll(async () => {
		await smtp?.close();
	});
	beforeEach(async () => {
		Object.assign(smtp.state, { refusing: true, refused: 0, received: [] });
		process.env.SMTP_URL = smtp.url;
	});
	afterEach(() => {
		process.env.SMTP_URL = savedUrl;
	});

	const outboxRow = () => database.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();

	describe('sendMail', () => {
		it('keeps a refused mail due a minute later, and sends it then', async () => {
			const before = Date.now();
			await sendMail(database.db, MAIL);
			let row = await outboxRow();
			expect(smtp.state.refused).toBe(1);
			expect(row).toMatchObject({ sentAt: null, failedAt: null, attempts: 1 });
			expect(row.error).toMatch(/451 Mailbox busy/);
			const due = row.nextAttemptAt!.getTime();
			expect(due).toBeGreaterThanOrEqual(before + RETRY_DELAYS_MS[0]);
			expect(due).toBeLessThanOrEqual(Date.now() + RETRY_DELAYS_MS[0]);

			// Not yet due: nothing is tried.
			expect(await deliverDueMail(database.db, { now: new Date(due - 1000) })).toEqual({
				sent: 0,
				retry: 0,
				failed: 0
			});
			expect(smtp.state.refused).toBe(1);

			smtp.state.refusing = false;
			expect(await deliverDueMail(database.db, { now: new Date(due) })).toMatchObject({ sent: 1 });
			row = await outboxRow();
			expect(smtp.state.received).toEqual(['lars@smedjen.dk']);
			expect(row).toMatchObject({ attempts: 2, nextAttemptAt: null, error: null, failedAt: null });
			expect(row.sentAt).toBeInstanceOf(Date);
		});

		it('writes mail not due when no SMTP server is configured', async () => {
			process.env.SMTP_URL = '';
			await sendMail(database.db, MAIL);
			expect(await outboxRow()).toMatchObject({ attempts: 0, nextAttemptAt: null });
			process.env.SMTP_URL = smtp.url;
			expect(await deliverDueMail(database.db, { now: new Date(Date.now() + 86_400_000) })).toEqual(
				{ sent: 0, retry: 0, failed: 0 }
			);
		});
	});

	describe('deliverDueMail', () => {
		it('tries on the back-off schedule and marks the mail failed after the last try', async () => {
			// Written due now, as a booking writes it; every try below is made when it is due.
			await database.db
				.insertInto('outbox')
				.values({ toAddress: MAIL.to, subject: MAIL.subject, bodyText: MAIL.text })
				.execute();
			await database.db.updateTable('outbox').set({ nextAttemptAt: new Date() }).execute();
			let row = await outboxRow();
			const waits: number[] = [];
			let now = row.nextAttemptAt!;
			while (row.nextAttemptAt) {
				now = row.nextAttemptAt;
				expect(await deliverDueMail(database.db, { now })).toMatchObject({ sent: 0 });
				row = await outboxRow();
				if (row.nextAttemptAt) waits.push(row.nextAttemptAt.getTime() - now.getTime());
			}
			expect(waits).toEqual([...RETRY_DELAYS_MS]);
			expect(smtp.state.refused).toBe(MAX_ATTEMPTS);
			expect(row).toMatchObject({ attempts: MAX_ATTEMPTS, sentAt: null, nextAttemptAt: null });
			expect(row.failedAt).toBeInstanceOf(Date);

			// Given up for good: a day later nothing is tried, and the secretariat's list has it.
			smtp.state.refusing = false;
			const later = new Date(now.getTime() + 86_400_000);
			expect(await deliverDueMail(database.db, { now: later })).toEqual({
				sent: 0,
				retry: 0,
				failed: 0
			});
			expect(smtp.state.received).toEqual([]);
			const failed = await listFailedMail(database.db);
			expect(failed.total).toBe(1);
			expect(failed.mails[0]).toMatchObject({
				toAddress: 'lars@smedjen.dk',
				subject: 'Ny booking',
				attempts: MAX_ATTEMPTS
			});
		});

		it('picks up after a restart: mail due from before is sent by the job runner', async () => {
			// As a process that died after the first, refused try left it: due a while ago.
			await database.db
				.insertInto('outbox')
				.values({
					toAddress: 'ida@skolen.dk',
					subject: 'Svar på booking',
					bodyText: 'Tekst',
					attempts: 1,
					error: 'Error: 451',
					nextAttemptAt: new Date(Date.now() - 60_000)
				})
				.execute();
			smtp.state.refusing = false;
			const jobs = startJobs(database.db, serverJobs);
			try {
				await expect
					.poll(async () => (await outboxRow()).sentAt, { timeout: 10_000 })
					.not.toBeNull();
			} finally {
				await jobs.stop();
			}
			expect(smtp.state.received).toEqual(['ida@skolen.dk']);
		});

		it('sends each due mail once when two instances deliver at the same time', async () => {
			smtp.state.refusing = false;
			const count = 24;
			await database.db
				.insertInto('outbox')
				.values(
					Array.from({ length: count }, (_, i) => ({
						toAddress: `modtager${i}@example.dk`,
						subject: `Mail ${i}`,
						bodyText: 'Tekst',
						nextAttemptAt: new Date(Date.now() - 1000)
					}))
				)
				.execute();
			const [a, b] = await Promise.all([
				deliverDueMail(database.db, { batch: 3 }),
				deliverDueMail(database.db, { batch: 3 })
			]);
			expect(a.sent + b.sent).toBe(count);
			expect(smtp.state.received).toHaveLength(count);
			expect(new Set(smtp.state.received).size).toBe(count);
		});
	});
});
