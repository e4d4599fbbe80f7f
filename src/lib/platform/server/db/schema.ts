import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { OrganisationKind, Role } from '$lib/organisations';
import type { BookingTable, OfferTable } from './schema-booking';
import type { ActivityChangeTable, FeedTokenTable, FeedVersionTable } from './schema-feed';
import type { AllianceTables } from './schema-alliance';
import type { AllocationTables } from './schema-allocation';

export * from './schema-booking';
export * from './schema-feed';
export * from './schema-alliance';
export * from './schema-allocation';

// Table types for Kysely (camelCase via CamelCasePlugin; snake_case in SQL).
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A calendar date as 'YYYY-MM-DD' (pg type parser 1082 keeps it a string). */
type DateString = ColumnType<string, string, string>;

export type { OrganisationKind, Role };
export type Pillar = 'laerepladsalliance' | 'skole_virksomhed' | 'rekruttering' | 'faelles';
export type Visibility = 'public' | 'alliance' | 'private';
export type ActivityStatus = 'planned' | 'cancelled';

export interface TradeTable {
	code: string;
	nameDa: string;
	nameEn: string;
	sort: ColumnType<number, number | undefined, number>;
}

export interface OrganisationTable {
	id: Generated<string>;
	kind: OrganisationKind;
	name: string;
	slug: string;
	municipalityId: string | null;
	description: ColumnType<string, string | undefined, string>;
	address: ColumnType<string, string | undefined, string>;
	website: ColumnType<string, string | undefined, string>;
	contactEmail: ColumnType<string, string | undefined, string>;
	phone: ColumnType<string, string | undefined, string>;
	/** CVR number (8 digits), unique; lets a provider with CVR mapping tie company users to it. */
	cvr: ColumnType<string | null, string | null | undefined, string | null>;
	/** P-number (10 digits) of the workplace. */
	pNumber: ColumnType<string | null, string | null | undefined, string | null>;
	createdAt: Generated<Date>;
	updatedAt: Timestamp;
}

export interface OrganisationTradeTable {
	organisationId: string;
	tradeCode: string;
}

export interface AppUserTable {
	id: Generated<string>;
	email: string;
	name: string;
	passwordHash: string | null;
	isSecretariat: ColumnType<boolean, boolean | undefined, boolean>;
	locale: ColumnType<string, string | undefined, string>;
	createdAt: Generated<Date>;
	passwordChangedAt: Date | null;
}

export interface MembershipTable {
	userId: string;
	organisationId: string;
	role: Role;
	createdAt: Generated<Date>;
}

export interface UserSessionTable {
	id: string;
	secretHash: Uint8Array;
	userId: string;
	createdAt: Generated<Date>;
	expiresAt: Date;
	/** The OpenID Connect provider the session came from, and its ID token for RP-initiated logout. */
	oidcProvider: ColumnType<string | null, string | null | undefined, string | null>;
	oidcIdToken: ColumnType<string | null, string | null | undefined, string | null>;
}

/** An outside identity (provider + subject) tied to an account. */
export interface LinkedIdentityTable {
	id: Generated<string>;
	userId: string;
	provider: string;
	subject: string;
	email: ColumnType<string, string | undefined, string>;
	createdAt: Generated<Date>;
	lastLoginAt: Date | null;
}

export type OidcPurpose = 'login' | 'link' | 'invitation';
/** An OpenID Connect login under way: what the callback must match, used once. */
export interface OidcAttemptTable {
	idHash: Uint8Array;
	provider: string;
	state: string;
	nonce: string;
	codeVerifier: string;
	purpose: OidcPurpose;
	userId: string | null;
	invitationId: string | null;
	next: ColumnType<string, string | undefined, string>;
	expiresAt: Date;
}

/** Keys the app generated for itself (2026_12_06_000000_create_app_secret). */
export interface AppSecretTable {
	name: string;
	value: Uint8Array;
	createdAt: Generated<Date>;
}

export interface RateLimitTable {
	key: string;
	tokens: number;
	refilledAt: Date;
}

export type UserTokenKind = 'invitation' | 'reset';
export interface UserTokenTable {
	id: Generated<string>;
	kind: UserTokenKind;
	tokenHash: Uint8Array;
	email: string;
	userId: string | null;
	organisationId: string | null;
	role: Role | null;
	createdBy: string | null;
	createdAt: Generated<Date>;
	expiresAt: Date;
	usedAt: Date | null;
}

