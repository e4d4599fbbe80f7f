import type { Kysely } from 'kysely';
import { m } from '$lib/paraglide/messages.js';
import { formatDateRangeWithWeeks, formatTime } from '$lib/platform/dates/format';
import { singleLine, withoutForbiddenCharacters } from '$lib/platform/input-text';
import type { DB } from '$lib/platform/server/db/schema';
import { configuredOrigin, sendMail, type MailMessage } from '$lib/platform/server/mail';
import { findBookingMailFacts } from './queries/bookings';
import { listAdminEmails } from './queries/organisations';

// Status-change mails go to the other party, always in Danish (we do not know the reader's
// language). They are composed inside the transaction, from the data as it was committed, and
// sent after it: PGlite has one connection, and SMTP must never hold a transaction open.

export type BookingEvent =
	| { kind: 'requested'; bookingId: string }
	| { kind: 'confirmed' | 'declined'; bookingId: string }
	| { kind: 'cancelled'; bookingId: string; by: 'school' | 'provider' }
	| { kind: 'promoted'; bookingId: string };

const DA = { locale: 'da' } as const;

async function loadContext(db: Kysely<DB>, bookingId: string) {
	const row = await findBookingMailFacts(db, bookingId);
	return { ...row, bookingId, coordinatorEmails: await listAdminEmails(db, row.schoolId) };
}

type Context = Awaited<ReturnType<typeof loadContext>>;

/** What a 'requested' mail needs (it goes to the provider only: no coordinators). */
export type RequestedMailContext = Pick<
	Context,
	| 'bookingId'
	| 'classLabel'
	| 'seats'
	| 'teacherName'
	| 'teacherEmail'
	| 'contactName'
	| 'contactEmail'
	| 'title'
	| 'startDate'
	| 'endDate'
	| 'startTime'
	| 'schoolName'
	| 'providerName'
	| 'ownerEmail'
>;

/** The 'requested' mails from data the caller already holds (no queries). */
export function requestedMails(c: RequestedMailContext): MailMessage[] {
	const context: Context = {
		...c,
		schoolId: '',
		message: '',
		cancelReason: '',
		address: '',
		whatToBring: '',
		coordinatorEmails: []
	};
	return mailsFor({ kind: 'requested', bookingId: c.bookingId }, context);
}

function when(c: Context): string {
	const dates = formatDateRangeWithWeeks(c.startDate, c.endDate, 'da');
	return c.startTime ? `${dates} ${formatTime(c.startTime, 'da')}` : dates;
}

/** The teacher and the school's coordinators (admins), each once. */
function schoolRecipients(c: Context): string[] {
	const all = [c.teacherEmail, ...c.coordinatorEmails].map((e) => e.trim()).filter(Boolean);
	return [...new Map(all.map((e) => [e.toLowerCase(), e])).values()];
}

function providerRecipients(c: Context): string[] {
	const address = c.contactEmail.trim() || c.ownerEmail.trim();
	return address ? [address] : [];
}

function mailsFor(event: BookingEvent, c: Context): MailMessage[] {
	const base = {
		title: c.title,
		when: when(c),
		school: c.schoolName,
		provider: c.providerName,
		classLabel: c.classLabel,
		seats: m.count_places({ count: c.seats }, DA)
	};
	// Every booking mail ends with the booking's address, so the reader lands on it logged in.
	const link = m.booking_mail_link({ link: `${configuredOrigin()}/bookinger/${c.bookingId}` }, DA);
	const to = (recipients: string[], subject: string, text: string) =>
		recipients.map((address) => ({
			to: address,
			subject: singleLine(subject),
			text: withoutForbiddenCharacters(`${text}\n\n${link}`)
		}));
	const subject = { title: c.title };
	const requested = () =>
		to(
			providerRecipients(c),
			m.booking_mail_requested_subject(subject, DA),
			m.booking_mail_requested_text(
				{
					...base,
					contact: c.contactName || c.providerName,
					teacher: c.teacherName,
					teacherEmail: c.teacherEmail
				},
				DA
			)
		);
	switch (event.kind) {
		case 'requested':
			return requested();
		case 'confirmed':
			return to(
				schoolRecipients(c),
				m.booking_mail_confirmed_subject(subject, DA),
				m.booking_mail_confirmed_text(
					{
						...base,
						address: c.address || '–',
						bring: c.whatToBring || '–',
						message: c.message || '–'
					},
					DA
				)
			);
		case 'declined':
			return to(
				schoolRecipients(c),
				m.booking_mail_declined_subject(subject, DA),
				m.booking_mail_declined_text({ ...base, message: c.message || '–' }, DA)
			);
		case 'cancelled': {
			const text = m.booking_mail_cancelled_text(
				{
					...base,
					by: event.by === 'school' ? c.schoolName : c.providerName,
					reason: c.cancelReason || '–'
				},
				DA
			);
			const recipients = event.by === 'school' ? providerRecipients(c) : schoolRecipients(c);
			return to(recipients, m.booking_mail_cancelled_subject(subject, DA), text);
		}
		case 'promoted':
			return [
				...to(
					schoolRecipients(c),
					m.booking_mail_promoted_subject(subject, DA),
					m.booking_mail_promoted_text(base, DA)
				),
				// For the provider a promotion is a new request to answer.
				...requested()
			];
	}
}

/** Composes the mails for `events` from the current data (call inside the transaction). */
export async function composeBookingMails(
	db: Kysely<DB>,
	events: readonly BookingEvent[]
): Promise<MailMessage[]> {
	const mails: MailMessage[] = [];
	for (const event of events)
		mails.push(...mailsFor(event, await loadContext(db, event.bookingId)));
	return mails;
}

/** Sends composed mails (call after the transaction has committed). */
export async function deliverBookingMails(
	db: Kysely<DB>,
	mails: readonly MailMessage[]
): Promise<void> {
	for (const mail of mails) await sendMail(db, mail);
}
