import type { Kysely } from 'kysely';
import type { DB } from '$lib/platform/server/db/schema';
import type { Actor } from '$lib/auth';
import { recordAudit, summaries } from '$lib/audit/server';
import { canManageFeed, scopeForKind } from './token';
import { feedHealth, type FeedHealth } from './health';
import { findMemberFeedRows, revokeMemberFeedRow } from './queries';
import { clearFeedCache } from './cache';

// Members' personal addresses. A personal feed carries the private activities of each of the
// person's organisations, with their notes; so an organisation's admins see which members have
// one (who, since when, how it is used; never the secret) and can end it. Leaving the
// organisation ends it by itself (a trigger on membership, see the migration feed_health).

export interface MemberFeed {
	id: string;
	userId: string;
	name: string;
	email: string;
	createdAt: Date;
	health: FeedHealth;
}

function adminOf(user: Actor, organisationId: string): boolean {
	const membership = user.memberships.find((m) => m.organisationId === organisationId);
	const scope = membership ? scopeForKind(membership.kind) : 'organisation';
	return canManageFeed(user, { scope, organisationId });
}

/** Null when the person may not manage the organisation's feeds. */
export async function listMemberFeeds(
	db: Kysely<DB>,
	user: Actor,
	organisationId: string,
	now = new Date()
): Promise<MemberFeed[] | null> {
	if (!adminOf(user, organisationId)) return null;
	const rows = await findMemberFeedRows(db, organisationId);
	return rows.map((row) => ({
		id: row.id,
		userId: row.userId,
		name: row.name,
		email: row.email,
		createdAt: row.createdAt,
		health: feedHealth(row, now)
	}));
}

/** Ends a member's personal address: 'forbidden' for a non-admin, 'not_found' when the address
 * is not a live personal one of this organisation's member. */
export async function revokeMemberFeed(
	db: Kysely<DB>,
	user: Actor,
	organisationId: string,
	feedId: string,
	now = new Date()
): Promise<'revoked' | 'forbidden' | 'not_found'> {
	if (!user.memberships.some((m) => m.organisationId === organisationId) && !user.isSecretariat)
		return 'not_found';
	if (!adminOf(user, organisationId)) return 'forbidden';
	if (!/^[0-9a-f-]{36}$/i.test(feedId)) return 'not_found';
	const revoked = await db.transaction().execute(async (trx) => {
		const userId = await revokeMemberFeedRow(trx, organisationId, feedId, now);
		if (userId) {
			await recordAudit(trx, {
				actorId: user.id,
				organisationId,
				action: 'delete',
				entityType: 'feed',
				entityId: feedId,
				summary: summaries.feedRevoked()
			});
		}
		return userId;
	});
	if (!revoked) return 'not_found';
	clearFeedCache();
	return 'revoked';
}
