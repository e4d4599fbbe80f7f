import type { ColumnType, Generated } from 'kysely';

// Table types of praktikfordeling (allocation rounds); part of DB in schema.ts.
export type AllocationRoundStatus = 'open' | 'allocated' | 'published';
export type AgeGroupValue = 'under13' | 'age13' | 'age14plus';
type DateString = ColumnType<string, string, string>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

export interface AllocationRoundTable {
	id: Generated<string>;
	title: string;
	municipalityId: Nullable<string>;
	startDate: DateString;
	endDate: DateString;
	wishDeadline: DateString;
	publishDate: DateString;
	status: ColumnType<
		AllocationRoundStatus,
		AllocationRoundStatus | undefined,
		AllocationRoundStatus
	>;
	solver: Nullable<unknown>;
	ranAt: Nullable<Date>;
	publishedAt: Nullable<Date>;
	createdBy: Nullable<string>;
	createdAt: Timestamp;
}

export interface AllocationPlaceTable {
	offerId: string;
	roundId: string;
	minAgeGroup: ColumnType<AgeGroupValue, AgeGroupValue | undefined, AgeGroupValue>;
}

export interface AllocationPupilTable {
	id: Generated<string>;
	roundId: string;
	schoolId: string;
	pseudonym: string;
	firstName: Nullable<string>;
	classLabel: string;
	grade: number;
	ageGroup: AgeGroupValue;
	ownPlace: ColumnType<boolean, boolean | undefined, boolean>;
	offerId: Nullable<string>;
	wishRank: Nullable<number>;
	locked: ColumnType<boolean, boolean | undefined, boolean>;
	unplacedReason: Nullable<string>;
	bookingId: Nullable<string>;
}

export interface AllocationWishTable {
	pupilId: string;
	rank: number;
	tradeCode: Nullable<string>;
	offerId: Nullable<string>;
}

/** A school's number of pupils in grade 7, 8 or 9 in a school year ('2026/27'): the duty's base. */
export interface SchoolPupilCountTable {
	schoolId: string;
	schoolYear: string;
	grade: number;
	pupils: number;
	updatedBy: Nullable<string>;
	updatedAt: Timestamp;
}

export interface AllocationTables {
	allocationRound: AllocationRoundTable;
	allocationPlace: AllocationPlaceTable;
	allocationPupil: AllocationPupilTable;
	allocationWish: AllocationWishTable;
	schoolPupilCount: SchoolPupilCountTable;
}
