import type { Kysely } from 'kysely';
import type { DB } from '$lib/platform/server/db/schema';
import { findStoredFeedVersion, storeFeedVersion } from './queries';

// Last-Modified of a feed never goes back. It is computed from the latest change among the
// events still in the feed; when one is deleted or leaves the feed (made private, cancelled long
// ago, out of the window) that maximum drops, and a client revalidating with If-Modified-Since
// would be told 304 and keep the event. So each variant's last answer is stored, and a new
// ETag with a Last-Modified no later than the stored one is stamped "now" instead.

const SECOND = 1000;

/**
 * The Last-Modified to send for `etag`: the stored one while the ETag is unchanged; after a
 * change the later of the computed time and now (at least a whole second after the stored one,
 * since HTTP dates have whole seconds). Writes only when the ETag changed.
 */
export async function settleLastModified(
	db: Kysely<DB>,
	key: string,
	etag: string,
	computed: Date | null,
	now: Date
): Promise<Date | null> {
	const stored = await findStoredFeedVersion(db, key);
	if (stored?.etag === etag) return stored.lastModified;
	let next = computed;
	if (stored) {
		const floor = Math.floor(stored.lastModified.getTime() / SECOND) * SECOND + SECOND;
		if (next === null || next.getTime() < floor) next = new Date(Math.max(now.getTime(), floor));
	}
	if (next === null) return null;
	return storeFeedVersion(db, key, etag, next);
}
