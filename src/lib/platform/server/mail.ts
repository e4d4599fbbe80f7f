import type { Kysely } from 'kysely';
import { m } from '$lib/paraglide/messages.js';
import { singleLine, withoutForbiddenCharacters } from '$lib/platform/input-text';
import type { DB, Role } from './db/schema';
import { deliverDueMail, describeError, firstAttemptAt } from './mail-delivery';
import { insertOutboxMail } from './queries/outbox';

export { listOutbox } from './queries/outbox';

export interface MailMessage {
	to: string;
	subject: string;
	text: string;
}

// Mails go to people whose language we do not know yet (invitations): Danish, with an English line.
const DA = { locale: 'da' } as const;

/**
 * Records the message in the outbox and, when SMTP_URL is set, sends it. A failed delivery is
 * stored on the outbox row, logged and tried again later (mail-delivery.ts), never thrown: the
 * page the person sees does not depend on it.
 * With `background`, only the recording is awaited (the delivery's duration must not leak facts).
 */
export async function sendMail(
	db: Kysely<DB>,
	message: MailMessage,
	options: { background?: boolean } = {}
): Promise<void> {
	const id = await insertOutboxMail(db, {
		toAddress: message.to,
		subject: singleLine(message.subject),
		bodyText: withoutForbiddenCharacters(message.text),
		nextAttemptAt: firstAttemptAt()
	});
	if (!process.env.SMTP_URL) return;
	const delivery = deliverDueMail(db, { ids: [id] }).catch((error: unknown) =>
		console.error(`mail: ${describeError(error)}`)
	);
	if (!options.background) await delivery;
}

/**
 * Sends outbox rows written inside a caller's transaction, after its commit, without waiting:
 * a busy request path (a booking) must not wait for SMTP. Without SMTP_URL they stay recorded.
 */
export function deliverOutboxInBackground(db: Kysely<DB>, ids: readonly string[]): void {
	if (!process.env.SMTP_URL || ids.length === 0) return;
	void deliverDueMail(db, { ids }).catch((error: unknown) =>
		console.error(`mail: ${describeError(error)}`)
	);
}

/** The origin put into links in mails: ORIGIN when configured (behind a proxy), else the request's. */
export function mailOrigin(requestUrl: URL): string {
	const configured = process.env.ORIGIN?.trim().replace(/\/+$/, '');
	return configured || requestUrl.origin;
}

/**
 * The origin for links in mails written away from a request (booking mails, background jobs):
 * ORIGIN, or the local address the server listens on when it is not set (development).
 */
export function configuredOrigin(): string {
	const configured = process.env.ORIGIN?.trim().replace(/\/+$/, '');
	return configured || `http://localhost:${process.env.PORT ?? 5173}`;
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
