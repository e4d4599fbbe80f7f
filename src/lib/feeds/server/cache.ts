import type { FeedSpec } from './scope';
import type { FeedValidators } from './feed';
import { onDatabaseWrite } from '$lib/platform/server/db/write-signal';

// Small in-process caches for the feed endpoint. Calendar clients poll; most requests are
// revalidations of unchanged feeds. The caches are short-lived (a few seconds, well inside the
// max-age=300 the responses declare) and bounded, so memory stays flat. A write in this process
// to a table a feed is made from clears the specs and validators at once, so an edit is never
// answered 304 with the old ETag here; other processes on the same database see it when their
// entries expire. Rotating or revoking an address clears them too.

let ttlMs = Number(process.env.FEED_CACHE_MS ?? 2000);

/** Tests and benchmarks set 0 to see every change at once (or to measure without the cache). */
export function setFeedCacheTtl(ms: number): void {
	ttlMs = ms;
	clearFeedCache();
}

interface Entry<T> {
	value: T;
	expires: number;
}

class TtlCache<T> {
	private map = new Map<string, Entry<T>>();
	constructor(private max: number) {}

	get(key: string, now: number): T | undefined {
		const entry = this.map.get(key);
		if (!entry) return undefined;
		if (entry.expires <= now) {
			this.map.delete(key);
			return undefined;
		}
		return entry.value;
	}

	set(key: string, value: T, now: number): void {
		if (ttlMs <= 0) return;
		if (this.map.size >= this.max) this.map.delete(this.map.keys().next().value!);
		this.map.set(key, { value, expires: now + ttlMs });
	}

	clear(): void {
		this.map.clear();
	}
}

/** Token hash (hex) → the spec of its live feed; unknown tokens are not kept. */
export const specs = new TtlCache<FeedSpec>(5_000);
/** Spec key + options → ETag and Last-Modified. */
export const validators = new TtlCache<FeedValidators>(5_000);

/** Built bodies by ETag, plain and gzipped, at most BODY_BYTES in all (oldest out first). One
 * body may take half of it (a feed of 20,000 events is ~14 M characters), so a large feed is
 * built once per change, not on every full request. */
const BODY_BYTES = 64 * 1024 * 1024;
interface Body {
	text: string;
	/** UTF-8 bytes of text. */
	bytes: number;
	gzip: Uint8Array | null;
}
const bodies = new Map<string, Body>();
let bodyBytes = 0;

export function cachedBody(etag: string): Body | undefined {
	return bodies.get(etag);
}

export function cacheBody(etag: string, body: Body): void {
	if (ttlMs <= 0 || body.text.length > BODY_BYTES / 2) return;
	const old = bodies.get(etag);
	if (old) bodyBytes -= old.text.length + (old.gzip?.byteLength ?? 0);
	bodies.set(etag, body);
	bodyBytes += body.text.length + (body.gzip?.byteLength ?? 0);
	while (bodyBytes > BODY_BYTES) {
		const [oldest, entry] = bodies.entries().next().value!;
		bodies.delete(oldest);
		bodyBytes -= entry.text.length + (entry.gzip?.byteLength ?? 0);
	}
}

export function clearFeedCache(): void {
	specs.clear();
	validators.clear();
	bodies.clear();
	bodyBytes = 0;
}

/** Tables a feed's spec or content is read from. */
const FEED_TABLES = new Set([
	'activity',
	'activityParticipant',
	'activitySeries',
	'offer',
	'booking',
	'organisation',
	'schoolHoliday',
	'membership',
	'appUser',
	'category',
	'feedToken'
]);

onDatabaseWrite((tables) => {
	for (const table of tables) {
		if (FEED_TABLES.has(table)) {
			specs.clear();
			validators.clear();
			return;
		}
	}
});
