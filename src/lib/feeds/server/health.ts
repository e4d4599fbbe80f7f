import type { FeedClient } from '$lib/platform/server/db/schema';

// Feed health, pure: which kind of calendar fetched an address (from its User-Agent), and what
// its owner should know about it (not fetched for a month, close to Google's size limit).

export type { FeedClient };

/** Google Calendar drops events from subscribed feeds larger than about this. */
export const GOOGLE_LIMIT_BYTES = 1_000_000;
/** An address no calendar fetched for this long is probably subscribed nowhere any more. */
export const STALE_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

const CLIENTS: [FeedClient, RegExp][] = [
	// Google-Calendar-Importer (calendar.google.com's subscription fetcher).
	['google', /google/i],
	// Outlook on the web and desktop, Exchange Online: "Microsoft Office/16.0 …",
	// "Microsoft.Exchange/15.20 …", "Outlook-iOS/…", "MSOffice 16".
	['microsoft', /microsoft|outlook|exchange|msoffice/i],
	// iPhone and Mac Calendar: "iOS/17.4 (21E219) dataaccessd/1.0", "macOS/14.4 (23E214)
	// CalendarAgent/988", older "Mac OS X/10.15 … CalendarAgent" and "iCal/".
	['apple', /dataaccessd|calendaragent|\bical\/|\bios\/|macos\/|mac os x/i]
];

export function classifyFeedClient(userAgent: string | null): FeedClient {
	if (!userAgent) return 'other';
	for (const [client, pattern] of CLIENTS) if (pattern.test(userAgent)) return client;
	return 'other';
}

export interface FeedHealth {
	lastFetchedAt: Date | null;
	lastClient: FeedClient | null;
	lastSize: number | null;
	/** Share of Google's limit, 0–100+ (rounded), when the size is known. */
	sizePercent: number | null;
	/** Not fetched for STALE_DAYS (counted from its making when never fetched). */
	stale: boolean;
}

export function feedHealth(
	row: {
		createdAt: Date;
		lastFetchedAt: Date | null;
		lastClient: FeedClient | null;
		lastSize: number | null;
	},
	now: Date
): FeedHealth {
	const since = (row.lastFetchedAt ?? row.createdAt).getTime();
	return {
		lastFetchedAt: row.lastFetchedAt,
		lastClient: row.lastClient,
		lastSize: row.lastSize,
		sizePercent:
			row.lastSize === null ? null : Math.round((row.lastSize / GOOGLE_LIMIT_BYTES) * 100),
		stale: now.getTime() - since >= STALE_DAYS * DAY_MS
	};
}
