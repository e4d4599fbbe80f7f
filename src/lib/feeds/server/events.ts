import type { BookingStatus } from '$lib/platform/server/db/schema';
import type { FeedEvent, FeedEventStatus } from './ical';
import type {
	FeedActivityRow,
	FeedBookingRow,
	FeedHolidayRow,
	ProviderBookingRow
} from './queries';
import { OPEN_STATUSES } from '$lib/bookings/server';
import { activitySessions } from '$lib/activities';

// Rows → calendar events. The texts inside a feed are Danish: calendars show them as they are.

export interface EventContext {
	origin: string;
	/** Contact e-mails of offers go to alliance audiences only, never into the public feed. */
	showContacts: boolean;
	/** Name the school on booking events (a municipality's or a person's feed spans schools). */
	nameSchools: boolean;
}

const BOOKING_LABEL: Record<BookingStatus, string> = {
	requested: 'anmodet – afventer svar',
	confirmed: 'bekræftet',
	waitlisted: 'på venteliste',
	declined: 'afvist',
	cancelled: 'aflyst'
};

/** SEQUENCE of a booking event: the activity's, plus how far the booking has come. */
const BOOKING_STAGE: Record<BookingStatus, number> = {
	requested: 0,
	waitlisted: 0,
	confirmed: 1,
	declined: 2,
	cancelled: 2
};

const latest = (...dates: (Date | null)[]) =>
	new Date(Math.max(...dates.map((d) => (d ? d.getTime() : 0))));

const nonEmpty = (lines: (string | null | false | undefined)[]) =>
	lines.filter((l): l is string => typeof l === 'string' && l.trim() !== '');

/** The place, with an address: the offer's, or the owner's when the place is the owner itself. */
function location(row: {
	place: string;
	offerAddress: string | null;
	ownerName: string;
	ownerAddress: string;
}): string {
	const place = row.place.trim();
	const atOwner = place === '' || row.ownerName.toLowerCase().startsWith(place.toLowerCase());
	const address = row.offerAddress || (atOwner ? row.ownerAddress : '');
	if (!address || place.includes(address)) return place;
	return nonEmpty([place, address]).join(', ');
}

function contact(
	row: { contactName: string | null; contactEmail: string | null },
	ctx: EventContext
) {
	if (!ctx.showContacts || !(row.contactName || row.contactEmail)) return null;
	const email = row.contactEmail ? ` <${row.contactEmail}>` : '';
	return `Kontakt: ${row.contactName ?? ''}${email}`.replace(': <', ': ');
}

const link = (ctx: EventContext, activityId: string) => `${ctx.origin}/aktiviteter/${activityId}`;

/** '1 elev', '2 elever'. */
export function pupils(n: number): string {
	return n === 1 ? '1 elev' : `${n} elever`;
}

function bookingLine(b: ProviderBookingRow): string {
	const teacher = b.teacherEmail ? `${b.teacherName} <${b.teacherEmail}>` : b.teacherName;
	return `- ${b.schoolName}, ${b.classLabel}: ${pupils(b.seats)}, lærer ${teacher} (${BOOKING_LABEL[b.status]})`;
}

/** Seats by status, confirmed first: the waitlist is not a booking the provider has taken. */
export function bookingTotals(bookings: Pick<ProviderBookingRow, 'status' | 'seats'>[]): string {
	const order: BookingStatus[] = ['confirmed', 'requested', 'waitlisted'];
	return order
		.map((status) => {
			const seats = bookings.filter((b) => b.status === status).reduce((n, b) => n + b.seats, 0);
			return seats ? `${pupils(seats)} ${BOOKING_LABEL[status]}` : null;
		})
		.filter((part) => part !== null)
		.join(', ');
}

