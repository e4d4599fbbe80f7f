import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

// Table types of offers and bookings (issue 4); part of DB in schema.ts.
export type OfferKind = 'erhvervspraktik' | 'visit' | 'forloeb';
export type OfferStatus = 'open' | 'closed' | 'cancelled';
export type BookingStatus = 'requested' | 'confirmed' | 'declined' | 'cancelled' | 'waitlisted';
type OptionalDate = ColumnType<string | null, string | null | undefined, string | null>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DefaultText = ColumnType<string, string | undefined, string>;

export interface OfferTable {
	id: Generated<string>;
	activityId: string;
	/** Shared by the weeks or sessions created together. */
	groupId: ColumnType<string | null, string | null | undefined, string | null>;
	kind: OfferKind;
	tradeCode: string | null;
	gradeLevels: number[];
	/** Places per week (erhvervspraktik), max pupils (visit), seats per session (forløb). */
	capacity: number;
	bookingOpensAt: OptionalDate;
	bookingClosesAt: OptionalDate;
	contactName: DefaultText;
	contactEmail: DefaultText;
	address: DefaultText;
	whatToBring: DefaultText;
	whatYouSee: DefaultText;
	status: ColumnType<OfferStatus, OfferStatus | undefined, OfferStatus>;
	createdAt: Generated<Date>;
	updatedAt: Timestamp;
}

export interface BookingTable {
	id: Generated<string>;
	offerId: string;
	schoolId: string;
	classLabel: string;
	seats: number;
	teacherName: string;
	teacherEmail: string;
	pupilFirstNames: ColumnType<string[], string[] | undefined, string[]>;
	status: BookingStatus;
	message: DefaultText;
	cancelReason: DefaultText;
	idempotencyKey: string;
	agreementSignedAt: OptionalDate;
	parentsConsentAt: OptionalDate;
	uuNotifiedAt: OptionalDate;
	createdBy: string | null;
	createdAt: Generated<Date>;
	updatedAt: Timestamp;
}

export type Offer = Selectable<OfferTable>;
export type NewOffer = Insertable<OfferTable>;
export type Booking = Selectable<BookingTable>;
export type NewBooking = Insertable<BookingTable>;
