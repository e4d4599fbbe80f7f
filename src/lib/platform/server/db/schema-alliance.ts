import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

// Table types of the alliance's own work (issue 6); part of DB in schema.ts.
export type OpeningStatus = 'open' | 'filled';
export type AuditAction = 'create' | 'update' | 'cancel' | 'delete';
type DateString = ColumnType<string, string | undefined, string>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DefaultText = ColumnType<string, string | undefined, string>;

export interface AllianceCommitmentTable {
	organisationId: string;
	contactName: string;
	contactEmail: string;
	contactPhone: DefaultText;
	note: DefaultText;
	joinedOn: DateString;
	createdBy: string | null;
	createdAt: Generated<Date>;
	updatedAt: Timestamp;
}

export interface AllianceCommitmentTradeTable {
	organisationId: string;
	tradeCode: string;
}

export interface ApprenticeshipOpeningTable {
	id: Generated<string>;
	organisationId: string;
	tradeCode: string;
	positions: number;
	startDate: string;
	contactName: string;
	contactEmail: string;
	description: DefaultText;
	status: ColumnType<OpeningStatus, OpeningStatus | undefined, OpeningStatus>;
	createdBy: string | null;
	createdAt: Generated<Date>;
	updatedAt: Timestamp;
}

export interface MeetingTable {
	activityId: string;
	/** Markdown; rendered through the sanitiser only. */
	agenda: DefaultText;
	/** Markdown written by the secretariat; rendered through the sanitiser only. */
	minutes: DefaultText;
	minutesUpdatedAt: Date | null;
	minutesUpdatedBy: string | null;
	/** The meeting this one was planned from. */
	previousActivityId: string | null;
}

export interface MeetingOrganisationTable {
	activityId: string;
	organisationId: string;
	invited: ColumnType<boolean, boolean | undefined, boolean>;
	present: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface EvaluationTable {
	id: Generated<string>;
	activityId: string;
	organisationId: string;
	participants: number;
	rating: number;
	comment: DefaultText;
	createdBy: string | null;
	createdAt: Generated<Date>;
	updatedAt: Timestamp;
}

export interface AuditEventTable {
	id: Generated<string>;
	at: Generated<Date>;
	actorId: string | null;
	actorName: DefaultText;
	/** The organisation whose thing it is; its admins see the event. */
	organisationId: string | null;
	action: AuditAction;
	entityType: string;
	entityId: string;
	summary: DefaultText;
}

export interface SchoolYearClosureTable {
	schoolYear: string;
	closedAt: Generated<Date>;
	closedBy: string | null;
	bookingsCleared: ColumnType<number, number | undefined, number>;
}

export interface AllianceTables {
	allianceCommitment: AllianceCommitmentTable;
	allianceCommitmentTrade: AllianceCommitmentTradeTable;
	apprenticeshipOpening: ApprenticeshipOpeningTable;
	meeting: MeetingTable;
	meetingOrganisation: MeetingOrganisationTable;
	evaluation: EvaluationTable;
	auditEvent: AuditEventTable;
	schoolYearClosure: SchoolYearClosureTable;
}

export type AllianceCommitment = Selectable<AllianceCommitmentTable>;
export type ApprenticeshipOpening = Selectable<ApprenticeshipOpeningTable>;
export type NewApprenticeshipOpening = Insertable<ApprenticeshipOpeningTable>;
export type Meeting = Selectable<MeetingTable>;
export type Evaluation = Selectable<EvaluationTable>;
export type AuditEvent = Selectable<AuditEventTable>;
