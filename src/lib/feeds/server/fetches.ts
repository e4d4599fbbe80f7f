import type { Kysely } from 'kysely';
import type { DB } from '$lib/platform/server/db/schema';
import { classifyFeedClient } from './health';
import { recordFeedFetchRow } from './queries';

// Who fetches an address, recorded cheaply: calendars poll, mostly to be told "not modified",
// so an address is written at most once a minute, or sooner when a full answer of another size
// went out (the size its owner sees should be the current one).

const EVERY_MS = 60_000;
const MAX_TRACKED = 10_000;
const recent = new Map<string, { at: number; size: number | null }>();

export async function recordFeedFetch(
	db: Kysely<DB>,
	tokenHash: Uint8Array,
	hashHex: string,
	userAgent: string | null,
	size: number | null,
	now: number
): Promise<void> {
	const last = recent.get(hashHex);
	const newSize = size !== null && size !== last?.size;
	if (last && now - last.at < EVERY_MS && !newSize) return;
	if (recent.size >= MAX_TRACKED) recent.clear();
	recent.set(hashHex, { at: now, size: size ?? last?.size ?? null });
	await recordFeedFetchRow(db, tokenHash, new Date(now), classifyFeedClient(userAgent), size);
}

/** Tests: forget what was recorded, so the next fetch is written. */
export function forgetFeedFetches(): void {
	recent.clear();
}
