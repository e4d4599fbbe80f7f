import type { Kysely } from 'kysely';
import { m } from '$lib/paraglide/messages.js';
import type { DB } from '$lib/platform/server/db/schema';
import { formatDateRangeWithWeeks, formatTime } from '$lib/platform/dates/format';
import { localTimeInstant } from '$lib/platform/dates/local-time';
import { sendMail, type MailMessage } from '$lib/platform/server/mail';
import { claimActivityChanges, findChangeRecipientRows } from './queries';

// Changes close at hand reach people by e-mail too. A subscribed calendar can lag: Google
// Calendar refreshes a subscription every 8–24 hours, Outlook every few hours, Apple as the
// subscriber set it. So when an activity with bookings changes its time or place, or is cancelled,
// and it takes place (before or after the change) within the next 48 hours, the teachers of its
// open bookings and the provider's contact get a mail (Danish, like the booking mails). The
// changes are recorded by a trigger on activity (see the migration feed_health_members_changes);
// a periodic job calls mailSoonChanges.

export const SOON_HOURS = 48;
const HOUR_MS = 60 * 60 * 1000;
const DA = { locale: 'da' } as const;

interface Span {
	startDate: string;
	startTime: string | null;
	endDate: string;
	endTime: string | null;
}

/** Whether the span takes place (in part) between now and now + 48 hours, Copenhagen time. */
export function isWithinSoon(span: Span, now: Date): boolean {
	const start = localTimeInstant(span.startDate, span.startTime?.slice(0, 5) ?? '00:00');
	const end = localTimeInstant(span.endDate, span.endTime?.slice(0, 5) ?? '23:59');
	// A time in the spring gap cannot be stored any more; an old one counts from the next hour.
	const from = start?.getTime() ?? Date.parse(`${span.startDate}T00:00:00Z`);
	const to = end?.getTime() ?? Date.parse(`${span.endDate}T23:59:00Z`);
	return from <= now.getTime() + SOON_HOURS * HOUR_MS && to >= now.getTime();
}

function describe(span: Span & { place: string }): string {
	const dates = formatDateRangeWithWeeks(span.startDate, span.endDate, 'da');
	const start = span.startTime ? formatTime(span.startTime.slice(0, 5), 'da') : '';
	// 'kl. 9.00–11.00': the end without its own 'kl.'.
	const end = span.endTime ? formatTime(span.endTime.slice(0, 5), 'da').replace(/^kl\. /, '') : '';
	const time = start ? ` ${start}${end ? `–${end}` : ''}` : '';
	return `${dates}${time}${span.place ? `, ${span.place}` : ''}`;
}

const unique = (addresses: string[]) => [
	...new Map(
		addresses
			.map((a) => a.trim())
			.filter(Boolean)
			.map((a) => [a.toLowerCase(), a])
	).values()
];

/** Mails the changes recorded since the last run that fall within 48 hours; returns how many. */
export async function mailSoonChanges(db: Kysely<DB>, now = new Date()): Promise<number> {
	const changes = await claimActivityChanges(db, now);
	if (changes.length === 0) return 0;
	// Several changes of one activity since the last run: the first "before" against "now".
	const before = new Map<string, (typeof changes)[number]>();
	for (const change of [...changes].sort((a, b) => +a.changedAt - +b.changedAt)) {
		if (!before.has(change.activityId)) before.set(change.activityId, change);
	}
	const rows = await findChangeRecipientRows(db, [...before.keys()]);
	const mails: MailMessage[] = [];
	for (const [activityId, old] of before) {
		const bookings = rows.filter((r) => r.id === activityId);
		if (bookings.length === 0) continue;
		const current = bookings[0];
		const was = {
			startDate: old.oldStartDate,
			startTime: old.oldStartTime,
			endDate: old.oldEndDate,
			endTime: old.oldEndTime,
			place: old.oldPlace
		};
		if (!isWithinSoon(was, now) && !isWithinSoon(current, now)) continue;
		const cancelled = current.status === 'cancelled';
		if (!cancelled && old.oldStatus === 'cancelled' && describe(was) === describe(current))
			continue;
		const subject = cancelled
			? m.soon_mail_cancelled_subject({ title: current.title }, DA)
			: m.soon_mail_changed_subject({ title: current.title }, DA);
		const text = m.soon_mail_text(
			{
				what: cancelled
					? m.soon_mail_what_cancelled({ title: current.title }, DA)
					: m.soon_mail_what_changed({ title: current.title }, DA),
				before: describe(was),
				after: cancelled ? m.soon_mail_after_cancelled({}, DA) : describe(current),
				bookings: bookings.map((b) => `${b.schoolName}, ${b.classLabel}`).join('; ')
			},
			DA
		);
		const to = unique([
			...bookings.map((b) => b.teacherEmail),
			...bookings.map((b) => b.contactEmail || b.ownerEmail)
		]);
		for (const address of to) mails.push({ to: address, subject, text });
	}
	for (const mail of mails) await sendMail(db, mail, { background: true });
	return mails.length;
}
