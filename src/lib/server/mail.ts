import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import { m } from '$lib/paraglide/messages.js';
import { singleLine, withoutForbiddenCharacters } from '$lib/validation/input-text';
import type { DB, OutboxMessage, Role } from './db/schema';

export interface MailMessage {
	to: string;
	subject: string;
	text: string;
}

const DEFAULT_FROM = 'Årshjul <no-reply@aarshjul.example>';
// Mails go to people whose language we do not know yet (invitations): Danish, with an English line.
const DA = { locale: 'da' } as const;

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
function describeError(error: unknown): string {
	const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
	return text.replace(/\/\/[^/@\s]*@/g, '//***@').slice(0, 500);
}

/**
 * Records the message in the outbox and, when SMTP_URL is set, sends it. A failed delivery is
 * stored on the outbox row and logged, never thrown: the page the person sees does not depend on it.
 * With `background`, only the recording is awaited (the delivery's duration must not leak facts).
 */
export async function sendMail(
	db: Kysely<DB>,
	message: MailMessage,
	options: { background?: boolean } = {}
): Promise<void> {
	const row = await db
		.insertInto('outbox')
		.values({
			toAddress: message.to,
			subject: singleLine(message.subject),
			bodyText: withoutForbiddenCharacters(message.text)
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const url = process.env.SMTP_URL;
	if (!url) return;
	const delivery = deliver(db, row.id, url, message);
	if (!options.background) await delivery;
}

async function deliver(
	db: Kysely<DB>,
	id: string,
	url: string,
	message: MailMessage
): Promise<void> {
	try {
		await transportFor(url).sendMail({
			from: process.env.MAIL_FROM || DEFAULT_FROM,
			to: message.to,
			subject: singleLine(message.subject),
			text: withoutForbiddenCharacters(message.text)
		});
		await db
			.updateTable('outbox')
			.set({ sentAt: new Date(), error: null })
			.where('id', '=', id)
			.execute();
	} catch (error) {
		const description = describeError(error);
		console.error(`mail: delivery of outbox message ${id} failed: ${description}`);
		await db
			.updateTable('outbox')
			.set({ error: description })
			.where('id', '=', id)
			.execute()
			.catch(() => undefined);
	}
}

/**
 * Sends outbox rows written inside a caller's transaction, after its commit, without waiting:
 * a busy request path (a booking) must not wait for SMTP. Without SMTP_URL they stay recorded.
 */
export function deliverOutboxInBackground(db: Kysely<DB>, ids: readonly string[]): void {
	const url = process.env.SMTP_URL;
	if (!url || ids.length === 0) return;
	void (async () => {
		const rows = await db
			.selectFrom('outbox')
			.select(['id', 'toAddress', 'subject', 'bodyText'])
			.where('id', 'in', ids)
			.execute();
		for (const row of rows) {
			const message = { to: row.toAddress, subject: row.subject, text: row.bodyText };
			await deliver(db, row.id, url, message);
		}
	})().catch((error: unknown) => console.error(`mail: ${describeError(error)}`));
}

/** Newest first. */
export async function listOutbox(db: Kysely<DB>, limit = 50): Promise<OutboxMessage[]> {
	return db
		.selectFrom('outbox')
		.selectAll()
		.orderBy('createdAt', 'desc')
		.orderBy('id', 'desc')
		.limit(limit)
		.execute();
}

/** The origin put into links in mails: ORIGIN when configured (behind a proxy), else the request's. */
export function mailOrigin(requestUrl: URL): string {
	const configured = process.env.ORIGIN?.trim().replace(/\/+$/, '');
	return configured || requestUrl.origin;
}

const copenhagen = new Intl.DateTimeFormat('da-DK', {
	dateStyle: 'long',
	timeStyle: 'short',
	timeZone: 'Europe/Copenhagen'
});

export function invitationMail(input: {
	to: string;
	organisationName: string;
	role: Role;
	link: string;
	expiresAt: Date;
}): MailMessage {
	const role = input.role === 'admin' ? m.role_admin({}, DA) : m.role_member({}, DA);
	return {
		to: input.to,
		subject: m.mail_invitation_subject({ organisation: input.organisationName }, DA),
		text: m.mail_invitation_text(
			{
				organisation: input.organisationName,
				role: role.toLowerCase(),
				link: input.link,
				expires: copenhagen.format(input.expiresAt)
			},
			DA
		)
	};
}

export function passwordResetMail(input: { to: string; link: string }): MailMessage {
	return {
		to: input.to,
		subject: m.mail_reset_subject({}, DA),
		text: m.mail_reset_text({ link: input.link }, DA)
	};
}

/** Sends the invitation link; the token itself is only ever in the mail, never in a log. */
export async function sendInvitationMail(
	db: Kysely<DB>,
	input: {
		to: string;
		organisationName: string;
		role: Role;
		token: string;
		expiresAt: Date;
		origin: string;
	}
): Promise<void> {
	const link = `${input.origin}/invitation/${input.token}`;
	await sendMail(db, invitationMail({ ...input, link }));
}

export async function sendPasswordResetMail(
	db: Kysely<DB>,
	input: { to: string; token: string; origin: string },
	options: { background?: boolean } = {}
): Promise<void> {
	const link = `${input.origin}/nulstil/${input.token}`;
	await sendMail(db, passwordResetMail({ to: input.to, link }), options);
}