export function activityEvent(
	row: FeedActivityRow,
	ctx: EventContext,
	bookings: ProviderBookingRow[] = []
): FeedEvent {
	const cancelled = row.status === 'cancelled';
	const open = bookings.filter((b) => OPEN_STATUSES.includes(b.status));
	const bookingText = open.length
		? `Bookinger (${bookingTotals(open)}):\n${open.map(bookingLine).join('\n')}`
		: bookings.length || row.offerUpdatedAt
			? 'Ingen bookinger endnu.'
			: null;
	return {
		uid: `activity-${row.id}@aarshjul`,
		sequence: row.sequence,
		summary: cancelled ? `Aflyst: ${row.title}` : row.title,
		startDate: row.startDate,
		endDate: row.endDate,
		startTime: row.startTime,
		endTime: row.endTime,
		status: cancelled ? 'CANCELLED' : 'CONFIRMED',
		location: location(row),
		description: nonEmpty([
			row.description,
			`Arrangør: ${row.ownerName}`,
			contact(row, ctx),
			bookingText,
			`Se aktiviteten: ${link(ctx, row.id)}`
		]).join('\n\n'),
		categories: [row.categoryName],
		url: link(ctx, row.id),
		modifiedAt: latest(row.updatedAt, row.offerUpdatedAt, ...bookings.map((b) => b.updatedAt))
	};
}

function bookingStatus(row: FeedBookingRow): FeedEventStatus {
	if (row.status === 'cancelled') return 'CANCELLED';
	if (row.bookingStatus === 'confirmed') return 'CONFIRMED';
	if (row.bookingStatus === 'requested' || row.bookingStatus === 'waitlisted') return 'TENTATIVE';
	return 'CANCELLED';
}

const SUMMARY_PREFIX: Record<BookingStatus, string> = {
	requested: '(afventer svar) ',
	waitlisted: '(venteliste) ',
	confirmed: '',
	declined: 'Afvist: ',
	cancelled: 'Aflyst: '
};

export function bookingEvent(row: FeedBookingRow, ctx: EventContext): FeedEvent {
	const prefix = row.status === 'cancelled' ? 'Aflyst: ' : SUMMARY_PREFIX[row.bookingStatus];
	const who = ctx.nameSchools ? `${row.classLabel}, ${row.schoolName}` : row.classLabel;
	const teacher = row.teacherEmail ? `${row.teacherName} <${row.teacherEmail}>` : row.teacherName;
	return {
		uid: `booking-${row.id}@aarshjul`,
		sequence: row.sequence + BOOKING_STAGE[row.bookingStatus],
		summary: `${prefix}${row.title} – ${who}`,
		startDate: row.startDate,
		endDate: row.endDate,
		startTime: row.startTime,
		endTime: row.endTime,
		status: bookingStatus(row),
		location: location(row),
		description: nonEmpty([
			`Booking: ${row.schoolName}, ${row.classLabel}, ${pupils(row.seats)} – ${BOOKING_LABEL[row.bookingStatus]}`,
			`Lærer: ${teacher}`,
			`Udbyder: ${row.ownerName}`,
			contact(row, ctx),
			row.description,
			`Se aktiviteten: ${link(ctx, row.activityId)}`
		]).join('\n\n'),
		categories: [row.categoryName, 'Booking'],
		url: link(ctx, row.activityId),
		modifiedAt: latest(row.bookingUpdatedAt, row.updatedAt, row.offerUpdatedAt)
	};
}

export function holidayEvent(
	row: FeedHolidayRow,
	stamp: Date,
	nameMunicipality: boolean
): FeedEvent {
	return {
		uid: `holiday-${row.id}@aarshjul`,
		sequence: 0,
		summary: nameMunicipality ? `${row.name} (${row.municipalityName})` : row.name,
		startDate: row.startDate,
		endDate: row.endDate,
		startTime: null,
		endTime: null,
		status: 'CONFIRMED',
		location: '',
		description: `Skoleferie i ${row.municipalityName}.`,
		categories: ['Skoleferie'],
		url: null,
		modifiedAt: stamp
	};
}

/**
 * A course on three mornings is three events, one a morning, not one block from the first
 * morning to the last noon. Each day gets its own UID (the date added); an event held on one
 * day, all day or across nights is returned as it is.
 */
export function eventsPerDay(event: FeedEvent): FeedEvent[] {
	const sessions = activitySessions(event);
	if (sessions.length === 1) return [event];
	return sessions.map((session) => ({
		...event,
		uid: event.uid.replace(/@/, `-${session.startDate.replaceAll('-', '')}@`),
		startDate: session.startDate,
		endDate: session.endDate,
		startTime: session.startTime,
		endTime: session.endTime
	}));
}
