import type { Kysely } from 'kysely';
import type { Actor } from '$lib/auth';
import type { DB, FeedScope, OrganisationKind } from '$lib/platform/server/db/schema';
import {
	constantTimeEqual,
	generateSecureRandomString,
	hashSecret
} from '$lib/platform/server/random';
import { clearFeedCache } from './cache';
import { recordAudit, summaries } from '$lib/audit/server';
import {
	findFeedTokenRow,
	findLiveFeedTokenRow,
	insertFeedTokenRow,
	revokeLiveFeedTokenRows,
	type FeedTokenRow
} from './queries';

// Secret feed addresses. Only SHA-256(token) is stored, so an address is shown once: when it is
// made or rotated. Whoever loses it makes a new one (the old one stops working at once).

export type OrganisationFeedScope = Exclude<FeedScope, 'user'>;
export type FeedSubject =
	{ scope: 'user'; userId: string } | { scope: OrganisationFeedScope; organisationId: string };

export interface FeedRecord {
	id: string;
	subject: FeedSubject;
	createdAt: Date;
}

/** 32 lowercase base32 characters = 160 random bits (generateSecureRandomString). */
export const FEED_TOKEN = /^[a-z2-7]{32}$/;

export function scopeForKind(kind: OrganisationKind): OrganisationFeedScope {
	if (kind === 'school' || kind === 'company' || kind === 'municipality') return kind;
	return 'organisation';
}

function toRecord(row: FeedTokenRow): FeedRecord {
	const subject: FeedSubject =
		row.scope === 'user'
			? { scope: 'user', userId: row.userId! }
			: { scope: row.scope, organisationId: row.organisationId! };
	return { id: row.id, subject, createdAt: row.createdAt };
}

/** Org admins (and the secretariat) manage an organisation's feed; a person their own. */
export function canManageFeed(user: Actor | null, subject: FeedSubject) {
	if (user === null) return false;
	if (subject.scope === 'user') return user.id === subject.userId;
	if (user.isSecretariat) return true;
	return user.memberships.some(
		(m) => m.organisationId === subject.organisationId && m.role === 'admin'
	);
}

/**
 * Making and rotating an address are logged; the summary says which, never the token. A person's
 * own feed belongs to no organisation: only the secretariat sees it in the log.
 */
function auditFeed(
	db: Kysely<DB>,
	actorId: string | null,
	action: 'create' | 'update',
	feed: { id: string; organisationId: string | null }
) {
	return recordAudit(db, {
		actorId,
		organisationId: feed.organisationId,
		action,
		entityType: 'feed',
		entityId: feed.id,
		summary: action === 'create' ? summaries.feedCreated() : summaries.feedRotated()
	});
}

async function findLiveFeed(db: Kysely<DB>, subject: FeedSubject): Promise<FeedRecord | null> {
	const row = await findLiveFeedTokenRow(db, subject);
	return row ? toRecord(row) : null;
}

/**
 * The live feed of the subject; `token` is the secret only when this call made the feed (a
 * concurrent maker wins the unique index and this call gets null back, as for an existing one).
 */
export async function getOrCreateFeedToken(
	db: Kysely<DB>,
	subject: FeedSubject,
	createdBy: string | null = null
): Promise<{ feed: FeedRecord; token: string | null }> {
	const existing = await findLiveFeed(db, subject);
	if (existing) return { feed: existing, token: null };
	const token = generateSecureRandomString();
	const row = await db.transaction().execute(async (trx) => {
		const made = await insertFeedTokenRow(trx, subject, hashSecret(token), createdBy, {
			unlessLive: true
		});
		if (made) await auditFeed(trx, createdBy, 'create', made);
		return made;
	});
	if (row) return { feed: toRecord(row), token };
	const winner = await findLiveFeed(db, subject);
	if (!winner) throw new Error('feed token vanished during creation');
	return { feed: winner, token: null };
}

/** Revokes the live address (it answers 404 from now on) and makes a new one. */
export async function rotateFeedToken(
	db: Kysely<DB>,
	subject: FeedSubject,
	createdBy: string | null = null,
	now = new Date()
): Promise<{ feed: FeedRecord; token: string }> {
	const token = generateSecureRandomString();
	const row = await db.transaction().execute(async (trx) => {
		await revokeLiveFeedTokenRows(trx, subject, now);
		const made = await insertFeedTokenRow(trx, subject, hashSecret(token), createdBy);
		if (!made) throw new Error('a new feed token was not stored');
		await auditFeed(trx, createdBy, 'update', made);
		return made;
	});
	clearFeedCache();
	return { feed: toRecord(row), token };
}

/** The live feed behind a token; a malformed token costs no query. */
export async function findFeedByToken(db: Kysely<DB>, token: string): Promise<FeedRecord | null> {
	if (!FEED_TOKEN.test(token)) return null;
	const hash = hashSecret(token);
	const row = await findFeedTokenRow(db, hash);
	if (!row || !constantTimeEqual(hash, new Uint8Array(row.tokenHash))) return null;
	return toRecord(row);
}
