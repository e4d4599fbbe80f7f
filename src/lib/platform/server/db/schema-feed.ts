import type { ColumnType, Generated, Selectable } from 'kysely';

// Table types of calendar feeds (issue 5); part of DB in schema.ts.
export type FeedScope = 'school' | 'company' | 'municipality' | 'user' | 'organisation';

export interface FeedTokenTable {
	id: Generated<string>;
	scope: FeedScope;
	organisationId: string | null;
	userId: string | null;
	/** SHA-256 of the secret in the address; the secret itself is never stored. */
	tokenHash: Uint8Array;
	createdBy: string | null;
	createdAt: Generated<Date>;
	revokedAt: Date | null;
	/** When a calendar last fetched the address (recorded at most once a minute). */
	lastFetchedAt: Date | null;
	lastClient: FeedClient | null;
	/** Bytes of the plain feed last sent in full. */
	lastSize: number | null;
}

/** The kind of calendar client, from its User-Agent. */
export type FeedClient = 'google' | 'microsoft' | 'apple' | 'other';

export type FeedToken = Selectable<FeedTokenTable>;

/** Per feed variant: the ETag last answered and a Last-Modified that never decreases. */
export interface FeedVersionTable {
	key: string;
	etag: string;
	lastModified: Date;
}

/** A change of an activity's time, place or status, with the values before (a trigger writes
 * it); a job mails those close at hand and sets handledAt. */
export interface ActivityChangeTable {
	id: Generated<string>;
	activityId: string;
	title: string;
	oldStartDate: ColumnType<string, string, string>;
	oldStartTime: string | null;
	oldEndDate: ColumnType<string, string, string>;
	oldEndTime: string | null;
	oldPlace: string;
	oldStatus: string;
	changedAt: Generated<Date>;
	handledAt: Date | null;
}