export interface OutboxTable {
	id: Generated<string>;
	toAddress: string;
	subject: string;
	bodyText: string;
	createdAt: Generated<Date>;
	sentAt: Date | null;
	error: string | null;
	/** Delivery tries made so far. */
	attempts: Generated<number>;
	/** When the next try is due; null when none is (sent, failed, or no SMTP server then). */
	nextAttemptAt: Date | null;
	/** Set after the last try failed: the secretariat sees these. */
	failedAt: Date | null;
}

export interface CategoryTable {
	id: Generated<string>;
	slug: string;
	nameDa: string;
	nameEn: string;
	pillar: Pillar;
	colour: string;
	ring: number;
	sort: ColumnType<number, number | undefined, number>;
}

/** The columns an activity and a series (the template of its occurrences) both have. */
interface ActivityContentColumns {
	id: Generated<string>;
	ownerId: string;
	categoryId: string;
	title: string;
	description: ColumnType<string, string | undefined, string>;
	place: ColumnType<string, string | undefined, string>;
	/** 'HH:MM:SS' Copenhagen wall-clock time; null for all-day activities. */
	startTime: string | null;
	endTime: string | null;
	visibility: Visibility;
}

export interface ActivityTable extends ActivityContentColumns {
	startDate: DateString;
	endDate: DateString;
	status: ColumnType<ActivityStatus, ActivityStatus | undefined, ActivityStatus>;
	sequence: ColumnType<number, number | undefined, number>;
	createdBy: string | null;
	createdAt: Generated<Date>;
	updatedAt: Timestamp;
	seriesId: ColumnType<string | null, string | null | undefined, string | null>;
	/** The occurrence's original start date within its series. */
	occurrenceKey: ColumnType<string | null, string | null | undefined, string | null>;
	/** Edited on its own: a change to the series leaves it alone. */
	detached: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface ActivitySeriesTable extends ActivityContentColumns {
	/** A recurrence rule as understood by src/lib/wheel/recurrence/recurrence.ts. */
	rule: ColumnType<unknown, string, string>;
	startsOn: DateString;
	until: ColumnType<string | null, string | null | undefined, string | null>;
	occurrenceCount: number | null;
	participantIds: ColumnType<string[], string[] | undefined, string[]>;
	createdBy: string | null;
	createdAt: Generated<Date>;
	updatedAt: Timestamp;
}

export interface ActivityParticipantTable {
	activityId: string;
	organisationId: string;
}

export interface SchoolHolidayTable {
	id: Generated<string>;
	municipalityId: string;
	name: string;
	startDate: DateString;
	endDate: DateString;
}

export interface DB extends AllianceTables, AllocationTables {
	trade: TradeTable;
	organisation: OrganisationTable;
	organisationTrade: OrganisationTradeTable;
	appUser: AppUserTable;
	linkedIdentity: LinkedIdentityTable;
	oidcAttempt: OidcAttemptTable;
	membership: MembershipTable;
	userSession: UserSessionTable;
	rateLimit: RateLimitTable;
	appSecret: AppSecretTable;
	userToken: UserTokenTable;
	outbox: OutboxTable;
	category: CategoryTable;
	activity: ActivityTable;
	activitySeries: ActivitySeriesTable;
	activityParticipant: ActivityParticipantTable;
	schoolHoliday: SchoolHolidayTable;
	offer: OfferTable;
	booking: BookingTable;
	feedToken: FeedTokenTable;
	feedVersion: FeedVersionTable;
	activityChange: ActivityChangeTable;
}

export type Organisation = Selectable<OrganisationTable>;
export type NewOrganisation = Insertable<OrganisationTable>;
export type OrganisationUpdate = Updateable<OrganisationTable>;
export type AppUser = Selectable<AppUserTable>;
export type NewAppUser = Insertable<AppUserTable>;
export type Membership = Selectable<MembershipTable>;
export type Category = Selectable<CategoryTable>;
export type Activity = Selectable<ActivityTable>;
export type NewActivity = Insertable<ActivityTable>;
export type ActivityUpdate = Updateable<ActivityTable>;
export type ActivitySeries = Selectable<ActivitySeriesTable>;
export type SchoolHoliday = Selectable<SchoolHolidayTable>;
export type Trade = Selectable<TradeTable>;
export type OutboxMessage = Selectable<OutboxTable>;
