import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import type { DB } from './db/schema';
import { MAX_ATTEMPTS, nextAttemptAfter } from './mail-backoff';
import { claimOutboxMail, recordOutboxFailure, recordOutboxSent } from './queries/outbox';

// Sending the outbox's mail over SMTP, once right after it is written and again with back-off
// (mail-backoff.ts) until it is sent or given up. Several app instances may share one database:
// a try is claimed first (FOR UPDATE SKIP LOCKED), so no two of them send the same mail at once.

const DEFAULT_FROM = 'Årshjul <no-reply@aarshjul.example>';

/**
 * How long a claimed try may take before another instance may take it over: an instance that
 * died while sending leaves the mail due again after this (it may then arrive twice, never zero
 * times). Longer than nodemailer's timeouts below together.
 */
const CLAIM_LEASE_MS = 5 * 60_000;

const transports = new Map<string, nodemailer.Transporter>();
function transportFor(url: string): nodemailer.Transporter {
	let transport = transports.get(url);
	if (!transport) {
		// Short timeouts: the person waiting for the page should not wait two minutes for SMTP.
		transport = nodemailer.createTransport({
			url,
			connectionTimeout: 10_000,
			greetingTimeout: 10_000,
			socketTimeout: 20_000
		});
		transports.set(url, transport);
	}
	return transport;
}

/** An error as text fit for a log or the outbox: credentials in URLs are blanked out. */
export function describeError(error: unknown): string {
	const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
	return text.replace(/\/\/[^/@\s]*@/g, '//***@').slice(0, 500);
}

/**
 * When a mail written now is due: at once when an SMTP server is configured; otherwise never
 * (it stays in the outbox to be read at /dev/outbox, and is not sent if SMTP_URL is set later).
 */
export function firstAttemptAt(now = new Date()): Date | null {
	return process.env.SMTP_URL ? now : null;
}

interface ClaimedMail {
	id: string;
	toAddress: string;
	subject: string;
	bodyText: string;
	attempts: number;
}

/**
 * Takes up to `limit` unsent mails that are due (of `ids` only, when given): counts the try and
 * moves their due time past the lease in one statement, skipping rows another claimer holds.
 */
export async function claimDueMail(
	db: Kysely<DB>,
	options: { now?: Date; limit?: number; ids?: readonly string[] } = {}
): Promise<ClaimedMail[]> {
	const now = options.now ?? new Date();
	if (options.ids && options.ids.length === 0) return [];
	const claimed = await claimOutboxMail(db, {
		now,
		leaseUntil: new Date(now.getTime() + CLAIM_LEASE_MS),
		limit: options.limit ?? 20,
		ids: options.ids
	});
	return claimed.sort((a, b) => a.id.localeCompare(b.id));
}

export type TryOutcome = 'sent' | 'retry' | 'failed';

/**
 * Sends one claimed mail and records the outcome; never throws. A failure schedules the next try
 * from `now`, the time the mail was claimed at.
 */
async function sendClaimedMail(
	db: Kysely<DB>,
	url: string,
	mail: ClaimedMail,
	now = new Date()
): Promise<TryOutcome> {
	try {
		await transportFor(url).sendMail({
			from: process.env.MAIL_FROM || DEFAULT_FROM,
			to: mail.toAddress,
			subject: mail.subject,
			text: mail.bodyText
		});
	} catch (error) {
		const description = describeError(error);
		const next = mail.attempts >= MAX_ATTEMPTS ? null : nextAttemptAfter(mail.attempts, now);
		const then = next ? `next try at ${next.toISOString()}` : 'given up';
		console.error(
			`mail: delivery of outbox message ${mail.id} failed: ${description}` +
				` (try ${mail.attempts} of ${MAX_ATTEMPTS}, ${then})`
		);
		await recordOutboxFailure(db, mail.id, description, next).catch((e: unknown) =>
			console.error(`mail: ${describeError(e)}`)
		);
		return next ? 'retry' : 'failed';
	}
	await recordOutboxSent(db, mail.id).catch((e: unknown) =>
		console.error(`mail: ${describeError(e)}`)
	);
	return 'sent';
}

export interface DeliveryCounts {
	sent: number;
	retry: number;
	failed: number;
}

/**
 * Claims and sends what is due (of `ids` only, when given), a batch at a time, until nothing due
 * is left. Without SMTP_URL nothing is sent.
 */
export async function deliverDueMail(
	db: Kysely<DB>,
	options: { now?: Date; ids?: readonly string[]; batch?: number } = {}
): Promise<DeliveryCounts> {
	const counts: DeliveryCounts = { sent: 0, retry: 0, failed: 0 };
	const url = process.env.SMTP_URL;
	if (!url) return counts;
	const now = options.now ?? new Date();
	for (;;) {
		const claimed = await claimDueMail(db, { ...options, now, limit: options.batch ?? 20 });
		if (claimed.length === 0) return counts;
		for (const mail of claimed) counts[await sendClaimedMail(db, url, mail, now)]++;
		// A claimed or failed mail is due only after `now`, so every round takes new ones.
	}
}
