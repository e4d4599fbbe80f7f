import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import {
	deliverOutboxInBackground,
	listOutbox,
	mailOrigin,
	sendInvitationMail,
	sendMail
} from '../../src/lib/platform/server/mail';
import { useEmptyDatabase } from '../helpers/db';

interface Received {
	from: string;
	to: string[];
	data: string;
}

/** A real SMTP server on a free local port that keeps what it receives. */
async function startSmtp(): Promise<{
	url: string;
	received: Received[];
	close: () => Promise<void>;
}> {
	const received: Received[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (c: Buffer) => chunks.push(c));
			stream.on('end', () => {
				received.push({
					from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
					to: session.envelope.rcptTo.map((r) => r.address),
					data: Buffer.concat(chunks).toString('utf8')
				});
				callback();
			});
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.server.address() as AddressInfo;
	return {
		url: `smtp://127.0.0.1:${port}`,
		received,
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}

describe('mail', () => {
	const database = useEmptyDatabase();
	const savedUrl = process.env.SMTP_URL;
	afterEach(() => {
		process.env.SMTP_URL = savedUrl;
	});

	describe('sendMail', () => {
		it('only records the message in the outbox when SMTP_URL is not set', async () => {
			process.env.SMTP_URL = '';
			await sendMail(database.db, { to: 'ida@example.dk', subject: 'Hej', text: 'Tekst' });
			const [message] = await listOutbox(database.db, 10);
			expect(message).toMatchObject({
				toAddress: 'ida@example.dk',
				subject: 'Hej',
				sentAt: null,
				error: null
			});
		});

		it('delivers through SMTP with the right recipient and a Danish subject, and marks it sent', async () => {
			const smtp = await startSmtp();
			try {
				process.env.SMTP_URL = smtp.url;
				await sendInvitationMail(database.db, {
					to: 'ny@example.dk',
					organisationName: 'Horsens Kommune',
					role: 'member',
					token: 'a'.repeat(32),
					expiresAt: new Date('2026-12-01T12:00:00Z'),
					origin: 'https://aarshjul.example'
				});
				expect(smtp.received).toHaveLength(1);
				const [mail] = smtp.received;
				expect(mail.to).toEqual(['ny@example.dk']);
				expect(mail.from).toBe('no-reply@aarshjul.example');
				const [row] = await listOutbox(database.db, 10);
				expect(row.subject).toBe('Du er inviteret til Horsens Kommune i Årshjul');
				expect(row.bodyText).toContain(`https://aarshjul.example/invitation/${'a'.repeat(32)}`);
				expect(row.bodyText).toContain('medlem');
				expect(row.sentAt).toBeInstanceOf(Date);
				expect(row.error).toBeNull();
				// The subject is MIME-encoded on the wire (non-ASCII letters).
				expect(mail.data).toMatch(/^Subject: /m);
			} finally {
				await smtp.close();
			}
		});

		it('stores the error instead of throwing when the SMTP server cannot be reached', async () => {
			const smtp = await startSmtp();
			await smtp.close();
			process.env.SMTP_URL = smtp.url;
			await expect(
				sendMail(database.db, { to: 'ida@example.dk', subject: 'Hej', text: 'Tekst' })
			).resolves.toBeUndefined();
			const [row] = await listOutbox(database.db, 10);
			expect(row.sentAt).toBeNull();
			expect(row.error).toMatch(/ECONNREFUSED|connect/i);
		});
	});

	describe('listOutbox', () => {
		it('lists the newest message first, at most limit', async () => {
			const base = Date.parse('2026-10-01T08:00:00Z');
			for (const [i, subject] of ['første', 'anden', 'tredje'].entries()) {
				await database.db
					.insertInto('outbox')
					.values({
						toAddress: 'ida@example.dk',
						subject,
						bodyText: subject,
						createdAt: new Date(base + i * 1000)
					})
					.execute();
			}
			const messages = await listOutbox(database.db, 2);
			expect(messages.map((m) => m.subject)).toEqual(['tredje', 'anden']);
		});
	});

	describe('mailOrigin', () => {
		it('prefers ORIGIN over the request URL', () => {
			const saved = process.env.ORIGIN;
			try {
				process.env.ORIGIN = 'https://aarshjul.dk/';
				expect(mailOrigin(new URL('http://localhost:3000/x'))).toBe('https://aarshjul.dk');
				delete process.env.ORIGIN;
				expect(mailOrigin(new URL('http://localhost:3000/x'))).toBe('http://localhost:3000');
			} finally {
				if (saved === undefined) delete process.env.ORIGIN;
				else process.env.ORIGIN = saved;
			}
		});
	});

	describe('deliverOutboxInBackground', () => {
		it('sends recorded rows after the caller returns and marks them sent', async () => {
			const smtp = await startSmtp();
			try {
				const row = await database.db
					.insertInto('outbox')
					// As a booking writes it with SMTP_URL set: due at once.
					.values({
						toAddress: 'lars@smedjen.dk',
						subject: 'Ny booking',
						bodyText: 'Tekst',
						nextAttemptAt: new Date()
					})
					.returning('id')
					.executeTakeFirstOrThrow();
				process.env.SMTP_URL = smtp.url;
				deliverOutboxInBackground(database.db, [row.id]);
				expect(smtp.received).toHaveLength(0);
				await expect
					.poll(async () => (await listOutbox(database.db))[0].sentAt, { timeout: 10_000 })
					.not.toBeNull();
				expect(smtp.received.map((r) => r.to)).toEqual([['lars@smedjen.dk']]);
			} finally {
				await smtp.close();
			}
		});
	});
});
